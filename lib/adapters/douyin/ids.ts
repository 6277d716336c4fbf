/** Reading ids and small values from untrusted JSON. Pure. */

/**
 * An id as text. Douyin ids have 19 digits, beyond what a JS number holds exactly: a numeric id that is
 * not a safe integer was already rounded by `JSON.parse` and would point at another ticket, so it is
 * refused (`imprecise`) rather than used.
 */
export function idText(v: unknown): { id?: string; imprecise?: true } {
  if (typeof v === 'string') {
    const t = v.trim();
    return /^[A-Za-z0-9_-]{1,64}$/.test(t) ? { id: t } : {};
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
    return Number.isSafeInteger(v) ? { id: String(v) } : { imprecise: true };
  }
  return {};
}

/** A non-empty trimmed string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Fen as a non-negative integer (numbers or digit strings). */
export function fen(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** A plain object, else undefined. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Douyin's "no value" for times and deadlines: absent, null, 0, '' or '0'. */
export const isBlank = (v: unknown): boolean => v === undefined || v === null || v === 0 || v === '' || v === '0';

/** Tag texts from `[{tag_text}]`, `[{text}]`, `[{tag_name}]`, `[{tagName}]`, `[{name}]` or plain strings. */
export function tagTexts(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((t) => {
    if (typeof t === 'string') return t.trim() ? [t.trim()] : [];
    const o = obj(t);
    const text = o && str(o.tag_text ?? o.text ?? o.tag_name ?? o.tagName ?? o.name ?? o.title);
    return text ? [text] : [];
  });
}

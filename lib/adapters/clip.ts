/**
 * Oversized display fields are clipped, not dropped: one over-long title must not cost the merchant the
 * ticket and its deadline. Only free text is clipped (title, shop name, buyer, product, tags); ids, urls and
 * times are identity or evidence, and an invalid one still drops the ticket. The limits are RawTicketSchema's.
 */
const LIMITS = { title: 200, shopName: 120, buyer: 80, product: 200 } as const;
const TAG_MAX = 20;
const TAGS_MAX = 20;

/** At most `max` UTF-16 units, ending in `…` when cut, never splitting a surrogate pair. */
export function clipText(s: string, max: number): string {
  const t = s.trim();
  if (t.length <= max) return t;
  let end = max - 1;
  const code = t.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return `${t.slice(0, end).trimEnd()}…`;
}

export function clipTicketFields(candidate: unknown): unknown {
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) return candidate;
  const c = { ...(candidate as Record<string, unknown>) };
  for (const [field, max] of Object.entries(LIMITS)) {
    const v = c[field];
    if (typeof v === 'string' && v.length > max) c[field] = clipText(v, max);
  }
  if (Array.isArray(c.tags))
    c.tags = c.tags
      .slice(0, TAGS_MAX)
      .map((x) => (typeof x === 'string' && x.length > TAG_MAX ? clipText(x, TAG_MAX) : x));
  return c;
}

/**
 * Time placeholders in the SPA stand-in pages (`tests/fixtures/<market>/*--base.html`). Those pages are
 * served to a live browser for e2e tests and demos, so their times must sit around the real now: the page
 * says `{{T-2h}}` and the server replaces it with the Beijing time text two hours ago.
 *
 * Syntax: `{{T}}` (now), `{{T-2h}}`, `{{T+1d}}`, `{{T-1d2h30m}}` (units d, h, m, s; one sign for the whole
 * offset), optionally `|<dayjs format>`: `{{T-30m|MM-DD HH:mm}}`. The default format is
 * `YYYY-MM-DD HH:mm:ss`, as the seller centers print times. Anything else in braces is left as it is.
 */
import { formatBeijing } from '../../lib/time';

const PLACEHOLDER = /\{\{T(?:([+-])((?:\d+[dhms])+))?(?:\|([^{}]+))?\}\}/g;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** `1d2h30m` → ms. */
function offsetMs(parts: string): number {
  let ms = 0;
  for (const [, n, unit] of parts.matchAll(/(\d+)([dhms])/g)) ms += Number(n) * (UNIT_MS[unit ?? ''] ?? 0);
  return ms;
}

/** Replaces every `{{T…}}` placeholder with Beijing time text relative to `now` (epoch ms). */
export function fillTimePlaceholders(html: string, now: number): string {
  return html.replace(
    PLACEHOLDER,
    (_m, sign: string | undefined, parts: string | undefined, format: string | undefined) => {
      const delta = sign && parts ? (sign === '-' ? -1 : 1) * offsetMs(parts) : 0;
      return formatBeijing(now + delta, format?.trim() || 'YYYY-MM-DD HH:mm:ss');
    },
  );
}

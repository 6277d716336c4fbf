/**
 * Time helpers without dayjs, for content scripts (issue 12: the page bundle carries no dayjs or holiday
 * data). Beijing time is UTC+8 with no DST since 1991, so plain offset arithmetic is exact.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const MIN_PLAUSIBLE = Date.UTC(2015, 0, 1);
const YEAR_MS = 366 * 24 * 3600_000;

/**
 * A platform timestamp in Unix seconds or milliseconds (both occur for the same field across tools;
 * marketplaces.md) as epoch ms. A value above 1e11 is milliseconds. Numeric strings are accepted.
 * Nonsense (not a number, before 2015 or two years before `now`, more than a year after `now`) gives undefined.
 */
export function parseEpoch(value: unknown, now: number): number | undefined {
  const n = typeof value === 'string' && /^\d{9,14}(?:\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = Math.round(n > 1e11 ? n : n * 1000);
  // Nor more than two years back: fuzzing found garbage read as a 2015 deadline ("overdue 11 years").
  if (ms < Math.max(MIN_PLAUSIBLE, now - 2 * YEAR_MS) || ms > now + YEAR_MS) return undefined;
  return ms;
}

/**
 * A duration as the merchant reads it: `1天3小时`, `2小时05分`, `12分30秒`. Sub-hour values show
 * seconds so the live countdown visibly moves.
 */
export function formatDuration(ms: number, locale: 'zh' | 'en' = 'zh'): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (locale === 'en') {
    if (d > 0) return `${d}d ${h}h`;
    if (h > 0) return `${h}h ${pad(m)}m`;
    return `${m}m ${pad(s)}s`;
  }
  if (d > 0) return `${d}天${h}小时`;
  if (h > 0) return `${h}小时${pad(m)}分`;
  return `${m}分${pad(s)}秒`;
}

/** `2026-11-24 10:00:00` in Beijing time, whatever the machine's zone. */
export const beijingDateTime = (ms: number): string =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** `10:42` in Beijing time, whatever the machine's zone. */
export const beijingHourMinute = (ms: number): string => beijingDateTime(ms).slice(11, 16);

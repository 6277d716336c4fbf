/**
 * Beijing calendar arithmetic on plain numbers. Asia/Shanghai has had no DST since 1991, so a Beijing
 * wall-clock day is exactly `[day * 24h − 8h, (day + 1) * 24h − 8h)` in epoch ms. Nothing here reads the
 * machine's zone (no `Date` getters), which is what keeps deadlines identical on a computer set to
 * Los Angeles or Berlin (sla-rules.md, edge cases).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const DAY_MINUTES = 24 * 60;
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** The Beijing calendar day of an instant, as days since 1970-01-01 (Beijing). */
export const dayOf = (ms: number): number => Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);

/** The instant a Beijing day starts (00:00 Beijing). */
export const dayStart = (day: number): number => day * DAY_MS - BEIJING_OFFSET_MS;

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  date: number;
}

/**
 * Day number → year/month/date, integer arithmetic only (H. Hinnant's `civil_from_days`), so it is exact
 * for any day and costs no allocation of a Date.
 */
export function civilOf(day: number): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, date };
}

/** Year/month/date (Beijing) → day number; the inverse of {@link civilOf}. */
export function dayFromCivil(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `2026-10-01`: the key format of the chinese-days data. */
export function dayKey(day: number): string {
  const c = civilOf(day);
  return `${c.year}-${pad2(c.month)}-${pad2(c.date)}`;
}

/** `10-01`, or `2026-10-01` with the year. */
export function formatDay(day: number, withYear = false): string {
  const c = civilOf(day);
  return withYear ? `${c.year}-${pad2(c.month)}-${pad2(c.date)}` : `${pad2(c.month)}-${pad2(c.date)}`;
}

/** Minutes after midnight → `HH:mm`; 1440 prints as `24:00` (the exclusive end of a day). */
export function formatMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Time of day of an instant in Beijing, `HH:mm` (seconds are dropped). */
export function formatTimeOfDay(ms: number): string {
  return formatMinutes(Math.floor((ms - dayStart(dayOf(ms))) / MINUTE_MS));
}

/** `11-24 20:00` (or `2026-11-24 20:00`) in Beijing time. */
export function formatInstant(ms: number, withYear = false): string {
  return `${formatDay(dayOf(ms), withYear)} ${formatTimeOfDay(ms)}`;
}

/** The Beijing year of an instant. */
export const yearOf = (ms: number): number => civilOf(dayOf(ms)).year;

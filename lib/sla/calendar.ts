/**
 * Chinese working days (holidays off, make-up workdays / 调休 on) for `workdays` clocks.
 *
 * The data is the `chinese-days` package's bundled table, read directly. Its `isWorkday()` is not used on
 * purpose: in chinese-days 1.5.7 it parses `YYYY-MM-DD` as UTC midnight but keys and weekdays by the
 * machine's local date, and builds its holiday table the same way at import time. West of UTC every date
 * shifts by a day (on a computer set to America/Los_Angeles `isWorkday('2026-10-17')`, a plain Saturday,
 * is true and `getDayDetail('2026-10-10').date` is `2026-10-09`). The JSON was generated once by the
 * package's build and is keyed by the true dates (calendar.test.ts cross-checks it against `isWorkday` in
 * zones where that works), and the weekday comes from our own day arithmetic.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dayFromCivil, dayKey, weekdayOf } from './beijing';

type DayTable = Readonly<Record<string, string>>;
const HOLIDAYS: DayTable = chineseDays.holidays;
const MAKE_UP_WORKDAYS: DayTable = chineseDays.workdays;

const years = Object.keys(HOLIDAYS)
  .concat(Object.keys(MAKE_UP_WORKDAYS))
  .map((k) => Number(k.slice(0, 4)));

/**
 * The years the holiday data covers. Later years fall back to Monday–Friday, as chinese-days itself does,
 * until the package is updated (the State Council publishes each year's arrangement in November).
 */
export const HOLIDAY_DATA_YEARS: { readonly first: number; readonly last: number } = {
  first: Math.min(...years),
  last: Math.max(...years),
};

/** What the calendar says about one Beijing day. */
export interface DayInfo {
  /** Days since 1970-01-01 (Beijing). */
  day: number;
  /** `2026-10-01` */
  date: string;
  work: boolean;
  /** Official holiday name (`国庆节`) when the day is off for a holiday. */
  holiday?: string;
  /** A weekend day that is a working day (调休上班); `holidayFor` names the holiday it makes up for. */
  makeUp: boolean;
  holidayFor?: string;
  /** The year is beyond the bundled holiday data: only weekends are off. */
  guessed: boolean;
}

/** Values look like `National Day,国庆节,3`: English name, Chinese name, length. */
const zhName = (value: string | undefined): string | undefined => value?.split(',')[1];

/** Full details of a day (explain()); the walk uses the cached {@link isWorkdayOn}. */
export function dayInfo(day: number): DayInfo {
  const date = dayKey(day);
  const weekday = weekdayOf(day);
  const makeUpFor = MAKE_UP_WORKDAYS[date];
  const holidayOf = HOLIDAYS[date];
  const year = Number(date.slice(0, 4));
  const guessed = year > HOLIDAY_DATA_YEARS.last || year < HOLIDAY_DATA_YEARS.first;
  const weekend = weekday === 0 || weekday === 6;
  const work = makeUpFor !== undefined || (!weekend && holidayOf === undefined);
  const info: DayInfo = { day, date, work, makeUp: makeUpFor !== undefined && weekend, guessed };
  const holiday = work ? undefined : zhName(holidayOf);
  if (holiday) info.holiday = holiday;
  const holidayFor = makeUpFor === undefined ? undefined : zhName(makeUpFor);
  if (holidayFor) info.holidayFor = holidayFor;
  return info;
}

// Working-day flags for 2000–2099 in one typed array: the walk asks about the same few days for thousands
// of tickets, and a string key per lookup would dominate the cost (bench/sla.bench.ts).
const CACHE_FIRST_DAY = dayFromCivil(2000, 1, 1);
const CACHE_DAYS = dayFromCivil(2100, 1, 1) - CACHE_FIRST_DAY;
const WORK = 1; // 0 = not looked up yet
const OFF = 2;
const cache = new Uint8Array(CACHE_DAYS);

/** Whether a Beijing day is a working day (chinese-days data: holidays off, 调休 make-up days on). */
export function isWorkdayOn(day: number): boolean {
  const i = day - CACHE_FIRST_DAY;
  if (i < 0 || i >= CACHE_DAYS) return dayInfo(day).work;
  const v = cache[i];
  if (v === WORK) return true;
  if (v === OFF) return false;
  const work = dayInfo(day).work;
  cache[i] = work ? WORK : OFF;
  return work;
}

import { describe, expect, it } from 'vitest';
import { isWorkday } from 'chinese-days';
import { dayFromCivil, dayKey, weekdayOf } from './beijing';
import { HOLIDAY_DATA_YEARS, dayInfo, isWorkdayOn } from './calendar';

const day = (key: string) => {
  const [y, m, d] = key.split('-').map(Number);
  return dayFromCivil(y!, m!, d!);
};

describe('Chinese working days (chinese-days data)', () => {
  // 2026 arrangement, gov.cn 国办发明电〔2025〕 (as bundled in chinese-days 1.5.7):
  // 国庆节 10-01 (Thu) … 10-07 off; 09-20 (Sun) and 10-10 (Sat) worked.
  it.each([
    ['2026-09-30', true, 'Wednesday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the holiday'],
    ['2026-10-08', true, 'back to work'],
    ['2026-10-10', true, 'make-up Saturday (调休)'],
    ['2026-10-11', false, 'plain Sunday'],
    ['2026-10-17', false, 'plain Saturday'],
    ['2026-09-20', true, 'make-up Sunday (调休)'],
    ['2026-02-14', true, 'make-up Saturday before Spring Festival'],
    ['2026-02-16', false, 'Spring Festival (Monday)'],
    ['2026-01-04', true, 'make-up Sunday after New Year'],
    ['2025-11-24', true, 'plain Monday'],
  ])('%s work=%s (%s)', (key, work) => {
    expect(isWorkdayOn(day(key))).toBe(work);
    expect(dayInfo(day(key)).work).toBe(work);
  });

  it('names holidays and make-up days', () => {
    expect(dayInfo(day('2026-10-01'))).toMatchObject({ work: false, holiday: '国庆节', makeUp: false });
    expect(dayInfo(day('2026-10-10'))).toMatchObject({ work: true, makeUp: true, holidayFor: '国庆节' });
    expect(dayInfo(day('2026-10-17')).holiday).toBeUndefined();
  });

  it('covers at least 2026; later years fall back to Monday–Friday', () => {
    expect(HOLIDAY_DATA_YEARS.last).toBeGreaterThanOrEqual(2026);
    const beyond = HOLIDAY_DATA_YEARS.last + 1;
    const first = dayFromCivil(beyond, 3, 1);
    const monday = first + ((8 - weekdayOf(first)) % 7);
    expect(dayInfo(monday)).toMatchObject({ work: true, guessed: true });
    expect(dayInfo(monday + 5)).toMatchObject({ work: false, guessed: true });
    expect(isWorkdayOn(monday + 5)).toBe(false);
  });

  // chinese-days' own isWorkday() is only right where local midnight is on the same UTC date (UTC and east),
  // see calendar.ts. There, it must agree with our reading of its data on every day it covers.
  const eastOfUtc = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() <= 0;
  it.runIf(eastOfUtc)('agrees with chinese-days isWorkday() on every day 2004–2026 (zones at/east of UTC)', () => {
    const mismatches: string[] = [];
    for (
      let d = dayFromCivil(HOLIDAY_DATA_YEARS.first, 1, 1);
      d <= dayFromCivil(HOLIDAY_DATA_YEARS.last, 12, 31);
      d++
    ) {
      if (isWorkday(dayKey(d)) !== isWorkdayOn(d)) mismatches.push(dayKey(d));
    }
    expect(mismatches).toEqual([]);
  });
});

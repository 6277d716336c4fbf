import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_MS,
  civilOf,
  dayFromCivil,
  dayKey,
  dayOf,
  dayStart,
  formatInstant,
  formatMinutes,
  weekdayOf,
} from './beijing';
import { bj } from './testing';

describe('Beijing day arithmetic', () => {
  it('days start at 00:00 Beijing = 16:00 UTC the day before', () => {
    const day = dayOf(bj('2026-10-25 00:00'));
    expect(dayStart(day)).toBe(Date.UTC(2026, 9, 24, 16));
    expect(dayOf(bj('2026-10-25 23:59:59.999'))).toBe(day);
    expect(dayOf(bj('2026-10-26 00:00'))).toBe(day + 1);
    expect(dayKey(day)).toBe('2026-10-25');
    expect(weekdayOf(day)).toBe(0); // Sunday
  });

  it('civilOf / dayFromCivil agree with Date.UTC for any day, before and after 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const d = new Date(day * DAY_MS);
        const c = civilOf(day);
        expect([c.year, c.month, c.date]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(weekdayOf(day)).toBe(d.getUTCDay());
        expect(dayFromCivil(c.year, c.month, c.date)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('formats Beijing wall time, 24:00 as the end of a day', () => {
    expect(formatInstant(bj('2025-11-24 20:00'))).toBe('11-24 20:00');
    expect(formatInstant(bj('2025-01-01 00:30'), true)).toBe('2025-01-01 00:30');
    expect(formatMinutes(1440)).toBe('24:00');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDateTimeText, parseDurationText } from './parse-text';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** 2026-11-25 10:00 Beijing (a Wednesday), as FIXTURE_NOW in tests/support/fixtures.ts. */
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
/** Beijing wall clock → epoch ms, written out independently of the parser. */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('parseDurationText', () => {
  it.each([
    ['6天2时3分30秒', 6 * D + 2 * H + 3 * M + 30 * S, false],
    ['（6天2时3分30秒未处理，系统将自动退款）', 6 * D + 2 * H + 3 * M + 30 * S, false],
    ['剩余23小时59分', 23 * H + 59 * M, false],
    ['还剩1天', D, false],
    ['已逾期2小时', 2 * H, true],
    ['超时30分钟', 30 * M, true],
    ['已超时 5分钟', 5 * M, true],
    ['逾期1天3小时', D + 3 * H, true],
    ['逾期：1天', D, true],
    ['2小时后超时', 2 * H, false],
    ['即将超时，剩余2小时', 2 * H, false],
    ['即将超时2小时', 2 * H, false],
    ['距超时还有1小时', H, false],
    ['剩余 00:45:10', 45 * M + 10 * S, false],
    ['23:59:59后自动退款', 23 * H + 59 * M + 59 * S, false],
    ['剩余 1天 02:03:04', D + 2 * H + 3 * M + 4 * S, false],
    ['已逾期 01:00:00', H, true],
    ['3日内处理', 3 * D, false],
    ['1天 3小时', D + 3 * H, false],
    ['2个小时后自动关闭', 2 * H, false],
    ['30秒', 30 * S, false],
    ['剩余０天２小时', 2 * H, false],
  ])('%s', (text, ms, overdue) => {
    expect(parseDurationText(text)).toEqual({ ms, overdue });
  });

  it('takes the first duration and stops at a unit out of order', () => {
    expect(parseDurationText('剩余23小时59分，超时将自动退款')).toEqual({ ms: 23 * H + 59 * M, overdue: false });
    // 分 then 时 is not one countdown: the first run ends at 5分.
    expect(parseDurationText('5分3时')).toEqual({ ms: 5 * M, overdue: false });
  });

  it.each([
    [''],
    ['abc'],
    ['25:61'],
    ['剩余 23:59'], // h:mm or m:ss? ambiguous
    ['10:00:00'], // a clock time, no countdown cue
    ['2026-11-24 10:00:00后自动关闭'], // a date, not a duration
    ['今天 10:00:00后'],
    ['11月24日'],
    ['2026年11月24日10时30分'],
    ['1.5小时'], // only integers are read
    ['订单号 241125-512345678901234'],
  ])('rejects %j', (text) => {
    expect(parseDurationText(text)).toBeUndefined();
  });

  it('survives non-strings', () => {
    expect(parseDurationText(undefined as unknown as string)).toBeUndefined();
  });
});

describe('parseDateTimeText', () => {
  it.each([
    ['2026-11-24 10:00:00', bj(2026, 11, 24, 10)],
    ['2026-11-24 10:00', bj(2026, 11, 24, 10)],
    ['2026/11/24 10:00', bj(2026, 11, 24, 10)],
    ['2026.11.24 23:59:59', bj(2026, 11, 24, 23, 59, 59)],
    ['2026年11月24日 10:00', bj(2026, 11, 24, 10)],
    ['创建时间：2026-11-24 10:00:00', bj(2026, 11, 24, 10)],
    ['2026-11-24T10:00:00', bj(2026, 11, 24, 10)],
    ['11-24 10:00', bj(2026, 11, 24, 10)],
    ['11/26 08:30', bj(2026, 11, 26, 8, 30)],
    ['11月24日 10:00', bj(2026, 11, 24, 10)],
    ['今天 10:00', bj(2026, 11, 25, 10)],
    ['昨天 21:30', bj(2026, 11, 24, 21, 30)],
    ['前天 08:00', bj(2026, 11, 23, 8)],
    ['明天 09:00', bj(2026, 11, 26, 9)],
    ['后天 09:00:30', bj(2026, 11, 27, 9, 0, 30)],
    ['２０２６－１１－２４ １０：００', bj(2026, 11, 24, 10)],
    ['2026-11-24 24:00', bj(2026, 11, 25, 0)],
  ])('%s', (text, expected) => {
    expect(parseDateTimeText(text, NOW)).toBe(expected);
  });

  it('infers the year nearest to now across a year end', () => {
    const jan2 = bj(2027, 1, 2, 12);
    expect(parseDateTimeText('12-30 10:00', jan2)).toBe(bj(2026, 12, 30, 10));
    const dec30 = bj(2026, 12, 30, 12);
    expect(parseDateTimeText('01-02 10:00', dec30)).toBe(bj(2027, 1, 2, 10));
    expect(parseDateTimeText('02-29 10:00', bj(2028, 2, 20))).toBe(bj(2028, 2, 29, 10));
  });

  it('uses the Beijing date for relative days, not the UTC or machine date', () => {
    // 2026-11-25 00:30 Beijing is still 2026-11-24 in UTC (and in Los Angeles).
    const justAfterMidnight = bj(2026, 11, 25, 0, 30);
    expect(parseDateTimeText('今天 10:00', justAfterMidnight)).toBe(bj(2026, 11, 25, 10));
    expect(parseDateTimeText('昨天 23:00', justAfterMidnight)).toBe(bj(2026, 11, 24, 23));
  });

  it.each([
    [''],
    ['abc'],
    ['25:61'],
    ['10:00'], // a time without a date
    ['2026-11-24'], // a date without a time
    ['今天 25:61'],
    ['2026-02-30 10:00'],
    ['2026-13-01 10:00'],
    ['2026-11-24 10:60'],
    ['2026-11-24 24:01'],
    ['2014-12-31 10:00'], // before 2015
    ['2028-11-24 10:00'], // more than a year ahead
    ['6天2时3分30秒'],
  ])('rejects %j', (text) => {
    expect(parseDateTimeText(text, NOW)).toBeUndefined();
  });

  it('is independent of the machine zone', () => {
    // Run also as `TZ=America/Los_Angeles npx vitest run lib/time`; the expectations are zone-free.
    expect(parseDateTimeText('2026-03-08 02:30', NOW)).toBe(bj(2026, 3, 8, 2, 30)); // a US DST gap hour
    expect(parseDateTimeText('2026-03-29 02:30', NOW)).toBe(bj(2026, 3, 29, 2, 30)); // an EU DST gap hour
  });
});

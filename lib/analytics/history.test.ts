import { describe, expect, it } from 'vitest';
import { due, H, NOW, tk } from '../alarms/testing';
import { bj } from '../sla/testing';
import { median, summarizeHistory, TREND_DAYS } from './history';
import { BOM, toCsv } from './csv';

const D = 24 * H;

describe('summarizeHistory', () => {
  const tickets = [
    // Handled 2 h before its deadline: on time.
    due('a', NOW - D, { status: 'done', firstSeenAt: NOW - 2 * D, lastSeenAt: NOW - D - 2 * H, product: '保温杯' }),
    // Handled 1 h after its deadline: late, and a late day in the trend.
    due('b', NOW - D, { status: 'closed', firstSeenAt: NOW - 2 * D, lastSeenAt: NOW - D + H, product: '保温杯' }),
    // Open and past its deadline: late today.
    due('c', NOW - H, { firstSeenAt: NOW - 3 * H, kind: 'return', product: '拖鞋' }),
    // Handled without a deadline: not in the rate.
    tk('d', { status: 'done', firstSeenAt: NOW - 5 * H, lastSeenAt: NOW - H, kind: 'consult', product: '拖鞋' }),
    due('e', NOW - 2 * H, { platform: 'douyin', key: 'douyin:s:e', status: 'done', lastSeenAt: NOW - 3 * H }),
  ];
  const h = summarizeHistory(tickets, NOW);

  it('on-time rate overall, per platform, shop and week', () => {
    expect(h.onTime).toEqual({ handled: 3, onTime: 2, rate: 66.7 });
    expect(h.byPlatform.find((p) => p.platform === 'douyin')).toEqual({
      platform: 'douyin',
      handled: 1,
      onTime: 1,
      rate: 100,
    });
    expect(h.byPlatform.find((p) => p.platform === 'taobao')).toEqual({ platform: 'taobao', handled: 0, onTime: 0 });
    expect(h.byShop[0]).toMatchObject({ shopKey: 'pdd:s', handled: 2, onTime: 1, rate: 50 });
    // NOW is a Wednesday: the last week starts Monday 2026-11-23.
    expect(h.byWeek.at(-1)).toMatchObject({ week: '2026-11-23', handled: 3, onTime: 2 });
  });

  it('trend per Beijing day: opened, handled, late', () => {
    expect(h.trend).toHaveLength(TREND_DAYS);
    const today = h.trend.at(-1)!;
    const yesterday = h.trend.at(-2)!;
    expect(today).toMatchObject({ day: '2026-11-25', late: 1 });
    expect(yesterday).toMatchObject({ day: '2026-11-24', handled: 2, late: 1 });
  });

  it('volume by kind, after-sale products, median time to handle', () => {
    expect(h.volumeByKind).toEqual([
      { kind: 'consult', count: 1 },
      { kind: 'refund', count: 3 },
      { kind: 'return', count: 1 },
    ]);
    // Consultations are not after-sale problems: 拖鞋 counts once (the return).
    expect(h.products).toEqual([
      { product: '保温杯', count: 2 },
      { product: '拖鞋', count: 1 },
    ]);
    expect(h.medianHandleMs).toBe(21.5 * H); // 4 h, 21 h, 22 h, 25 h
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeUndefined();
  });

  it('trend days are Beijing days', () => {
    const late = summarizeHistory([due('x', bj('2026-11-25 00:30'), { firstSeenAt: bj('2026-11-24 23:50') })], NOW);
    expect(late.trend.at(-2)).toMatchObject({ day: '2026-11-24', opened: 1, late: 0 });
    expect(late.trend.at(-1)).toMatchObject({ day: '2026-11-25', late: 1 });
  });
});

describe('toCsv', () => {
  it('UTF-8 BOM, CRLF, quoting, formula cells neutralised', () => {
    const csv = toCsv(
      ['标题', '数值'],
      [
        ['=HYPERLINK("x")', 3],
        ['a,b', undefined],
        ['+1', -2],
        ['@x', '\tz'],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '标题,数值',
      `"'=HYPERLINK(""x"")",3`,
      '"a,b",',
      `"'+1",-2`,
      `"'@x","'\tz"`,
    ]);
  });
  it('neutralises a formula cell that goes on past a line break (the library default misses it)', () => {
    const csv = toCsv(['标题'], [['=HYPERLINK("x")\n第二行']]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")\n第二行"`);
  });
});

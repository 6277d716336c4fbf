import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DOUYIN_DAY, explain, formatSpan, type Rule } from './index';
import { H, MIN, bj, ticket } from './testing';

const rule = (over: Partial<Rule>): Rule => ({
  id: 'douyin-example',
  name: '抖店服务工单',
  enabled: true,
  match: { surfaces: [], platforms: [], kinds: [], tagsAny: [] },
  budgetMs: 12 * H,
  clock: DOUYIN_DAY,
  ...over,
});

describe('explain', () => {
  it('the Douyin example, step by step', () => {
    expect(explain(ticket({ createdAt: bj('2025-11-24 20:00') }), [rule({})])).toEqual([
      '收到 11-24 20:00',
      '规则：抖店服务工单，时限 12 小时，计时 09:00–21:00',
      '11-24 20:00–21:00 计 1 小时',
      '11-25 09:00–20:00 计 11 小时',
      '截止 11-25 20:00',
    ]);
  });

  it('a start outside the window says when counting starts; with now, the time left', () => {
    const lines = explain(ticket({ createdAt: bj('2025-11-24 22:30') }), [rule({})], bj('2025-11-25 20:00'));
    expect(lines[0]).toBe('收到 11-24 22:30，不在计时时段内，从 11-25 09:00 起计时');
    expect(lines).toContain('11-25 09:00–21:00 计 12 小时');
    expect(lines.at(-2)).toBe('截止 11-25 21:00');
    expect(lines.at(-1)).toBe('剩余 1小时00分');
  });

  it("tells the time left in the badge's own form, days included (never 146 小时 beside 6天2小时)", () => {
    const t = ticket({ createdAt: bj('2025-11-24 10:00') });
    const line = explain(
      t,
      [rule({ clock: { type: 'calendar' }, budgetMs: 200 * 3_600_000 })],
      bj('2025-11-26 16:00'),
    ).at(-1);
    expect(line).toBe('剩余 6天2小时');
  });

  it('time left on a window clock also tells the counted part; overdue says so', () => {
    const t = ticket({ createdAt: bj('2025-11-24 20:00') });
    expect(explain(t, [rule({})], bj('2025-11-24 21:00')).at(-1)).toBe('剩余 23小时00分（其中计时时段内 11小时00分）');
    expect(explain(t, [rule({})], bj('2025-11-25 21:30')).at(-1)).toBe('已逾期 1小时30分');
  });

  it('mentions days off and make-up workdays on a workday clock', () => {
    const office = rule({
      name: '办公时间',
      budgetMs: 4 * H,
      clock: {
        type: 'windows',
        segments: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '18:00' },
        ],
        days: 'workdays',
      },
    });
    expect(explain(ticket({ createdAt: bj('2026-09-30 17:00') }), [office])).toEqual([
      '收到 09-30 17:00',
      '规则：办公时间，时限 4 小时，计时 09:00–12:00、13:30–18:00，仅工作日（节假日不计，调休上班日照计）',
      '09-30 17:00–18:00 计 1 小时',
      '10-01 至 10-07 休息日（国庆节），不计时',
      '10-08 09:00–12:00 计 3 小时',
      '截止 10-08 12:00',
    ]);
    const lines = explain(ticket({ createdAt: bj('2026-10-09 17:00') }), [office]);
    expect(lines).toContain('10-10 09:00–12:00 计 3 小时（调休上班日，补国庆节）');
    expect(explain(ticket({ createdAt: bj('2026-10-16 17:00') }), [office])).toContain('10-17 至 10-18 休息日，不计时');
  });

  it('an overnight segment reads as one span', () => {
    const night = rule({
      name: '夜班',
      budgetMs: 3 * H,
      clock: { type: 'windows', segments: [{ start: '22:00', end: '02:00' }], days: 'every' },
    });
    expect(explain(ticket({ createdAt: bj('2025-11-24 22:00') }), [night])).toEqual([
      '收到 11-24 22:00',
      '规则：夜班，时限 3 小时，计时 22:00–次日 02:00',
      '11-24 22:00–11-25 01:00 计 3 小时',
      '截止 11-25 01:00',
    ]);
  });

  it('collapses long walks to a bounded number of lines', () => {
    const sparse = rule({
      budgetMs: 40 * H,
      clock: { type: 'windows', segments: [{ start: '09:00', end: '10:00' }], days: 'workdays' },
    });
    const lines = explain(ticket({ createdAt: bj('2026-09-01 09:00') }), [sparse]);
    expect(lines.length).toBeLessThanOrEqual(14);
    expect(lines.some((l) => l.startsWith('…… '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^截止 /);
  });

  it('platform deadline with its history', () => {
    const t = ticket({
      platformDueAt: bj('2025-11-27 20:00'),
      dueHistory: [
        { from: bj('2025-11-25 20:00'), to: bj('2025-11-26 20:00'), seenAt: bj('2025-11-25 10:00') },
        { from: bj('2025-11-26 20:00'), to: bj('2025-11-27 20:00'), seenAt: bj('2025-11-26 11:00') },
      ],
    });
    expect(explain(t, DEFAULT_RULES, bj('2025-11-27 18:30'))).toEqual([
      '平台给出的截止时间 11-27 20:00',
      '平台延长时效：11-25 20:00 → 11-26 20:00（11-25 10:00 发现）',
      '平台延长时效：11-26 20:00 → 11-27 20:00（11-26 11:00 发现）',
      '以平台时效为准，不套用规则',
      '剩余 1小时30分',
    ]);
  });

  it('calendar rules, missing creation time, informational rules, shipping start', () => {
    const pdd = explain(
      ticket({
        platform: 'pdd',
        surface: undefined,
        kind: 'platform-notice',
        tags: ['订单审核中'],
        createdAt: bj('2025-11-24 08:00'),
      }),
      DEFAULT_RULES,
    );
    expect(pdd).toEqual([
      '收到 11-24 08:00',
      '规则：拼多多订单审核中，时限 24 小时，全天连续计时（节假日照常计时）（仅供参考，不提醒）',
      '截止 11-25 08:00',
    ]);
    const tb = explain(
      ticket({
        platform: 'taobao',
        surface: 'taobao.task-tickets',
        kind: 'urge-ship',
        shippedAt: bj('2025-11-24 16:00'),
      }),
      DEFAULT_RULES,
    );
    expect(tb[0]).toBe('发货 11-24 16:00');
    // Without a creation time no rule has a start: nothing to show.
    expect(explain(ticket({ createdAt: undefined }), DEFAULT_RULES)).toEqual([
      '页面没有给出截止时间，也没有匹配的规则：不显示截止时间',
    ]);
    expect(explain(ticket({ surface: 'pdd.aftersale-list', platform: 'pdd' }), DEFAULT_RULES)).toEqual([
      '此列表的截止时间由平台给出，这次没有读到：不按规则推算，不显示截止时间',
    ]);
  });

  it('shows the year when the span crosses one', () => {
    expect(explain(ticket({ createdAt: bj('2025-12-31 20:00') }), [rule({})]).at(-1)).toBe('截止 2026-01-01 20:00');
  });

  it('says when there is nothing to go by', () => {
    expect(explain(ticket(), [])).toEqual(['页面没有给出截止时间，也没有匹配的规则：不显示截止时间']);
  });

  it('speaks English when asked: the Douyin example', () => {
    expect(explain(ticket({ createdAt: bj('2025-11-24 20:00') }), [rule({})], undefined, 'en')).toEqual([
      'Received 11-24 20:00',
      'Rule: 抖店服务工单, 12 h allowed, counting 09:00–21:00 every day',
      '11-24 20:00–21:00 counts 1 h',
      '11-25 09:00–20:00 counts 11 h',
      'Due 11-25 20:00',
    ]);
    const t = ticket({ createdAt: bj('2025-11-24 22:30') });
    const lines = explain(t, [rule({})], bj('2025-11-24 23:00'), 'en');
    expect(lines[0]).toBe('Received 11-24 22:30, outside counting hours; counting starts 11-25 09:00');
    expect(lines.at(-1)).toBe('22h 00m left (12h 00m of it in counting hours)');
    expect(explain(t, [rule({})], bj('2025-11-25 21:05'), 'en').at(-1)).toBe('Overdue by 5m 00s');
  });

  it('speaks English when asked: days off, make-up workdays, nothing to go by', () => {
    const office = rule({
      name: '办公时间',
      budgetMs: 4 * H,
      clock: { type: 'windows', segments: [{ start: '09:00', end: '12:00' }], days: 'workdays' },
    });
    const lines = explain(ticket({ createdAt: bj('2026-09-30 11:00') }), [office], undefined, 'en');
    expect(lines[1]).toBe(
      'Rule: 办公时间, 4 h allowed, counting 09:00–12:00 on workdays only (holidays skipped, make-up workdays counted)',
    );
    expect(lines).toContain('10-01 to 10-07 days off (国庆节), not counted');
    expect(explain(ticket({ createdAt: bj('2026-10-09 11:00') }), [office], undefined, 'en')).toContain(
      '10-10 09:00–12:00 counts 3 h (make-up workday for 国庆节)',
    );
    expect(explain(ticket(), [], undefined, 'en')).toEqual([
      'No deadline on the page and no matching rule: no deadline shown',
    ]);
  });

  it('speaks English when asked: platform deadline with its history', () => {
    const t = ticket({
      platformDueAt: bj('2025-11-27 20:00'),
      dueHistory: [
        { from: bj('2025-11-25 20:00'), to: bj('2025-11-26 20:00'), seenAt: bj('2025-11-25 10:00') },
        { from: bj('2025-11-26 20:00'), to: bj('2025-11-27 20:00'), seenAt: bj('2025-11-26 11:00') },
      ],
    });
    expect(explain(t, DEFAULT_RULES, bj('2025-11-27 17:55'), 'en')).toEqual([
      'Platform deadline 11-27 20:00',
      'Platform extended the deadline: 11-25 20:00 → 11-26 20:00 (seen 11-25 10:00)',
      'Platform extended the deadline: 11-26 20:00 → 11-27 20:00 (seen 11-26 11:00)',
      "The platform's deadline applies; rules are not used",
      '2h 05m left',
    ]);
  });

  it('formats spans', () => {
    expect(formatSpan(7.5 * H)).toBe('7 小时 30 分');
    expect(formatSpan(45 * MIN)).toBe('45 分钟');
    expect(formatSpan(10_000)).toBe('不到 1 分钟');
    expect(formatSpan(0)).toBe('0 分钟');
    expect(formatSpan(7.5 * H, 'en')).toBe('7 h 30 min');
    expect(formatSpan(45 * MIN, 'en')).toBe('45 min');
    expect(formatSpan(10_000, 'en')).toBe('under 1 min');
    expect(formatSpan(0, 'en')).toBe('0 min');
  });
});

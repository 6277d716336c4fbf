import { describe, expect, it } from 'vitest';
import { parseEpoch } from '../time';
import { DEFAULT_SETTINGS } from '../model/settings';
import {
  DEFAULT_RULES,
  agreedDeadline,
  computeDeadline,
  matchRule,
  resolvePlatformDeadline,
  tierOf,
  timeLeft,
  type Rule,
} from './index';
import { H, MIN, bj, showBj, ticket } from './testing';

const due = (t: Parameters<typeof computeDeadline>[0], rules: readonly Rule[] = DEFAULT_RULES) =>
  computeDeadline(t, rules);

describe('computeDeadline with the default rule table', () => {
  it('on lists where the platform sets deadlines, a read without one has none: never a rule, not the default', () => {
    for (const surface of [
      'douyin.aftersale-list',
      'pdd.work-order-list',
      'pdd.aftersale-list',
      'taobao.refund-list',
    ] as const) {
      const t = ticket({ surface, kind: 'refund', tags: ['紧急'], urgent: true, createdAt: bj('2025-11-24 20:00') });
      expect(due(t)).toBeUndefined();
      // The platform's own value still wins there.
      expect(due({ ...t, platformDueAt: bj('2025-11-25 08:00') })).toEqual({
        dueAt: bj('2025-11-25 08:00'),
        source: 'platform',
      });
    }
  });

  it('a 服务工单 of any business type gets the 服务工单 rule, never the calendar default', () => {
    for (const tags of [[], ['商品相关'], ['价钱相关'], ['服务请求'], ['随便什么']]) {
      expect(due(ticket({ tags, createdAt: bj('2025-11-24 07:46') }))).toMatchObject({
        ruleId: 'douyin-service-normal',
        dueAt: bj('2025-11-25 21:00'),
      });
    }
  });

  it('Douyin service ticket: 24 h on the 09:00–21:00 clock', () => {
    const d = due(ticket({ createdAt: bj('2025-11-24 20:00') }));
    expect(d).toEqual({
      dueAt: bj('2025-11-26 20:00'),
      source: 'rule:douyin-service-normal',
      startAt: bj('2025-11-24 20:00'),
      budgetMs: 24 * H,
      ruleId: 'douyin-service-normal',
    });
  });

  it('Douyin received 22:30 starts counting at 09:00 next day', () => {
    expect(showBj(due(ticket({ createdAt: bj('2025-11-24 22:30') }))?.dueAt)).toBe('2025-11-26 21:00');
  });

  it('urgent → 2 h (the urgent flag counts as the 紧急 tag)', () => {
    const late = due(ticket({ urgent: true, createdAt: bj('2025-11-24 20:00') }));
    expect(late?.source).toBe('rule:douyin-service-urgent');
    expect(late?.budgetMs).toBe(2 * H);
    expect(showBj(late?.dueAt)).toBe('2025-11-25 10:00');
    expect(showBj(due(ticket({ urgent: true, createdAt: bj('2025-11-24 10:00') }))?.dueAt)).toBe('2025-11-24 12:00');
    for (const tag of ['紧急', '风险商品', '高危投诉']) {
      expect(due(ticket({ tags: [tag] }))?.ruleId).toBe('douyin-service-urgent');
    }
  });

  it('agreed deadline without the platform value: the 2 h floor on the Douyin clock', () => {
    const d = due(ticket({ tags: ['协商时效'], createdAt: bj('2025-11-24 20:30') }));
    expect(d?.ruleId).toBe('douyin-service-agreed');
    expect(showBj(d?.dueAt)).toBe('2025-11-25 10:30');
  });

  it('service-provider tickets: 24 h calendar', () => {
    expect(due(ticket({ tags: ['服务商发起工单'], createdAt: bj('2025-11-24 22:30') }))).toMatchObject({
      dueAt: bj('2025-11-25 22:30'),
      ruleId: 'douyin-provider',
    });
  });

  it('a platform deadline wins over every rule', () => {
    const platformDueAt = bj('2025-11-25 12:00');
    expect(due(ticket({ urgent: true, platformDueAt }))).toEqual({ dueAt: platformDueAt, source: 'platform' });
  });

  it('without a creation time there is no rule deadline: first seen is not a start (it may be days late)', () => {
    expect(due(ticket({ createdAt: undefined, firstSeenAt: bj('2025-11-24 08:00') }))).toBeUndefined();
  });

  it('Taobao 催揽收: 24 h from creation, calendar (holidays count)', () => {
    const t = ticket({
      platform: 'taobao',
      surface: 'taobao.task-tickets',
      kind: 'urge-pickup',
      createdAt: bj('2026-09-30 18:00'),
    });
    expect(due(t)).toMatchObject({ dueAt: bj('2026-10-01 18:00'), ruleId: 'taobao-urge-pickup' });
  });

  it('Taobao after 催发货: 24 h from shipping, and only once shipped', () => {
    const t = ticket({
      platform: 'taobao',
      surface: 'taobao.task-tickets',
      kind: 'urge-ship',
      createdAt: bj('2025-11-24 10:00'),
    });
    expect(due(t)?.ruleId).toBe('default');
    const shipped = due({ ...t, shippedAt: bj('2025-11-24 16:00') });
    expect(shipped).toMatchObject({
      ruleId: 'taobao-pickup-after-urge-ship',
      startAt: bj('2025-11-24 16:00'),
      dueAt: bj('2025-11-25 16:00'),
    });
  });

  it('PDD 订单审核中 is informational', () => {
    // No surface reads it yet (the PDD order pages are a later issue).
    const t = ticket({ platform: 'pdd', surface: undefined, kind: 'platform-notice', tags: ['订单审核中'] });
    expect(due(t)).toMatchObject({ ruleId: 'pdd-order-review', informational: true });
  });

  it('anything else: the default 24 h calendar rule; no rules → no deadline', () => {
    const t = ticket({
      platform: 'taobao',
      surface: 'taobao.task-tickets',
      kind: 'other',
      createdAt: bj('2025-11-24 20:00'),
    });
    expect(due(t)).toMatchObject({ ruleId: 'default', dueAt: bj('2025-11-25 20:00') });
    expect(due(t, [])).toBeUndefined();
    expect(
      due(
        t,
        DEFAULT_RULES.map((r) => ({ ...r, enabled: false })),
      ),
    ).toBeUndefined();
  });

  it('a workday rule counts past holidays (ticket created on National Day 2026)', () => {
    const rule: Rule = {
      id: 'office',
      name: '办公时间',
      enabled: true,
      match: { surfaces: [], platforms: [], kinds: [], tagsAny: [] },
      budgetMs: 4 * H,
      clock: {
        type: 'windows',
        segments: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '18:00' },
        ],
        days: 'workdays',
      },
    };
    expect(showBj(due(ticket({ createdAt: bj('2026-10-01 10:00') }), [rule])?.dueAt)).toBe('2026-10-08 14:30');
  });

  it('the defaults validate against the settings schema', () => {
    expect(DEFAULT_SETTINGS.rules.map((r) => r.id)).toEqual(DEFAULT_RULES.map((r) => r.id));
  });
});

describe('matchRule', () => {
  const rule = (over: Partial<Rule['match']>, id = 'r'): Rule => ({
    id,
    name: id,
    enabled: true,
    match: { surfaces: [], platforms: [], kinds: [], tagsAny: [], ...over },
    budgetMs: H,
    clock: { type: 'calendar' },
  });
  it('takes the first match in table order', () => {
    const rules = [rule({ platforms: ['pdd'] }, 'a'), rule({}, 'b'), rule({}, 'c')];
    expect(matchRule(ticket(), rules)?.id).toBe('b');
    expect(matchRule(ticket({ platform: 'pdd' }), rules)?.id).toBe('a');
  });
  it('urgent: true / false rules', () => {
    const rules = [rule({ urgent: true }, 'u'), rule({ urgent: false }, 'n')];
    expect(matchRule(ticket({ urgent: true }), rules)?.id).toBe('u');
    expect(matchRule(ticket({ urgent: false }), rules)?.id).toBe('n');
  });
  it('kinds and tags', () => {
    const rules = [rule({ kinds: ['refund'] }, 'k'), rule({ tagsAny: ['催'] }, 't')];
    expect(matchRule(ticket({ kind: 'refund' }), rules)?.id).toBe('k');
    expect(matchRule(ticket({ tags: ['进线', '催'] }), rules)?.id).toBe('t');
    expect(matchRule(ticket(), rules)).toBeUndefined();
  });
});

describe('platform deadlines', () => {
  const NOW = bj('2025-11-25 10:00');
  it('seconds and milliseconds give the same instant (via lib/time parseEpoch)', () => {
    const seconds = parseEpoch(1764072000, NOW);
    const millis = parseEpoch(1764072000_000, NOW);
    const text = parseEpoch('1764072000', NOW);
    expect(seconds).toBeDefined();
    const at = (ms: number | undefined) => resolvePlatformDeadline({ type: 'at', at: ms! });
    expect(at(seconds)).toBe(bj('2025-11-25 20:00'));
    expect(at(millis)).toBe(at(seconds));
    expect(at(text)).toBe(at(seconds));
    expect(computeDeadline(ticket({ platformDueAt: at(seconds) }), DEFAULT_RULES)?.dueAt).toBe(bj('2025-11-25 20:00'));
  });

  it('a remaining-time field counts from when the response arrived, not from now', () => {
    const receivedAt = bj('2025-11-25 09:00');
    expect(resolvePlatformDeadline({ type: 'remaining', ms: 23 * H + 59 * MIN, receivedAt })).toBe(
      bj('2025-11-26 08:59'),
    );
    // The same response read again later resolves to the same deadline.
    const d = computeDeadline(
      ticket({ platformDueAt: resolvePlatformDeadline({ type: 'remaining', ms: 2 * H, receivedAt }) }),
      DEFAULT_RULES,
    );
    expect(d?.dueAt).toBe(bj('2025-11-25 11:00'));
    expect(timeLeft(d, NOW)).toBe(1 * H);
  });

  it('agreed deadline: as shown by the platform, never under 2 h on the 09:00–21:00 clock', () => {
    const receivedAt = bj('2025-11-24 20:30');
    expect(agreedDeadline(bj('2025-11-27 12:00'), receivedAt)).toBe(bj('2025-11-27 12:00'));
    expect(agreedDeadline(bj('2025-11-24 21:30'), receivedAt)).toBe(bj('2025-11-25 10:30'));
    expect(agreedDeadline(undefined, receivedAt)).toBe(bj('2025-11-25 10:30'));
  });
});

describe('tierOf and timeLeft', () => {
  const tiers = { soonWithinMs: 2 * H, soonShare: 0.25, criticalWithinMs: 30 * MIN };
  const now = bj('2025-11-25 10:00');
  const at = (leftMs: number, budgetMs?: number) => ({
    dueAt: now + leftMs,
    ...(budgetMs === undefined ? {} : { budgetMs }),
  });
  it.each([
    ['none without a deadline', undefined, 'none'],
    ['overdue at exactly 0 left', at(0), 'overdue'],
    ['overdue past it', at(-1), 'overdue'],
    ['critical within 30 min', at(30 * MIN), 'critical'],
    ['soon within 2 h', at(2 * H), 'soon'],
    ['ok beyond 2 h', at(2 * H + 1), 'ok'],
    ['soon within 25 % of the budget', at(5 * H, 24 * H), 'soon'],
    ['ok above 25 % of the budget', at(7 * H, 24 * H), 'ok'],
  ] as const)('%s', (_what, d, tier) => {
    expect(tierOf(d, now, tiers)).toBe(tier);
  });
  it('timeLeft is wall-clock, negative when overdue', () => {
    expect(timeLeft(at(-5 * MIN), now)).toBe(-5 * MIN);
    expect(timeLeft(undefined, now)).toBeUndefined();
  });
});

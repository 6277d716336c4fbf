import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from '@/lib/model/settings';
import { computeDeadline, DEFAULT_RULES, explain } from '@/lib/sla';
import type { Rule } from '@/lib/sla/rule-schema';
import {
  addTag,
  formatBeijingLocal,
  formatBudget,
  formFromRule,
  insertionIndex,
  isCatchAll,
  moveItem,
  newRuleForm,
  parseBeijingLocal,
  previewTicket,
  PLATFORM_SURFACES,
  RULE_SURFACES,
  ruleFromForm,
  shadowedRules,
  tiersFormFrom,
  tiersFromForm,
  validateRules,
  type RuleForm,
} from './rules-form';

const H = 3600_000;
const rule = (id: string) => DEFAULT_RULES.find((r) => r.id === id)!;
const form = (id: string, over: Partial<RuleForm> = {}): RuleForm => ({ ...formFromRule(rule(id)), ...over });

describe('rule forms', () => {
  it('round-trips every default rule unchanged', () => {
    for (const r of DEFAULT_RULES) {
      const back = ruleFromForm(formFromRule(r));
      expect(back).toEqual({ ok: true, rule: r });
    }
  });

  it('reads hours and minutes into the budget, blank minutes as 0', () => {
    const r = ruleFromForm(form('default', { hours: '1', minutes: '30' }));
    expect(r.ok && r.rule.budgetMs).toBe(1.5 * H);
    const blank = ruleFromForm(form('default', { hours: '2', minutes: '' }));
    expect(blank.ok && blank.rule.budgetMs).toBe(2 * H);
  });

  it.each([
    [{ hours: '0', minutes: '0' }, 'opt_err_budget_zero'],
    [{ hours: '1.5', minutes: '0' }, 'opt_err_budget_number'],
    [{ hours: '-1', minutes: '0' }, 'opt_err_budget_number'],
    [{ hours: '1', minutes: '60' }, 'opt_err_budget_number'],
    [{ hours: '721', minutes: '0' }, 'opt_err_budget_max'],
  ])('refuses the budget %o', (over, key) => {
    expect(ruleFromForm(form('default', over))).toEqual({ ok: false, errors: { budget: key } });
  });

  it('allows the 30-day ceiling exactly', () => {
    expect(ruleFromForm(form('default', { hours: '720', minutes: '0' })).ok).toBe(true);
  });

  it('requires a name', () => {
    expect(ruleFromForm(form('default', { name: '   ' }))).toEqual({ ok: false, errors: { name: 'opt_err_name' } });
  });

  it('maps urgency any / yes / no to absent / true / false', () => {
    const m = (u: RuleForm['urgent']) => {
      const r = ruleFromForm(form('default', { urgent: u }));
      return r.ok ? r.rule.match : undefined;
    };
    expect(m('any')).not.toHaveProperty('urgent');
    expect(m('yes')?.urgent).toBe(true);
    expect(m('no')?.urgent).toBe(false);
  });

  it('accepts overnight segments, 24:00 ends and several segments a day', () => {
    const r = ruleFromForm(
      form('default', {
        clockType: 'windows',
        days: 'workdays',
        segments: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '24:00' },
          { start: '22:00', end: '02:00' },
        ],
      }),
    );
    expect(r.ok && r.rule.clock).toEqual({
      type: 'windows',
      days: 'workdays',
      segments: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '24:00' },
        { start: '22:00', end: '02:00' },
      ],
    });
  });

  it('flags malformed and empty segments by index', () => {
    const r = ruleFromForm(
      form('default', {
        clockType: 'windows',
        segments: [
          { start: '9:00', end: '21:00' },
          { start: '10:00', end: '10:00' },
          { start: '24:00', end: '02:00' },
          { start: '08:00', end: '25:00' },
        ],
      }),
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        'segments.0': 'opt_err_time',
        'segments.1': 'opt_err_segment_empty',
        'segments.2': 'opt_err_start_2400',
        'segments.3': 'opt_err_time',
      },
    });
    expect(ruleFromForm(form('default', { clockType: 'windows', segments: [] }))).toEqual({
      ok: false,
      errors: { segments: 'opt_err_segments_count' },
    });
  });

  it('keeps the segments while the clock is calendar, and ignores them', () => {
    const f = form('douyin-service-normal', { clockType: 'calendar' });
    expect(f.segments).toEqual([{ start: '09:00', end: '21:00' }]);
    const r = ruleFromForm(f);
    expect(r.ok && r.rule.clock).toEqual({ type: 'calendar' });
  });

  it('carries fields the editor does not show (startFrom, informational)', () => {
    const r = ruleFromForm(form('taobao-pickup-after-urge-ship', { name: '改名' }));
    expect(r.ok && r.rule.startFrom).toBe('shipped');
    const info = ruleFromForm(form('pdd-order-review'));
    expect(info.ok && info.rule.informational).toBe(true);
  });
});

describe('the rule list', () => {
  it('validates every rule and refuses duplicate ids', () => {
    const forms = DEFAULT_RULES.map(formFromRule);
    expect(validateRules(forms)).toMatchObject({ ok: true, rules: DEFAULT_RULES });
    const dup = [...forms, { ...forms[0]!, name: '' }];
    const v = validateRules(dup);
    expect(v.ok).toBe(false);
    expect(v.ruleErrors.at(-1)).toEqual({ name: 'opt_err_name', id: 'opt_err_duplicate_id' });
    expect(v.ruleErrors.slice(0, -1).every((e) => Object.keys(e).length === 0)).toBe(true);
  });

  it('finds enabled rules placed after a rule that matches everything (first match wins)', () => {
    const forms = DEFAULT_RULES.map(formFromRule);
    expect(shadowedRules(forms).size).toBe(0);
    const moved = moveItem(forms, forms.length - 1, 2); // default rule third
    const shadowed = shadowedRules(moved);
    expect([...shadowed.keys()]).toEqual([3, 4, 5, 6, 7]);
    expect(shadowed.get(3)).toBe(2);
    // Disabled, the catch-all shadows nothing.
    moved[2] = { ...moved[2]!, enabled: false };
    expect(shadowedRules(moved).size).toBe(0);
  });

  it('inserts new rules before the catch-all, with a unique id', () => {
    const forms = DEFAULT_RULES.map(formFromRule);
    expect(insertionIndex(forms)).toBe(forms.length - 1);
    expect(insertionIndex(forms.slice(0, -1))).toBe(forms.length - 1);
    const a = newRuleForm([], 10, '新规则');
    expect(a.id).toBe('custom-a'); // 10 in base 36
    const b = newRuleForm([a.id], 10, '新规则');
    expect(b.id).toBe('custom-b');
    expect(ruleFromForm(b).ok).toBe(true);
  });

  it('moves items, clamping at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('adds chip tags trimmed, without trailing separators, once, within the length limit', () => {
    expect(addTag([], ' 紧急，')).toEqual(['紧急']);
    expect(addTag(['紧急'], '紧急')).toEqual(['紧急']);
    expect(addTag([], '  ')).toEqual([]);
    expect(addTag([], 'x'.repeat(21))).toEqual([]);
  });
});

describe('tiers form', () => {
  it('round-trips the defaults', () => {
    const f = tiersFormFrom(DEFAULT_SETTINGS);
    expect(f).toEqual({ soonMinutes: '120', soonSharePercent: '25', criticalMinutes: '30', horizonHours: '24' });
    expect(tiersFromForm(f)).toEqual({
      ok: true,
      tiers: DEFAULT_SETTINGS.tiers,
      popupHorizonMs: DEFAULT_SETTINGS.popupHorizonMs,
    });
  });

  it('refuses nonsense and a critical threshold above the soon one', () => {
    expect(
      tiersFromForm({ soonMinutes: 'x', soonSharePercent: '120', criticalMinutes: '30', horizonHours: '0' }),
    ).toEqual({
      ok: false,
      errors: { soonMinutes: 'opt_err_number', soonSharePercent: 'opt_err_percent', horizonHours: 'opt_err_horizon' },
    });
    expect(
      tiersFromForm({ soonMinutes: '30', soonSharePercent: '25', criticalMinutes: '60', horizonHours: '24' }),
    ).toEqual({
      ok: false,
      errors: { criticalMinutes: 'opt_err_critical_gt_soon' },
    });
    expect(
      tiersFromForm({ soonMinutes: '90', soonSharePercent: '12.5', criticalMinutes: '0', horizonHours: '0.5' }),
    ).toEqual({
      ok: true,
      tiers: { soonWithinMs: 90 * 60_000, soonShare: 0.125, criticalWithinMs: 0 },
      popupHorizonMs: H / 2,
    });
  });
});

describe('preview helpers', () => {
  it('reads datetime-local as Beijing time whatever the computer zone', () => {
    expect(parseBeijingLocal('2026-11-24T20:00')).toBe(Date.UTC(2026, 10, 24, 12));
    expect(formatBeijingLocal(Date.UTC(2026, 10, 24, 12))).toBe('2026-11-24T20:00');
    expect(formatBeijingLocal(Date.UTC(2026, 10, 24, 16, 30))).toBe('2026-11-25T00:30');
    expect(parseBeijingLocal('2026-02-31T10:00')).toBeUndefined();
    expect(parseBeijingLocal('2026-11-24 20:00')).toBeUndefined();
  });

  it('previews the Douyin example of sla-rules.md: 12 h from 20:00 is 20:00 the next day', () => {
    const r = ruleFromForm(form('douyin-service-normal', { hours: '12' }));
    if (!r.ok) throw new Error('invalid');
    const start = parseBeijingLocal('2026-11-24T20:00')!;
    const ticket = previewTicket(r.rule, start);
    expect(computeDeadline(ticket, [r.rule])?.dueAt).toBe(parseBeijingLocal('2026-11-25T20:00'));
    const lines = explain(ticket, [r.rule]);
    expect(lines[0]).toBe('收到 11-24 20:00');
    expect(lines.at(-1)).toBe('截止 11-25 20:00');
  });

  it('builds a preview ticket every kind of rule matches, shipping rules included', () => {
    const start = Date.UTC(2026, 10, 24, 2);
    for (const r of DEFAULT_RULES) {
      const only: Rule[] = [{ ...r, enabled: true }];
      expect(computeDeadline(previewTicket(only[0]!, start), only)?.ruleId, r.id).toBe(r.id);
    }
  });

  it('words budgets in both languages', () => {
    expect(formatBudget(24 * H, 'zh')).toBe('24 小时');
    expect(formatBudget(1.5 * H, 'zh')).toBe('1 小时 30 分钟');
    expect(formatBudget(45 * 60_000, 'en')).toBe('45 min');
    expect(formatBudget(2 * H, 'en')).toBe('2 h');
  });
});

describe('surfaces in the rule editor', () => {
  it('round-trips a rule surfaces; the default 服务工单 rules keep theirs', () => {
    for (const rule of DEFAULT_RULES) {
      const r = ruleFromForm(formFromRule(rule));
      expect(r.ok && r.rule.match.surfaces).toEqual(rule.match.surfaces);
    }
    const form = {
      ...formFromRule(DEFAULT_RULES.find((x) => x.id === 'default')!),
      surfaces: ['taobao.task-tickets' as const],
    };
    const r = ruleFromForm(form);
    expect(r.ok && r.rule.match.surfaces).toEqual(['taobao.task-tickets']);
    // A rule limited to a list is not a catch-all: rules after it still apply elsewhere.
    expect(r.ok && isCatchAll(r.rule)).toBe(false);
  });

  it('offers only lists that take rules; the platform-only lists are named apart', () => {
    expect(RULE_SURFACES).toEqual(['douyin.service-tickets', 'taobao.task-tickets']);
    expect(PLATFORM_SURFACES).toEqual([
      'pdd.work-order-list',
      'pdd.aftersale-list',
      'douyin.aftersale-list',
      'taobao.refund-list',
    ]);
  });

  it('the preview ticket sits on the rule surface', () => {
    const normal = DEFAULT_RULES.find((x) => x.id === 'douyin-service-normal')!;
    expect(previewTicket(normal, 0).surface).toBe('douyin.service-tickets');
  });
});

describe('stored rules from before surfaces (upgradeRules through the settings schema)', () => {
  it('an unedited old default gains its surface; edited budgets stay; custom rules are untouched', () => {
    const old = DEFAULT_RULES.map((r) => {
      const { surfaces: _s, ...match } = r.match;
      return { ...r, match: r.id === 'douyin-service-normal' ? { ...match, tagsAny: ['服务请求'] } : match };
    });
    old.find((r) => r.id === 'douyin-service-normal')!.budgetMs = 12 * 3600_000;
    const custom = { ...old[0]!, id: 'custom-x', match: { platforms: [], kinds: [], tagsAny: ['服务请求'] } };
    const s = SettingsSchema.parse({ ...DEFAULT_SETTINGS, rules: [custom, ...old] });
    const normal = s.rules.find((r) => r.id === 'douyin-service-normal')!;
    expect(normal.match).toEqual(DEFAULT_RULES.find((r) => r.id === 'douyin-service-normal')!.match);
    expect(normal.budgetMs).toBe(12 * 3600_000);
    expect(s.rules.find((r) => r.id === 'custom-x')!.match).toEqual({
      surfaces: [],
      platforms: [],
      kinds: [],
      tagsAny: ['服务请求'],
    });
    expect(s.rules.find((r) => r.id === 'taobao-urge-pickup')!.match.surfaces).toEqual(['taobao.task-tickets']);
  });
});

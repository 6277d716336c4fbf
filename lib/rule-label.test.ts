import { afterEach, describe, expect, it } from 'vitest';
import { setTestMessages } from './i18n';
import { DEFAULT_SETTINGS } from './model/settings';
import { explain } from './sla';
import { H, bj, ticket } from './sla/testing';
import { ruleLabel, ruleNameKey, withRuleLabels } from './rule-label';
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';

const rules = DEFAULT_SETTINGS.rules;
const messages = (m: Record<string, { message: string }>) => m;

afterEach(() => setTestMessages(zhCN));

describe('rule names in the UI language', () => {
  it('has every default rule name in both locales, the zh one equal to the stored name', () => {
    for (const r of rules) {
      expect(messages(zhCN)[ruleNameKey(r.id)]?.message, r.id).toBe(r.name);
      const e = messages(en)[ruleNameKey(r.id)]?.message;
      expect(e, r.id).toBeTruthy();
      expect(e, r.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names an unrenamed default rule in English, and keeps what the merchant wrote', () => {
    setTestMessages(en);
    const urgent = rules.find((r) => r.id === 'douyin-service-urgent')!;
    expect(ruleLabel(urgent)).toBe('Douyin service ticket (urgent)');
    expect(ruleLabel({ ...urgent, name: '加急' })).toBe('加急');
    expect(ruleLabel({ id: 'rule-x1', name: '我的规则' })).toBe('我的规则');
  });

  it('keeps the Chinese name in Chinese', () => {
    for (const r of rules) expect(ruleLabel(r)).toBe(r.name);
  });

  it("gives explain() the label, so a tooltip's rule line is English in English", () => {
    setTestMessages(en);
    const created = bj('2026-11-24 10:00');
    const t = ticket({ platform: 'douyin', surface: 'douyin.service-tickets', kind: 'consult', createdAt: created });
    const lines = explain(t, withRuleLabels(rules), created + H, 'en').join('\n');
    expect(lines).toContain('Douyin service ticket');
    expect(lines).not.toContain('抖店服务工单');
    // One labelled copy per rules array: a batch of badge views does not re-map the rules per ticket.
    expect(withRuleLabels(rules)).toBe(withRuleLabels(rules));
  });
});

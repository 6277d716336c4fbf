/**
 * Rule names for display. The default rules carry a Chinese `name` as data (lib/sla/default-rules.ts, stored in
 * the merchant's settings); in English that name would stay Chinese. A default rule whose name the merchant
 * never changed is therefore shown by its id through the messages (`ruleName_<id>`); a rule the merchant made
 * or renamed is shown as they wrote it.
 */
import { t } from './i18n';
import { DEFAULT_SETTINGS } from './model/settings';
import type { Rule } from './sla/rule-schema';

const DEFAULT_NAMES = new Map(DEFAULT_SETTINGS.rules.map((r) => [r.id, r.name]));

/** The message key of a default rule's name (`douyin-service-urgent` → `ruleName_douyin_service_urgent`). */
export const ruleNameKey = (id: string) => `ruleName_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

/** What to call `rule` in the UI's language. */
export function ruleLabel(rule: Pick<Rule, 'id' | 'name'>): string {
  if (DEFAULT_NAMES.get(rule.id) !== rule.name) return rule.name;
  const key = ruleNameKey(rule.id);
  const msg = t(key);
  // t() answers an unknown key with the key itself: then the stored name is the better label.
  return msg && msg !== key ? msg : rule.name;
}

const localized = new WeakMap<readonly Rule[], readonly Rule[]>();

/**
 * `rules` with display names, for explain() (whose lines name the rule). Cached per rules array: a badge view
 * asks for every ticket of a batch.
 */
export function withRuleLabels(rules: readonly Rule[]): readonly Rule[] {
  let out = localized.get(rules);
  if (!out) {
    out = rules.map((r) => {
      const name = ruleLabel(r);
      return name === r.name ? r : { ...r, name };
    });
    localized.set(rules, out);
  }
  return out;
}

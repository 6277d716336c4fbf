import type { Rule } from './rule-schema';
import type { DeadlineInput } from './types';

/** The tag an `urgent` ticket carries implicitly, so urgent rules keyed on 紧急 catch it (sla-rules.md table). */
export const URGENT_TAG = '紧急';

function hasTag(t: DeadlineInput, tag: string): boolean {
  return t.tags.includes(tag) || (t.urgent && tag === URGENT_TAG);
}

/**
 * When a rule's clock starts for a ticket: creation (first seen when the page gives no creation time), or
 * shipping for `startFrom: 'shipped'` rules. `undefined` when that moment is not known yet.
 */
export function ruleStartOf(rule: Pick<Rule, 'startFrom'>, t: DeadlineInput): number | undefined {
  return rule.startFrom === 'shipped' ? t.shippedAt : (t.createdAt ?? t.firstSeenAt);
}

/**
 * The first enabled rule, in table order, whose platforms, kinds, tags (any one) and urgency all match
 * (empty lists match anything) and whose start is known.
 */
export function matchRule(t: DeadlineInput, rules: readonly Rule[]): Rule | undefined {
  return rules.find(
    (r) =>
      r.enabled &&
      (r.match.platforms.length === 0 || r.match.platforms.includes(t.platform)) &&
      (r.match.kinds.length === 0 || r.match.kinds.includes(t.kind)) &&
      (r.match.tagsAny.length === 0 || r.match.tagsAny.some((tag) => hasTag(t, tag))) &&
      (r.match.urgent === undefined || r.match.urgent === t.urgent) &&
      ruleStartOf(r, t) !== undefined,
  );
}

import { platformDecides } from '../model/surface';
import type { Rule } from './rule-schema';
import type { DeadlineInput } from './types';

/** The tag an `urgent` ticket carries implicitly, so urgent rules keyed on 紧急 catch it (sla-rules.md table). */
export const URGENT_TAG = '紧急';

function hasTag(t: DeadlineInput, tag: string): boolean {
  return t.tags.includes(tag) || (t.urgent && tag === URGENT_TAG);
}

/**
 * When a rule's clock starts for a ticket: its creation, or its order's shipping for `startFrom: 'shipped'`
 * rules. `undefined` when that moment is not known. Never the moment we first saw the ticket: that can be
 * days after creation (a merchant opening the page late), and a deadline counted from it would be late.
 */
export function ruleStartOf(rule: Pick<Rule, 'startFrom'>, t: DeadlineInput): number | undefined {
  return rule.startFrom === 'shipped' ? t.shippedAt : t.createdAt;
}

/**
 * The first enabled rule, in table order, whose surfaces, platforms, kinds, tags (any one) and urgency all
 * match (empty lists match anything) and whose start is known. None on surfaces where only the platform
 * sets deadlines (lib/model/surface.ts): a read there without the platform's value has no deadline.
 */
export function matchRule(t: DeadlineInput, rules: readonly Rule[]): Rule | undefined {
  if (platformDecides(t.surface)) return undefined;
  return rules.find(
    (r) =>
      r.enabled &&
      (r.match.surfaces.length === 0 || (t.surface !== undefined && r.match.surfaces.includes(t.surface))) &&
      (r.match.platforms.length === 0 || r.match.platforms.includes(t.platform)) &&
      (r.match.kinds.length === 0 || r.match.kinds.includes(t.kind)) &&
      (r.match.tagsAny.length === 0 || r.match.tagsAny.some((tag) => hasTag(t, tag))) &&
      (r.match.urgent === undefined || r.match.urgent === t.urgent) &&
      ruleStartOf(r, t) !== undefined,
  );
}

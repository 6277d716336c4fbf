import type { TierSettings } from '../model/settings';
import { matchRule, ruleStartOf } from './match';
import type { Rule } from './rule-schema';
import type { Deadline, DeadlineInput, Tier } from './types';
import { addWorkingTime } from './windows';

/**
 * The deadline for a ticket. Rule one of sla-rules.md: the platform's own deadline wins (source `platform`).
 * Otherwise, on surfaces where rules apply, the first matching rule's budget is counted on its clock from the
 * rule's start (creation, or shipping), source `rule:<id>`. `undefined` when neither gives a deadline to trust:
 * no platform value on a platform-only surface, no matching rule, or no known start.
 */
export function computeDeadline(t: DeadlineInput, rules: readonly Rule[]): Deadline | undefined {
  if (t.platformDueAt !== undefined && Number.isFinite(t.platformDueAt)) {
    return { dueAt: t.platformDueAt, source: 'platform' };
  }
  const rule = matchRule(t, rules);
  if (!rule) return undefined;
  const startAt = ruleStartOf(rule, t);
  if (startAt === undefined) return undefined;
  const dueAt = addWorkingTime(startAt, rule.budgetMs, rule.clock);
  if (dueAt === undefined) return undefined;
  const d: Deadline = { dueAt, source: `rule:${rule.id}`, startAt, budgetMs: rule.budgetMs, ruleId: rule.id };
  if (rule.informational) d.informational = true;
  return d;
}

/** Wall-clock time left until the deadline (negative once overdue); `undefined` without a deadline. */
export function timeLeft(d: Pick<Deadline, 'dueAt'> | undefined, now: number): number | undefined {
  return d ? d.dueAt - now : undefined;
}

/**
 * The colour of a countdown: `overdue` at or past the deadline, `critical` within `criticalWithinMs`,
 * `soon` within `soonWithinMs` or with at most `soonShare` of the budget left, else `ok`; `none` when there is
 * no deadline to trust (callers pass `undefined` for finished tickets too).
 */
export function tierOf(d: Pick<Deadline, 'dueAt' | 'budgetMs'> | undefined, now: number, tiers: TierSettings): Tier {
  if (!d) return 'none';
  const left = d.dueAt - now;
  if (left <= 0) return 'overdue';
  if (left <= tiers.criticalWithinMs) return 'critical';
  if (left <= tiers.soonWithinMs) return 'soon';
  if (d.budgetMs !== undefined && left <= d.budgetMs * tiers.soonShare) return 'soon';
  return 'ok';
}

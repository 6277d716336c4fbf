/**
 * Deadline engine (issue 3). Pure: no Date.now(), no browser APIs; `now` is passed in.
 * Every place that shows or acts on a deadline (badges, popup, alarms) goes through here.
 *
 * NOTE: foundation version: platform deadlines + calendar rules. Window clocks come with the full engine.
 */
import type { DueSource, PlatformDeadline, Platform, TicketKind, TicketStatus } from '../model/ticket';
import type { TierSettings } from '../model/settings';
import type { Rule } from './rule-schema';

export type { Rule, Clock, Segment } from './rule-schema';
export { DEFAULT_RULES } from './default-rules';

export const TIERS = ['ok', 'soon', 'critical', 'overdue', 'none'] as const;
export type Tier = (typeof TIERS)[number];

/** What the engine needs to know of a ticket. A stored Ticket satisfies it. */
export interface DeadlineInput {
  platform: Platform;
  kind: TicketKind;
  status: TicketStatus;
  tags: readonly string[];
  urgent: boolean;
  createdAt?: number | undefined;
  firstSeenAt: number;
  /** The platform's own deadline, already an instant (see resolvePlatformDeadline). */
  platformDueAt?: number | undefined;
}

export interface Deadline {
  dueAt: number;
  source: DueSource;
  /** When the clock started (rule deadlines); absent for platform deadlines. */
  startAt?: number;
  /** Total time allowed, when known; tiers use it for the share-of-budget rule. */
  budgetMs?: number;
  ruleId?: string;
  informational?: boolean;
}

/** A platform deadline as an instant. Remaining-time values count from when the response arrived. */
export function resolvePlatformDeadline(d: PlatformDeadline): number {
  return d.type === 'at' ? d.at : d.receivedAt + d.ms;
}

export function matchRule(t: DeadlineInput, rules: readonly Rule[]): Rule | undefined {
  return rules.find(
    (r) =>
      r.enabled &&
      (r.match.platforms.length === 0 || r.match.platforms.includes(t.platform)) &&
      (r.match.kinds.length === 0 || r.match.kinds.includes(t.kind)) &&
      (r.match.tagsAny.length === 0 || r.match.tagsAny.some((tag) => t.tags.includes(tag))) &&
      (r.match.urgent === undefined || r.match.urgent === t.urgent),
  );
}

/** The deadline for a ticket: the platform's own first, else the first matching rule. */
export function computeDeadline(t: DeadlineInput, rules: readonly Rule[]): Deadline | undefined {
  if (t.platformDueAt !== undefined) return { dueAt: t.platformDueAt, source: 'platform' };
  const rule = matchRule(t, rules);
  if (!rule || rule.clock.type !== 'calendar') return undefined;
  const startAt = t.createdAt ?? t.firstSeenAt;
  return {
    dueAt: startAt + rule.budgetMs,
    source: `rule:${rule.id}`,
    startAt,
    budgetMs: rule.budgetMs,
    ruleId: rule.id,
    ...(rule.informational ? { informational: true } : {}),
  };
}

/** The colour of a countdown. `none` when there is no deadline to trust or the ticket is finished. */
export function tierOf(
  d: Pick<Deadline, 'dueAt' | 'budgetMs'> | undefined,
  now: number,
  tiers: TierSettings,
): Tier {
  if (!d) return 'none';
  const left = d.dueAt - now;
  if (left <= 0) return 'overdue';
  if (left <= tiers.criticalWithinMs) return 'critical';
  if (left <= tiers.soonWithinMs) return 'soon';
  if (d.budgetMs !== undefined && left <= d.budgetMs * tiers.soonShare) return 'soon';
  return 'ok';
}

import type { SurfaceId } from '../model/surface';
import type { DueChange, DueSource, Platform, TicketKind, TicketStatus } from '../model/ticket';

export const TIERS = ['ok', 'soon', 'critical', 'overdue', 'none'] as const;
export type Tier = (typeof TIERS)[number];

/** What the engine needs to know of a ticket. A stored Ticket satisfies it. */
export interface DeadlineInput {
  platform: Platform;
  /** The list the ticket belongs to; rules match on it. Absent only in previews of rules for any surface. */
  surface?: SurfaceId | undefined;
  kind: TicketKind;
  status: TicketStatus;
  tags: readonly string[];
  urgent: boolean;
  /** When the ticket was created: the start of every rule deadline counted from creation. */
  createdAt?: number | undefined;
  firstSeenAt: number;
  /** The platform's own deadline, already an instant (see resolvePlatformDeadline). */
  platformDueAt?: number | undefined;
  /** Earlier platform deadlines (mergePlatformDue); only explain() reads them. */
  dueHistory?: readonly DueChange[] | undefined;
  /** When the order shipped, for rules that count from shipping (`startFrom: 'shipped'`). */
  shippedAt?: number | undefined;
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

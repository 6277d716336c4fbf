/**
 * The one deadline state (issue 10): "does this deadline count for the merchant, and how urgent is it".
 * Toolbar badge, popup, alert planner, overview and page badges all ask here, so their counts are equal by
 * construction (they used to decide four ways: the toolbar said 3 due soon while the popup said 10).
 *
 * Pure and dependency-free at runtime (type-only imports, plain arithmetic): it runs in content scripts too,
 * where zod, dayjs and the holiday data must not be bundled. It never computes a deadline: the stored
 * `dueAt` (platform first, then rules, decided at ingest) is the one shown; rules are looked up by the id in
 * `dueSource` only for the budget (the "share left" part of 即将到期) and the informational flag.
 */
import type { Settings } from '../model/settings';
import type { Ticket } from '../model/ticket';
import type { Rule } from '../sla/rule-schema';
import type { Tier } from '../sla/types';

/**
 * - `overdue`: the merchant's deadline has passed.
 * - `due-soon`: inside the one 即将到期 window of settings (`tiers`: within `soonWithinMs`, or at most
 *   `soonShare` of a rule's budget left); the page badge is amber or red then.
 * - `later`: a deadline the merchant owns, further out.
 * - `waiting`: the buyer's or the platform's turn; their countdown is shown, never counted or alerted.
 * - `none`: nothing for the merchant to count: finished, no trusted deadline, informational, no longer
 *   listed, or set aside; `why` says which.
 */
export type DeadlineState = 'overdue' | 'due-soon' | 'later' | 'waiting' | 'none';
export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'due-soon', 'later', 'waiting', 'none'];

export type NoneReason = 'finished' | 'unseen' | 'set-aside' | 'no-deadline' | 'informational';

/** What state() reads of a ticket: a stored Ticket, or the TicketView a page badge holds. */
export type StateInput = Pick<Ticket, 'status' | 'dueAt'> &
  Partial<Pick<Ticket, 'dueSource' | 'turn' | 'unseenSince'>> & {
    /** A rule's budget when the caller already knows it (TicketView); else looked up from `dueSource`. */
    budgetMs?: number;
  };

/** What state() reads of settings. Page badges pass only `tiers` (their view carries `budgetMs`). */
export type StateSettings = Pick<Settings, 'tiers'> & {
  rules?: readonly Pick<Rule, 'id' | 'budgetMs' | 'informational'>[];
};

/**
 * The merchant said `已在别处处理` at `at`, while the ticket's deadline was `dueAt`. It stays set aside until a
 * later read shows the ticket still open (`lastSeenAt` > `at`) or its deadline moves: it never hides a newer
 * deadline, and nothing is deleted.
 */
export interface SetAside {
  at: number;
  dueAt?: number;
}

export interface StateMarks {
  setAside?: SetAside;
}

export interface TicketState {
  state: DeadlineState;
  /** The countdown colour (`overdue`/`critical`/`soon`/`ok`/`none`), also for `waiting` and informational. */
  tier: Tier;
  /** Time left (negative once late); absent without a deadline. */
  leftMs?: number;
  /** The deadline falls before the end of today, Beijing time (overdue ones included). */
  dueToday: boolean;
  /** Set when `state` is `none`. */
  why?: NoneReason;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Beijing has had no DST since 1991 (lib/sla/beijing.ts): a day ends at a fixed offset from UTC. */
const BEIJING_OFFSET = 8 * HOUR;

/** The instant today ends in Beijing (the next 00:00 Beijing). */
export const endOfBeijingDay = (now: number): number =>
  (Math.floor((now + BEIJING_OFFSET) / DAY) + 1) * DAY - BEIJING_OFFSET;

/** Whether a set-aside mark still applies to the ticket as stored now. */
export function setAsideHolds(
  t: Pick<Ticket, 'dueAt'> & Partial<Pick<Ticket, 'lastSeenAt'>>,
  mark: SetAside | undefined,
): boolean {
  if (!mark) return false;
  if (t.lastSeenAt !== undefined && t.lastSeenAt > mark.at) return false;
  return t.dueAt === mark.dueAt;
}

function tierFor(left: number, budgetMs: number | undefined, tiers: Settings['tiers']): Tier {
  if (left <= 0) return 'overdue';
  if (left <= tiers.criticalWithinMs) return 'critical';
  if (left <= tiers.soonWithinMs) return 'soon';
  if (budgetMs !== undefined && left <= budgetMs * tiers.soonShare) return 'soon';
  return 'ok';
}

/** The one deadline state of a ticket at `now`. */
export function state(
  t: StateInput & Partial<Pick<Ticket, 'lastSeenAt'>>,
  settings: StateSettings,
  now: number,
  marks: StateMarks = {},
): TicketState {
  const open = t.status === 'pending' || t.status === 'processing';
  const rule =
    t.dueSource !== undefined && t.dueSource.startsWith('rule:')
      ? settings.rules?.find((r) => `rule:${r.id}` === t.dueSource)
      : undefined;
  const budgetMs = t.budgetMs ?? rule?.budgetMs;
  const leftMs = t.dueAt !== undefined ? t.dueAt - now : undefined;
  const tier = open && t.dueAt !== undefined ? tierFor(t.dueAt - now, budgetMs, settings.tiers) : 'none';
  const dueToday = t.dueAt !== undefined && t.dueAt < endOfBeijingDay(now);
  const base = { tier, dueToday, ...(leftMs !== undefined ? { leftMs } : {}) };
  const none = (why: NoneReason): TicketState => ({ ...base, state: 'none', why });

  if (!open) return { state: 'none', why: 'finished', tier: 'none', dueToday: false };
  // A complete listing stopped showing it: probably handled elsewhere (tickets-repo ingestBatch).
  if (t.unseenSince !== undefined) return none('unseen');
  if (setAsideHolds(t, marks.setAside)) return none('set-aside');
  // The buyer's or the platform's move (lib/tickets/turn.ts): shown, never counted.
  if (t.turn === 'buyer' || t.turn === 'platform') return { ...base, state: 'waiting' };
  if (t.dueAt === undefined) return none('no-deadline');
  // Informational rules (pdd-order-review) are shown but never count or alert (sla-rules.md).
  if (rule?.informational) return none('informational');
  if (tier === 'overdue') return { ...base, state: 'overdue' };
  if (tier === 'critical' || tier === 'soon') return { ...base, state: 'due-soon' };
  return { ...base, state: 'later' };
}

/** The counts every surface shows: the toolbar badge, the popup header and the overview use these. */
export interface StateCounts {
  overdue: number;
  dueSoon: number;
  /** Due later today (due-soon or later, before Beijing midnight); overdue ones are not repeated here. */
  dueToday: number;
  later: number;
  waiting: number;
  none: number;
  /** Every open ticket counted: the sum of the five states. */
  open: number;
}

export const zeroCounts = (): StateCounts => ({
  overdue: 0,
  dueSoon: 0,
  dueToday: 0,
  later: 0,
  waiting: 0,
  none: 0,
  open: 0,
});

/** Adds one ticket's state to `c`; finished tickets are not counted. */
export function countState(c: StateCounts, s: TicketState): void {
  if (s.why === 'finished') return;
  c.open += 1;
  if (s.state === 'overdue') c.overdue += 1;
  else if (s.state === 'due-soon') c.dueSoon += 1;
  else if (s.state === 'later') c.later += 1;
  else if (s.state === 'waiting') c.waiting += 1;
  else c.none += 1;
  if ((s.state === 'due-soon' || s.state === 'later') && s.dueToday) c.dueToday += 1;
}

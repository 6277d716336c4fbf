/**
 * The platform's own deadline: resolving what the page gave to an instant, and following it as it moves.
 */
import type { DueChange, PlatformDeadline } from '../model/ticket';
import { AGREED_MIN_MS, DOUYIN_DAY } from './default-rules';
import { addWorkingTime } from './windows';

/**
 * A platform deadline as an instant. Remaining-time values count from when the response arrived
 * (`receivedAt`), not from when we compute. Instants must already be epoch ms (lib/time parseEpoch accepts
 * seconds and milliseconds).
 */
export function resolvePlatformDeadline(d: PlatformDeadline): number {
  return d.type === 'at' ? d.at : d.receivedAt + d.ms;
}

/** The stored part of a ticket that tracks the platform deadline. */
export interface PlatformDueState {
  platformDueAt?: number | undefined;
  dueHistory: readonly DueChange[];
}

export interface PlatformDueMerge {
  platformDueAt?: number | undefined;
  /** The same array as before when nothing changed. */
  dueHistory: readonly DueChange[];
  /** False: nothing to write (conventions: upserts compare before writing). */
  changed: boolean;
}

/** Ticket rows keep at most this many changes (TicketSchema: dueHistory max 50). */
export const DUE_HISTORY_MAX = 50;

/**
 * Moves smaller than this are noise, not a new deadline: a remaining-time field (`expireRemainTime`,
 * `delay_time_left`) resolved against each response's arrival time wobbles by the network delay and the
 * field's rounding, and recording each wobble would flood the history and rewrite the row on every poll.
 * Same value as lib/tickets/merge.ts uses today.
 */
export const DUE_JITTER_MS = 90_000;

/**
 * Fold a newly read platform deadline into what was stored. The newest value wins whether it moved later
 * (时效延长) or earlier, and each move is appended to the history `{from, to, seenAt}` (oldest dropped past
 * {@link DUE_HISTORY_MAX}). An absent value keeps the stored one: a page that did not show the deadline
 * this time did not remove it. A first value is set without a history entry.
 */
export function mergePlatformDue(
  prev: PlatformDueState,
  incoming: number | undefined,
  seenAt: number,
  toleranceMs: number = DUE_JITTER_MS,
): PlatformDueMerge {
  const unchanged: PlatformDueMerge = {
    platformDueAt: prev.platformDueAt,
    dueHistory: prev.dueHistory,
    changed: false,
  };
  if (incoming === undefined || !Number.isFinite(incoming)) return unchanged;
  const from = prev.platformDueAt;
  if (from === undefined) return { platformDueAt: incoming, dueHistory: prev.dueHistory, changed: true };
  if (Math.abs(incoming - from) < Math.max(1, toleranceMs)) return unchanged;
  const history = prev.dueHistory.concat({ from, to: incoming, seenAt });
  return {
    platformDueAt: incoming,
    dueHistory: history.length > DUE_HISTORY_MAX ? history.slice(-DUE_HISTORY_MAX) : history,
    changed: true,
  };
}

/**
 * The deadline of a Douyin ticket whose handling time was agreed with platform customer service
 * (douyin-service-agreed): as shown by the platform, but never under 2 h counted on the 09:00–21:00 clock
 * from `receivedAt`. Without a shown value, the 2 h floor itself (the earliest the agreed deadline can be).
 */
export function agreedDeadline(platformDueAt: number | undefined, receivedAt: number): number | undefined {
  const floor = addWorkingTime(receivedAt, AGREED_MIN_MS, DOUYIN_DAY);
  if (floor === undefined) return platformDueAt;
  return platformDueAt === undefined ? floor : Math.max(platformDueAt, floor);
}

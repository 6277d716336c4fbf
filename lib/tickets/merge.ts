/**
 * Turning what a page said (RawTicket) into the stored Ticket. Pure: the background calls it inside a
 * Dexie transaction with the stored row and `now`.
 */
import { computeDeadline, mergePlatformDue, resolvePlatformDeadline, type Rule } from '../sla';
import { ticketKey, type RawTicket, type Ticket } from '../model/ticket';

/** `lastSeenAt` is refreshed at most this often, so a refresh that changed nothing writes nothing. */
export const SEEN_REFRESH_MS = 5 * 60_000;

/** Drops undefined fields so a page that does not show a field keeps what another page told us. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Recomputes `dueAt`/`dueSource` from the platform deadline and the rules (computeDeadline: rules match on
 * the ticket's surface and count from its creation, never from when we first saw it).
 */
export function withDeadline(t: Ticket, rules: readonly Rule[]): Ticket {
  const { dueAt: _d, dueSource: _s, ...rest } = t;
  // The page showed a deadline we could not read: no rule guess next to it (sla-rules.md, rule one).
  if (t.deadlineUnreadable && t.platformDueAt === undefined) return rest;
  const d = computeDeadline(t, rules);
  return d ? { ...rest, dueAt: d.dueAt, dueSource: d.source } : rest;
}

export function mergeTicket(
  prev: Ticket | undefined,
  raw: RawTicket,
  ctx: { rules: readonly Rule[]; now: number; pageKind: string; complete: boolean },
): Ticket {
  const { deadline, ...fields } = raw;
  const due = mergePlatformDue(
    prev ?? { dueHistory: [] },
    deadline ? resolvePlatformDeadline(deadline) : undefined,
    ctx.now,
  );
  const base: Ticket = {
    ...(prev ?? { dueHistory: [], firstSeenAt: ctx.now, lastSeenAt: ctx.now }),
    ...defined(fields),
    key: ticketKey(raw),
    dueHistory: due.dueHistory,
    // Pages see different parts of a ticket: a detail response has no tags, the list has 退款拦截 / 紧急.
    // Tags are merged and urgency kept, so reading one page never erases what another said.
    tags: [...new Set([...(prev?.tags ?? []), ...raw.tags])].slice(0, 20),
    urgent: raw.urgent || (prev?.urgent ?? false),
    lastSeenAt: prev && ctx.now - prev.lastSeenAt < SEEN_REFRESH_MS ? prev.lastSeenAt : ctx.now,
    listedOn: ctx.complete || !prev?.listedOn ? ctx.pageKind : prev.listedOn,
  } as Ticket;
  if (due.platformDueAt !== undefined) base.platformDueAt = due.platformDueAt;
  // Whose turn it is comes from the newest read only: a stale "buyer's turn" must never silence the
  // merchant's own deadline once the status words stop saying so (alerting is the safe default).
  if (!raw.turn) delete base.turn;
  delete base.unseenSince;
  // Only a readable deadline clears "the page showed a deadline we could not read": a read that saw no
  // deadline at all (DOM text of a page without timers, a detail response) is no evidence either way.
  if (!raw.deadlineUnreadable && deadline) delete base.deadlineUnreadable;
  return withDeadline(base, ctx.rules);
}

/** Stable comparison of two stored rows (key order independent). */
export function sameTicket(a: Ticket | undefined, b: Ticket): boolean {
  if (!a) return false;
  const norm = (t: Ticket) =>
    JSON.stringify(
      Object.entries(t)
        .filter(([, v]) => v !== undefined)
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return norm(a) === norm(b);
}

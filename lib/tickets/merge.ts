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

/** Stable comparison of two stored rows (key order independent; undefined fields count as absent). */
export function sameTicket(a: Ticket | undefined, b: Ticket): boolean {
  return a !== undefined && sameValue(a, b);
}

/** Deep equality of stored (structured-clone) values without serialising them: runs for every ingested row. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => sameValue(v, y[i]));
  }
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let fields = 0;
  for (const k in a) {
    if (a[k] === undefined) continue;
    fields++;
    if (!sameValue(a[k], b[k])) return false;
  }
  for (const k in b) if (b[k] !== undefined) fields--;
  return fields === 0;
}

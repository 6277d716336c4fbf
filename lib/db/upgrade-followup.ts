/**
 * What the Dexie v3 upgrade cannot do inside its own transaction (awaiting anything but Dexie there would
 * commit it early): rewrite ticket keys kept in `browser.storage.local` (snoozes, notification entries) and
 * recompute rule deadlines with the merchant's own rules. The upgrade leaves a `meta` row; this runs at
 * every worker start, does the work once, then removes the row. Safe to run again after a crash midway.
 */
import { NOTIFICATION_KEY_PREFIX, NotificationEntrySchema, SNOOZE_KEY } from '../alarms/state';
import type { Rule } from '../sla';
import { V3_FOLLOWUP, type RadarDb } from './schema';
import { recomputeDeadlines } from './tickets-repo';

/** The part of `browser.storage.local` used here (so tests pass an in-memory one). */
export interface KeyValueStore {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** `${ticketKey}|${threshold}` with the ticket key moved. */
const moveAlertId = (id: string, moves: ReadonlyMap<string, string>): string => {
  const bar = id.indexOf('|');
  const to = bar > 0 ? moves.get(id.slice(0, bar)) : undefined;
  return to ? to + id.slice(bar) : id;
};

/** The storage writes that move old ticket keys to new ones; empty when nothing refers to an old key. */
export function movedStorage(
  all: Record<string, unknown>,
  moves: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const writes: Record<string, unknown> = {};
  const snooze = all[SNOOZE_KEY];
  if (snooze && typeof snooze === 'object' && !Array.isArray(snooze)) {
    const entries = Object.entries(snooze as Record<string, unknown>);
    if (entries.some(([k]) => moves.has(k))) {
      writes[SNOOZE_KEY] = Object.fromEntries(entries.map(([k, v]) => [moves.get(k) ?? k, v]));
    }
  }
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(NOTIFICATION_KEY_PREFIX)) continue;
    const e = NotificationEntrySchema.safeParse(v);
    if (!e.success || !e.data.ticketKeys.some((t) => moves.has(t))) continue;
    writes[k] = {
      ...e.data,
      ticketKeys: e.data.ticketKeys.map((t) => moves.get(t) ?? t),
      alertIds: e.data.alertIds.map((id) => moveAlertId(id, moves)),
    };
  }
  return writes;
}

/**
 * Finishes the v3 upgrade once: moves stored keys, recomputes rule deadlines (badges, popup rows and planned
 * alerts follow the stored rows). Returns whether there was anything to finish.
 */
export async function finishUpgrade(db: RadarDb, rules: readonly Rule[], store: KeyValueStore): Promise<boolean> {
  if (!(await db.meta.get(V3_FOLLOWUP))) return false;
  const moves = new Map((await db.keyMoves.toArray()).map((m) => [m.from, m.to]));
  const writes = movedStorage(await store.get(null), moves);
  if (Object.keys(writes).length) await store.set(writes);
  await recomputeDeadlines(db, rules);
  await db.meta.delete(V3_FOLLOWUP);
  return true;
}

/**
 * The extension's IndexedDB (Dexie), opened only in the extension origin: background, popup, options.
 * Content scripts reach it through messages (conventions.md, "Data lives in the extension origin").
 *
 * Versions: every version that has an `.upgrade()` stays declared, and each is tested by opening a
 * populated database of the previous version (schema.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Shop, Template, Ticket } from '../model';
import type { HealthEntry } from '../diagnostics/health';
import type { SentAlert } from './alerts-types';
import { upgradeLegacyTicket } from './legacy-keys';
import { platformDecides } from '../model/surface';
import type { FreshRow } from '../freshness/schedule';

import { DB_NAME } from './name';

export { DB_NAME };

/**
 * v1 → v2: tickets gained `dueHistory` (platform deadline changes) and `listedOn`; `alerts` table added.
 * v2 → v3: tickets gained `surface`, and keys its family (`pdd:<shop>:workorder:<id>`); alert history follows
 * the keys; `keyMoves` keeps old key → new key (snoozes, notification entries, old backups); `meta` holds the
 * follow-up the upgrade transaction cannot do itself (finishUpgrade: recompute with the merchant's rules).
 */
export const SCHEMA = {
  1: {
    tickets: 'key, [status+dueAt], [platform+shopId], lastSeenAt',
    shops: 'key, platform',
    templates: 'id, folder, updatedAt',
    health: 'id, lastAt',
  },
  2: {
    tickets: 'key, status, [status+dueAt], [platform+shopId], lastSeenAt, listedOn',
    alerts: 'id, ticketKey, sentAt',
  },
  3: {
    keyMoves: 'from',
    meta: 'key',
  },
  /** v5 (issue 14): per shop and surface freshness (lib/freshness/schedule.ts `FreshRow`). No row changes. */
  5: {
    freshness: 'id, shopKey',
  },
} as const;

/** An old ticket key and the key the v3 upgrade gave the same row. */
export interface KeyMove {
  from: string;
  to: string;
}

/** Small facts about the database itself. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The `meta` row the v3 upgrade leaves for finishUpgrade (lib/db/upgrade-followup.ts). */
export const V3_FOLLOWUP = 'v3-followup';

/**
 * The v3 row upgrade, pure: surface and key from legacy-keys.ts; a rule deadline that can no longer be
 * right is dropped at once (a rule on a list where only the platform decides, or counted from first seen
 * for want of a creation time). The rest is recomputed with the merchant's rules by finishUpgrade.
 */
export function upgradeTicketV3(row: Record<string, unknown>): Record<string, unknown> {
  const next = upgradeLegacyTicket(row);
  const ruleDue = typeof next.dueSource === 'string' && next.dueSource.startsWith('rule:');
  if (ruleDue && (platformDecides(next.surface as never) || next.createdAt === undefined)) {
    const { dueAt: _d, dueSource: _s, ...rest } = next;
    return rest;
  }
  return next;
}

export class RadarDb extends Dexie {
  tickets!: EntityTable<Ticket, 'key'>;
  shops!: EntityTable<Shop, 'key'>;
  templates!: EntityTable<Template, 'id'>;
  health!: EntityTable<HealthEntry, 'id'>;
  alerts!: EntityTable<SentAlert, 'id'>;
  keyMoves!: EntityTable<KeyMove, 'from'>;
  meta!: EntityTable<MetaRow, 'key'>;
  freshness!: EntityTable<FreshRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA[1]);
    this.version(2)
      .stores(SCHEMA[2])
      .upgrade(async (tx) => {
        await tx
          .table('tickets')
          .toCollection()
          .modify((t: Partial<Ticket> & Record<string, unknown>) => {
            if (!Array.isArray(t.dueHistory)) t.dueHistory = [];
            // v1 stored the list page in `page`; v2 calls it `listedOn`.
            if (typeof t.page === 'string' && t.listedOn === undefined) t.listedOn = t.page;
            delete t.page;
          });
      });
    this.version(3)
      .stores(SCHEMA[3])
      .upgrade(async (tx) => {
        // Keys change, so rows are rewritten rather than modified: read all, clear, add back, one transaction.
        const tickets = tx.table('tickets');
        const rows = (await tickets.toArray()) as Record<string, unknown>[];
        const moves: KeyMove[] = [];
        const next = rows.map((r) => {
          const u = upgradeTicketV3(r);
          if (u.key !== r.key) moves.push({ from: r.key as string, to: u.key as string });
          return u;
        });
        await tickets.clear();
        await tickets.bulkAdd(next);
        await tx.table('keyMoves').bulkPut(moves);
        // Sent alerts follow their tickets, so nothing is alerted twice because its key changed.
        const to = new Map(moves.map((m) => [m.from, m.to]));
        const alerts = tx.table('alerts');
        const old = ((await alerts.toArray()) as SentAlert[]).filter((a) => to.has(a.ticketKey));
        await alerts.bulkDelete(old.map((a) => a.id));
        await alerts.bulkPut(
          old.map((a) => {
            const key = to.get(a.ticketKey)!;
            // `${ticketKey}|${threshold}`: the threshold part is kept as it was.
            return { ...a, id: key + a.id.slice(a.ticketKey.length), ticketKey: key };
          }),
        );
        await tx.table('meta').put({ key: V3_FOLLOWUP, value: true });
      });
    // v4 is unused (reserved while the popup's indexes were planned); a new table needs no upgrade function.
    this.version(5).stores(SCHEMA[5]);
  }
}

let instance: RadarDb | undefined;
/** The shared database of this extension page or worker. */
export const db = (): RadarDb => (instance ??= new RadarDb());

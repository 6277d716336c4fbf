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
import type { FreshRow } from '../freshness/schedule';

export const DB_NAME = 'ticket-radar';

/** v1 → v2: tickets gained `dueHistory` (platform deadline changes) and `listedOn`; `alerts` table added. */
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
  /** v5 (issue 14): per shop and surface freshness (lib/freshness/schedule.ts `FreshRow`). No row changes. */
  5: {
    freshness: 'id, shopKey',
  },
} as const;

export class RadarDb extends Dexie {
  tickets!: EntityTable<Ticket, 'key'>;
  shops!: EntityTable<Shop, 'key'>;
  templates!: EntityTable<Template, 'id'>;
  health!: EntityTable<HealthEntry, 'id'>;
  alerts!: EntityTable<SentAlert, 'id'>;
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
    // v3 (issue 9) and v4 (issue 13) are declared by their branches; a new table needs no upgrade function.
    this.version(5).stores(SCHEMA[5]);
  }
}

let instance: RadarDb | undefined;
/** The shared database of this extension page or worker. */
export const db = (): RadarDb => (instance ??= new RadarDb());

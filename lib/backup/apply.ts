/**
 * Writes a planned import (plan.ts) and reads the data for an export. The rows go into Dexie in one
 * transaction, so an import lands completely or not at all. Settings live in `browser.storage`, outside
 * that transaction: they are written first and put back if the row transaction fails, so a failed import
 * leaves nothing behind either way.
 */
import type { RadarDb } from '../db/schema';
import type { Settings } from '../model/settings';
import { BACKUP_TABLES, type BackupData, type BackupPlan, type BackupTable } from './plan';

/** Where settings are read and written; the options page passes lib/settings/store, tests an in-memory pair. */
export interface SettingsIo {
  load(): Promise<Settings>;
  save(s: Settings): Promise<void>;
}

export interface ApplyOutcome {
  /** Rows written per table. */
  rows: Record<BackupTable, number>;
  settings: boolean;
}

/** Everything a backup holds, read in one read transaction so the tables agree with each other. */
export async function readBackupData(db: RadarDb, settings: SettingsIo): Promise<BackupData> {
  const [tables, s] = await Promise.all([
    db.transaction('r', db.tickets, db.shops, db.templates, async () => ({
      tickets: await db.tickets.toArray(),
      shops: await db.shops.toArray(),
      templates: await db.templates.toArray(),
    })),
    settings.load(),
  ]);
  return { ...tables, settings: s };
}

/**
 * Writes the plan's added and changed rows (an import never deletes) and its settings. Throws when the
 * write fails, after restoring the previous settings.
 */
export async function applyBackupPlan(db: RadarDb, plan: BackupPlan, settings: SettingsIo): Promise<ApplyOutcome> {
  const writeSettings = plan.settings.state === 'changed' ? plan.settings.value : undefined;
  const previous = writeSettings ? await settings.load() : undefined;
  if (writeSettings) await settings.save(writeSettings);
  try {
    await db.transaction('rw', db.tickets, db.shops, db.templates, async () => {
      // Sequential on purpose: a failing bulkPut aborts the transaction and nothing after it starts.
      const t = [...plan.tickets.added, ...plan.tickets.changed];
      if (t.length) await db.tickets.bulkPut(t);
      const s = [...plan.shops.added, ...plan.shops.changed];
      if (s.length) await db.shops.bulkPut(s);
      const m = [...plan.templates.added, ...plan.templates.changed];
      if (m.length) await db.templates.bulkPut(m);
    });
  } catch (e) {
    if (previous) await settings.save(previous);
    throw e;
  }
  const rows = Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, plan[t].added.length + plan[t].changed.length]),
  ) as Record<BackupTable, number>;
  return { rows, settings: writeSettings !== undefined };
}

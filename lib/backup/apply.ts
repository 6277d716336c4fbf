/**
 * Writes a planned import (plan.ts) and reads the data for an export. All or nothing, also when the options
 * tab closes in the middle (issue 11):
 *
 * - The options page plans and shows the dry-run; on 确认导入 it hands the writes to the worker
 *   (`backup/apply`), which applies them here. Closing the tab after that changes nothing.
 * - Rows and the settings cannot share a transaction: settings live in `browser.storage`. So the settings are
 *   staged in the same Dexie transaction as the rows (a `meta` row), and written to storage only after that
 *   transaction committed; then the staged row goes. A worker stopped between the two finishes the settings
 *   when it next starts ({@link finishPendingImport}). Rows without their settings never stay; settings
 *   without their rows never happen.
 */
import type { RadarDb } from '../db/schema';
import { SettingsSchema } from '../model/settings';
import type { Settings } from '../model/settings';
import {
  BACKUP_TABLES,
  planToWrites,
  type BackupData,
  type BackupPlan,
  type BackupTable,
  type BackupWrites,
} from './plan';

/** Where settings are read and written; the worker passes lib/settings/store, tests an in-memory pair. */
export interface SettingsIo {
  load(): Promise<Settings>;
  save(s: Settings): Promise<void>;
}

export interface ApplyOutcome {
  /** Rows written per table. */
  rows: Record<BackupTable, number>;
  settings: boolean;
}

/** The `meta` row holding an import's settings between its row transaction and the settings write. */
export const PENDING_IMPORT_SETTINGS = 'import-settings-pending';

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
 * Writes an import's rows (an import never deletes) and stages its settings in one transaction, then
 * writes the settings. Throws when the transaction fails; nothing is written then.
 */
export async function applyBackupWrites(db: RadarDb, w: BackupWrites, settings: SettingsIo): Promise<ApplyOutcome> {
  await db.transaction('rw', [db.tickets, db.shops, db.templates, db.meta], async () => {
    // Sequential on purpose: a failing bulkPut aborts the transaction and nothing after it starts.
    if (w.tickets.length) await db.tickets.bulkPut(w.tickets);
    if (w.shops.length) await db.shops.bulkPut(w.shops);
    if (w.templates.length) await db.templates.bulkPut(w.templates);
    if (w.settings) await db.meta.put({ key: PENDING_IMPORT_SETTINGS, value: w.settings });
  });
  const wroteSettings = await finishPendingImport(db, settings);
  const rows = Object.fromEntries(BACKUP_TABLES.map((t) => [t, w[t].length])) as Record<BackupTable, number>;
  return { rows, settings: wroteSettings };
}

/** The options page's dry-run plan applied as it was shown (tests; the page sends {@link planToWrites}). */
export function applyBackupPlan(db: RadarDb, plan: BackupPlan, settings: SettingsIo): Promise<ApplyOutcome> {
  return applyBackupWrites(db, planToWrites(plan), settings);
}

/**
 * The settings of an import whose rows are committed, written if they are still staged (at worker start:
 * the worker stopped between the two). True when settings were written.
 */
export async function finishPendingImport(db: RadarDb, settings: SettingsIo): Promise<boolean> {
  const row = await db.meta.get(PENDING_IMPORT_SETTINGS);
  if (!row) return false;
  // Validated on the way in; checked again because storage is input like any other.
  const parsed = SettingsSchema.safeParse(row.value);
  if (parsed.success) await settings.save(parsed.data);
  await db.meta.delete(PENDING_IMPORT_SETTINGS);
  return parsed.success;
}

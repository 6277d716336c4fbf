/**
 * Bundled by seed.ts and evaluated in the extension's service worker: writes prepared batches into the
 * extension's own IndexedDB through the repository the background uses (ingestBatch), each at its own
 * `now`, so stored rows are exactly what the extension would have stored had it seen those pages then.
 */
import { RadarDb } from '../../lib/db/schema';
import { ingestBatch, type IngestBatch } from '../../lib/db/tickets-repo';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';

export interface SeedBatch {
  batch: IngestBatch;
  now: number;
}

(globalThis as unknown as { __benchSeed: (batches: SeedBatch[]) => Promise<number> }).__benchSeed = async (batches) => {
  const db = new RadarDb();
  await db.open();
  try {
    for (const { batch, now } of batches) await ingestBatch(db, batch, DEFAULT_SETTINGS.rules, now);
    return await db.tickets.count();
  } finally {
    db.close();
  }
};

/** A throwaway Dexie database with a templates table, for tests (fake-indexeddb is set up by vitest). */
import Dexie from 'dexie';
import type { TemplateTable } from './repo';

let seq = 0;

export function openTestTable(): { db: Dexie; table: TemplateTable } {
  seq += 1;
  const db = new Dexie(`templates-test-${seq}-${Math.random().toString(36).slice(2)}`);
  db.version(1).stores({ templates: 'id, folder, updatedAt' });
  return { db, table: db.table('templates') as TemplateTable };
}

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarDb } from '../db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Shop, Ticket } from '../model';
import {
  applyBackupPlan,
  finishPendingImport,
  PENDING_IMPORT_SETTINGS,
  readBackupData,
  type SettingsIo,
} from './apply';
import {
  BACKUP_FORMAT,
  BackupWritesSchema,
  buildBackup,
  MAX_BACKUP_ROWS,
  planBackupImport,
  type BackupPlan,
} from './plan';

const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;

const ticket = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  key: `pdd:s1:workorder:${id}`,
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: id,
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1',
  dueHistory: [],
  firstSeenAt: NOW - H,
  lastSeenAt: NOW,
  ...over,
});
const shop: Shop = { key: 'pdd:s1', platform: 'pdd', shopId: 's1', muted: false, firstSeenAt: NOW, lastSeenAt: NOW };

function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsIo & { value: Settings; saves: number } {
  const io = {
    value: initial,
    saves: 0,
    load: () => Promise.resolve(io.value),
    save: (s: Settings) => {
      io.saves += 1;
      io.value = s;
      return Promise.resolve();
    },
  };
  return io;
}

const EMPTY = { tickets: [], shops: [], templates: [], settings: DEFAULT_SETTINGS };

let db: RadarDb;
beforeEach(async () => {
  db = new RadarDb(`backup-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function plan(file: unknown, settings: SettingsIo): Promise<BackupPlan> {
  const r = planBackupImport(file, await readBackupData(db, settings));
  if (!r.ok) throw new Error(r.error.code);
  return r;
}

describe('applyBackupPlan', () => {
  it('writes added and changed rows and settings, keeps rows the file does not mention', async () => {
    await db.tickets.bulkPut([ticket('1'), ticket('2')]);
    const settings = memorySettings();
    const next: Settings = { ...DEFAULT_SETTINGS, popupHorizonMs: 6 * H };
    const p = await plan(
      {
        format: BACKUP_FORMAT,
        version: 1,
        tickets: [ticket('2', { status: 'done' }), ticket('3')],
        shops: [shop],
        settings: next,
      },
      settings,
    );
    const out = await applyBackupPlan(db, p, settings);
    expect(out).toEqual({ rows: { tickets: 2, shops: 1, templates: 0 }, settings: true });
    expect((await db.tickets.toArray()).map((t) => [t.key, t.status])).toEqual([
      ['pdd:s1:workorder:1', 'pending'],
      ['pdd:s1:workorder:2', 'done'],
      ['pdd:s1:workorder:3', 'pending'],
    ]);
    expect(await db.shops.get('pdd:s1')).toEqual(shop);
    expect(settings.value).toEqual(next);
  });

  it('round-trips an export into an empty database', async () => {
    await db.tickets.bulkPut([ticket('1')]);
    await db.shops.put(shop);
    const settings = memorySettings({ ...DEFAULT_SETTINGS, popupHorizonMs: 2 * H });
    const file = JSON.parse(JSON.stringify(buildBackup(await readBackupData(db, settings), NOW))) as unknown;

    const other = new RadarDb(`backup-restore-${Math.random().toString(36).slice(2)}`);
    try {
      const fresh = memorySettings();
      const r = planBackupImport(file, await readBackupData(other, fresh));
      if (!r.ok) throw new Error(r.error.code);
      await applyBackupPlan(other, r, fresh);
      expect(await other.tickets.toArray()).toEqual([ticket('1')]);
      expect(await other.shops.toArray()).toEqual([shop]);
      expect(fresh.value.popupHorizonMs).toBe(2 * H);
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('never half-writes: a failing table rolls back every table and the settings', async () => {
    await db.tickets.put(ticket('1'));
    const settings = memorySettings();
    const p = await plan(
      {
        format: BACKUP_FORMAT,
        version: 1,
        tickets: [ticket('1', { status: 'done' }), ticket('2')],
        shops: [shop],
        settings: { ...DEFAULT_SETTINGS, popupHorizonMs: 3 * H },
      },
      settings,
    );
    // Make the last table of the transaction fail, after tickets and shops were put.
    db.templates.hook('creating', () => {
      throw new Error('disk full');
    });
    p.templates.added.push({
      id: 'x',
      title: 't',
      body: 'b',
      scope: { platforms: [], kinds: [], shops: [] },
      folder: '',
      tags: [],
      usageCount: 0,
      createdAt: NOW,
      updatedAt: NOW,
      origin: 'user',
    });
    await expect(applyBackupPlan(db, p, settings)).rejects.toThrow();
    expect(await db.tickets.toArray()).toEqual([ticket('1')]);
    expect(await db.shops.count()).toBe(0);
    expect(settings.value).toEqual(DEFAULT_SETTINGS);
    expect(settings.saves).toBe(0); // settings are written only after the rows committed
    expect(await db.meta.get(PENDING_IMPORT_SETTINGS)).toBeUndefined();
  });

  it('a worker stopped after the rows committed finishes the settings when it starts again', async () => {
    const settings = memorySettings();
    const next = { ...DEFAULT_SETTINGS, popupHorizonMs: 5 * H };
    // The first worker: its settings write never happens (stopped between the transaction and the write).
    const dying: SettingsIo = { load: settings.load, save: () => Promise.reject(new Error('worker stopped')) };
    const p = await plan({ format: BACKUP_FORMAT, version: 1, tickets: [ticket('1')], settings: next }, settings);
    await expect(applyBackupPlan(db, p, dying)).rejects.toThrow('worker stopped');
    expect(await db.tickets.count()).toBe(1);
    expect(settings.value).toEqual(DEFAULT_SETTINGS);
    // The next worker start.
    expect(await finishPendingImport(db, settings)).toBe(true);
    expect(settings.value).toEqual(next);
    expect(await db.meta.get(PENDING_IMPORT_SETTINGS)).toBeUndefined();
    expect(await finishPendingImport(db, settings)).toBe(false); // once
  });

  it('staged settings that fail validation are dropped, not written', async () => {
    const settings = memorySettings();
    await db.meta.put({ key: PENDING_IMPORT_SETTINGS, value: { notifications: 'off' } });
    expect(await finishPendingImport(db, settings)).toBe(false);
    expect(settings.saves).toBe(0);
    expect(await db.meta.get(PENDING_IMPORT_SETTINGS)).toBeUndefined();
  });

  it('the worker refuses writes the options page could not have planned (schema, row cap)', () => {
    const writes = { tickets: [ticket('1')], shops: [], templates: [] };
    expect(BackupWritesSchema.safeParse(writes).success).toBe(true);
    expect(BackupWritesSchema.safeParse({ ...writes, tickets: [{ ...ticket('1'), status: 'bogus' }] }).success).toBe(
      false,
    );
    const many = Array.from({ length: MAX_BACKUP_ROWS + 1 }, () => shop);
    expect(BackupWritesSchema.safeParse({ ...writes, shops: many }).success).toBe(false);
    expect(planBackupImport({ format: BACKUP_FORMAT, version: 1, shops: many }, EMPTY)).toMatchObject({
      ok: false,
      error: { code: 'bad-shape' },
    });
  });

  it('writes nothing for a plan with nothing to do', async () => {
    await db.tickets.put(ticket('1'));
    const settings = memorySettings();
    const p = await plan(
      { format: BACKUP_FORMAT, version: 1, tickets: [ticket('1')], settings: DEFAULT_SETTINGS },
      settings,
    );
    expect(await applyBackupPlan(db, p, settings)).toEqual({
      rows: { tickets: 0, shops: 0, templates: 0 },
      settings: false,
    });
    expect(settings.saves).toBe(0);
  });
});

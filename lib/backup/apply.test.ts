import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarDb } from '../db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Shop, Ticket } from '../model';
import { applyBackupPlan, readBackupData, type SettingsIo } from './apply';
import { BACKUP_FORMAT, buildBackup, planBackupImport, type BackupPlan } from './plan';

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
    expect(settings.saves).toBe(2); // written, then put back
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

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RadarDb } from '@/lib/db/schema';
import { ingestBatch } from '@/lib/db/tickets-repo';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import type { RawTicket } from '@/lib/model/ticket';
import { onSettingsChanged, resetSettingsSync } from './settings-sync';

const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;

let db: RadarDb;
beforeEach(async () => {
  resetSettingsSync();
  db = new RadarDb(`sync-${Math.random().toString(36).slice(2)}`);
  await db.open();
  const raw: RawTicket = {
    // A Taobao task ticket of no 催 kind: the default rule applies (on PDD lists only the platform decides).
    platform: 'taobao',
    surface: 'taobao.task-tickets',
    shopId: 's1',
    nativeId: '1',
    kind: 'other',
    title: '协同工单',
    status: 'pending',
    urgent: false,
    tags: [],
    url: 'https://myseller.taobao.com/home.htm/',
    createdAt: NOW - 2 * H,
  };
  await ingestBatch(
    db,
    { platform: 'taobao', pageKind: 'taobao.task-tickets', shop: { shopId: 's1' }, tickets: [raw], complete: false },
    DEFAULT_SETTINGS.rules,
    NOW,
  );
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** The default rule with another budget. */
const withDefaultBudget = (ms: number): Settings => ({
  ...DEFAULT_SETTINGS,
  rules: DEFAULT_SETTINGS.rules.map((r) => (r.id === 'default' ? { ...r, budgetMs: ms } : r)),
});

describe('onSettingsChanged', () => {
  it('recomputes rule deadlines when the rules changed', async () => {
    expect((await db.tickets.get('taobao:s1:task:1'))?.dueAt).toBe(NOW - 2 * H + 24 * H);
    const n = await onSettingsChanged(withDefaultBudget(4 * H), DEFAULT_SETTINGS, { db });
    expect(n).toBe(1);
    expect(await db.tickets.get('taobao:s1:task:1')).toMatchObject({ dueAt: NOW + 2 * H, dueSource: 'rule:default' });
  });

  it('does nothing when only other settings changed', async () => {
    const next: Settings = {
      ...DEFAULT_SETTINGS,
      popupHorizonMs: H,
      tiers: { ...DEFAULT_SETTINGS.tiers, soonShare: 0.5 },
    };
    expect(await onSettingsChanged(next, DEFAULT_SETTINGS, { db })).toBe(0);
    expect((await db.tickets.get('taobao:s1:task:1'))?.dueAt).toBe(NOW + 22 * H);
  });

  it('without the previous settings, compares with the rules it last saw', async () => {
    // First call after a worker start: nothing remembered, so it recomputes (and finds nothing moved).
    expect(await onSettingsChanged(DEFAULT_SETTINGS, undefined, { db })).toBe(0);
    expect(await onSettingsChanged(withDefaultBudget(4 * H), undefined, { db })).toBe(1);
    // Same rules again (e.g. only notifications were saved): skipped.
    expect(await onSettingsChanged({ ...withDefaultBudget(4 * H), popupHorizonMs: H }, null, { db })).toBe(0);
    expect(await db.tickets.get('taobao:s1:task:1')).toMatchObject({ dueAt: NOW + 2 * H });
  });

  it('runs quick successive changes in order, so the last rules win', async () => {
    const a = onSettingsChanged(withDefaultBudget(4 * H), DEFAULT_SETTINGS, { db });
    const b = onSettingsChanged(withDefaultBudget(6 * H), withDefaultBudget(4 * H), { db });
    await Promise.all([a, b]);
    expect((await db.tickets.get('taobao:s1:task:1'))?.dueAt).toBe(NOW + 4 * H);
  });

  it('logs a failed write instead of rejecting, and retries on the next change', async () => {
    const errors: string[] = [];
    db.close();
    const n = await onSettingsChanged(withDefaultBudget(4 * H), undefined, { db, log: (m) => errors.push(m) });
    expect(n).toBe(0);
    expect(errors).toEqual(['recompute deadlines']);
    await db.open();
    expect(await onSettingsChanged(withDefaultBudget(4 * H), undefined, { db })).toBe(1);
  });
});

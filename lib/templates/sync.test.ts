import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import type { Template } from '../model/template';
import { defaultTemplates } from './defaults';
import { memoryTombstones } from './repo';
import {
  MANIFEST_KEY,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
  canonicalJson,
  chunkString,
  itemBytes,
  mergeSnapshots,
  planSyncWrite,
  pullSnapshot,
  pushSnapshot,
  readSyncItems,
  syncStatusItem,
  syncTemplates,
  watchRemoteSnapshot,
  type SyncSnapshot,
} from './sync';
import { openTestTable } from './test-db';

const NOW = Date.UTC(2026, 3, 1);
const AT = Date.UTC(2025, 0, 1);

function tpl(p: Partial<Template> & Pick<Template, 'id'>): Template {
  return {
    title: `标题${p.id}`,
    body: '内容',
    scope: { platforms: [], kinds: [], shops: [] },
    folder: '',
    tags: [],
    usageCount: 0,
    createdAt: AT,
    updatedAt: AT,
    origin: 'user',
    ...p,
  };
}

const snap = (templates: Template[], extra: Partial<SyncSnapshot> = {}): SyncSnapshot => ({
  v: 1,
  savedAt: NOW,
  templates,
  deleted: {},
  settings: {},
  ...extra,
});

describe('chunkString', () => {
  it('cuts any string into items under the per-item quota and joins back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 40, max: 400 }), (s, max) => {
        const chunks = chunkString(s, max);
        expect(chunks.join('')).toBe(s);
        chunks.forEach((c, i) => expect(itemBytes(`tr.tpl.${i}`, c)).toBeLessThanOrEqual(max));
      }),
    );
  });

  it('counts JSON escapes and lone surrogates', () => {
    const s = '"\\\n\u0001\ud800中😀'.repeat(50);
    const chunks = chunkString(s, 64);
    expect(chunks.join('')).toBe(s);
    chunks.forEach((c, i) => expect(itemBytes(`tr.tpl.${i}`, c)).toBeLessThanOrEqual(64));
  });

  it('never splits a surrogate pair', () => {
    const chunks = chunkString('😀'.repeat(100), 20);
    for (const c of chunks) expect(c).toMatch(/^(😀)+$/u);
  });
});

describe('planSyncWrite / readSyncItems', () => {
  it('round-trips a snapshot through chunks with a manifest', () => {
    const s = snap(defaultTemplates(), { deleted: { x: NOW }, settings: { locale: { v: 'zh', at: NOW } } });
    const plan = planSyncWrite(s, { otherBytes: 0 });
    if (!plan.ok) throw new Error('too large');
    for (const [k, v] of Object.entries(plan.items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(plan.manifest.chunks).toBeGreaterThan(1);
    const read = readSyncItems(plan.items);
    expect(read.ok && canonicalJson(read.snapshot)).toBe(canonicalJson(s));
  });

  it('refuses a snapshot larger than what is left of the quota', () => {
    const big = Array.from({ length: 60 }, (_, i) => tpl({ id: `u-${i}`, body: '长'.repeat(1900) }));
    const plan = planSyncWrite(snap(big), { otherBytes: 0 });
    expect(plan.ok).toBe(false);
    const small = planSyncWrite(snap([tpl({ id: 'a' })]), { otherBytes: QUOTA_BYTES - 100 });
    expect(small).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('marks stale chunk keys of a previous, longer write', () => {
    const plan = planSyncWrite(snap([]), {
      otherBytes: 0,
      existingKeys: ['tr.tpl.m', 'tr.tpl.0', 'tr.tpl.1', 'tr.tpl.2', 'other'],
    });
    expect(plan.ok && plan.staleKeys).toEqual(['tr.tpl.1', 'tr.tpl.2']);
  });

  it('notices chunks from two different writes', () => {
    const a = planSyncWrite(snap(defaultTemplates()), { otherBytes: 0 });
    const b = planSyncWrite(snap(defaultTemplates().map((t) => ({ ...t, usageCount: 9 }))), { otherBytes: 0 });
    if (!a.ok || !b.ok) throw new Error('too large');
    expect(readSyncItems({ ...a.items, 'tr.tpl.0': b.items['tr.tpl.0'] })).toEqual({ ok: false, reason: 'incomplete' });
    expect(readSyncItems({})).toEqual({ ok: false, reason: 'absent' });
    expect(readSyncItems({ [MANIFEST_KEY]: { v: 2 } })).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('drops invalid templates one by one, keeping the rest', () => {
    const s = {
      ...snap([tpl({ id: 'ok' })]),
      templates: [tpl({ id: 'ok' }), { id: 'bad' }],
    } as unknown as SyncSnapshot;
    const plan = planSyncWrite(s, { otherBytes: 0 });
    const read = plan.ok ? readSyncItems(plan.items) : undefined;
    expect(read?.ok && read.snapshot.templates.map((t) => t.id)).toEqual(['ok']);
    expect(read?.ok && read.invalidTemplates).toBe(1);
  });
});

describe('mergeSnapshots', () => {
  it('takes the newer edit, the larger count, and honours tombstones', () => {
    const local = snap(
      [
        tpl({ id: 'a', title: '本地新', updatedAt: AT + 10, usageCount: 1 }),
        tpl({ id: 'b' }),
        tpl({ id: 'c', updatedAt: AT + 50 }),
      ],
      { deleted: { d: AT + 5 }, settings: { s: { v: 1, at: AT + 1 } } },
    );
    const remote = snap(
      [tpl({ id: 'a', title: '远端旧', updatedAt: AT + 5, usageCount: 7 }), tpl({ id: 'd' }), tpl({ id: 'e' })],
      { deleted: { b: AT + 1, c: AT + 20 }, settings: { s: { v: 2, at: AT + 2 } } },
    );
    const m = mergeSnapshots(local, remote, NOW);
    expect(m.snapshot.templates.map((t) => [t.id, t.title, t.usageCount])).toEqual([
      ['a', '本地新', 7],
      ['c', '标题c', 0], // edited after the remote deletion: kept
      ['e', '标题e', 0],
    ]);
    expect(m.remove.sort()).toEqual(['b']);
    expect(m.put.map((t) => t.id).sort()).toEqual(['a', 'e']);
    expect(m.snapshot.deleted).toEqual({ b: AT + 1, d: AT + 5 });
    expect(m.snapshot.settings).toEqual({ s: { v: 2, at: AT + 2 } });
    expect(m.pushNeeded).toBe(true);
  });

  it('converges: merging the merged snapshot again needs no push, whatever the key order', () => {
    const local = snap([tpl({ id: 'a', updatedAt: AT + 1 })]);
    const remote = snap([tpl({ id: 'a', title: '同一毫秒', updatedAt: AT + 1 })]);
    const m1 = mergeSnapshots(local, remote, NOW);
    const reordered = m1.snapshot.templates.map((t) => JSON.parse(canonicalJson(t)) as Template);
    const m2 = mergeSnapshots(remote, { ...m1.snapshot, templates: reordered }, NOW + 1);
    const m3 = mergeSnapshots({ ...local, templates: m2.snapshot.templates }, m2.snapshot, NOW + 2);
    expect(m3.pushNeeded).toBe(false);
    // Both sides pick the same winner for a same-millisecond conflict.
    expect(mergeSnapshots(remote, local, NOW).snapshot.templates[0]?.title).toBe(m1.snapshot.templates[0]?.title);
  });
});

describe('browser.storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());
  const dbs: { close(): void }[] = [];
  afterEach(() => dbs.splice(0).forEach((d) => d.close()));

  it('pushes, skips an identical push, and pulls back', async () => {
    await browser.storage.sync.set({ 'other.setting': 'x'.repeat(100) });
    const s = snap(defaultTemplates());
    expect(await pushSnapshot(s, NOW)).toMatchObject({ state: 'synced' });
    const keys = Object.keys(await browser.storage.sync.get(null));
    expect(keys).toContain(MANIFEST_KEY);
    expect(keys).toContain('other.setting');
    let writes = 0;
    const stop = watchRemoteSnapshot(() => writes++);
    await pushSnapshot(s, NOW + 1000);
    stop();
    expect(writes).toBe(0);
    const pulled = await pullSnapshot();
    expect(pulled.ok && pulled.snapshot.templates).toHaveLength(defaultTemplates().length);
  });

  it('keeps templates local and says so when they do not fit', async () => {
    const big = Array.from({ length: 60 }, (_, i) => tpl({ id: `u-${i}`, body: '长'.repeat(1900) }));
    const st = await pushSnapshot(snap(big), NOW);
    expect(st).toMatchObject({ state: 'local-only', reason: 'too-large' });
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('syncs two browsers through the same sync area', async () => {
    const a = openTestTable();
    const b = openTestTable();
    dbs.push(a.db, b.db);
    const ta = memoryTombstones();
    const tb = memoryTombstones();
    await a.table.bulkPut([tpl({ id: 'x', title: 'A 写的' }), tpl({ id: 'gone' })]);
    await syncTemplates({ table: a.table, tombstones: ta, now: NOW });
    const rb = await syncTemplates({ table: b.table, tombstones: tb, now: NOW + 1 });
    expect(rb.status.state).toBe('synced');
    expect((await b.table.get('x'))?.title).toBe('A 写的');
    // B edits and deletes; A picks both up.
    await b.table.put(tpl({ id: 'x', title: 'B 改的', updatedAt: NOW + 2 }));
    await b.table.delete('gone');
    await tb.add(['gone'], NOW + 2);
    await syncTemplates({ table: b.table, tombstones: tb, now: NOW + 3 });
    await syncTemplates({ table: a.table, tombstones: ta, now: NOW + 4 });
    expect((await a.table.get('x'))?.title).toBe('B 改的');
    expect(await a.table.get('gone')).toBeUndefined();
    expect(await syncStatusItem.getValue()).toMatchObject({ state: 'synced' });
  });
});

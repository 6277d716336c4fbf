import { afterEach, describe, expect, it } from 'vitest';
import type { Template } from '../model/template';
import { defaultTemplates } from './defaults';
import {
  createTemplate,
  createTemplateRepo,
  deleteTemplates,
  duplicateTemplate,
  foldersOf,
  incrementUsage,
  listTemplates,
  memoryTombstones,
  putTemplate,
  renameFolder,
  searchRepo,
  seedDefaults,
} from './repo';
import { openTestTable } from './test-db';

const NOW = Date.UTC(2026, 0, 10);
const opened: { close(): void }[] = [];
function setup() {
  const o = openTestTable();
  opened.push(o.db);
  return { ...o, tombstones: memoryTombstones() };
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const draft = {
  title: '新模板',
  body: '您好{买家}',
  scope: { platforms: [], kinds: [], shops: [] },
  folder: '常用',
  tags: ['问候'],
};

describe('seedDefaults', () => {
  it('fills an empty table once', async () => {
    const { table, tombstones } = setup();
    const first = await seedDefaults(table, tombstones, NOW);
    expect(first.added).toHaveLength(defaultTemplates().length);
    expect(await table.count()).toBe(defaultTemplates().length);
    expect((await table.get('default-pdd-recall'))?.createdAt).toBe(NOW);
    expect(await seedDefaults(table, tombstones, NOW + 1)).toEqual({ added: [], refreshed: [] });
  });

  it('does not bring back a default the merchant deleted, but adds new ones', async () => {
    const { table, tombstones } = setup();
    await seedDefaults(table, tombstones, NOW);
    await deleteTemplates(table, tombstones, ['default-pdd-recall'], NOW + 1);
    await table.delete('default-general-urge-ship'); // lost some other way: a new default to add
    const r = await seedDefaults(table, tombstones, NOW + 2);
    expect(r.added).toEqual(['default-general-urge-ship']);
    expect(await table.get('default-pdd-recall')).toBeUndefined();
  });

  it('refreshes untouched defaults when the shipped text changes, never edited ones', async () => {
    const { table, tombstones } = setup();
    await seedDefaults(table, tombstones, NOW);
    await incrementUsage(table, 'default-pdd-recall');
    const edited = (await table.get('default-douyin-unclear')) as Template;
    await putTemplate(table, { ...edited, body: '我自己的话' }, NOW + 1);
    const next = defaultTemplates().map((d) =>
      d.id === 'default-pdd-recall' || d.id === 'default-douyin-unclear' ? { ...d, title: `${d.title}（新）` } : d,
    );
    const r = await seedDefaults(table, tombstones, NOW + 2, next);
    expect(r.refreshed).toEqual(['default-pdd-recall']);
    const recall = await table.get('default-pdd-recall');
    expect(recall?.title).toBe('已进行召回（新）');
    expect(recall?.usageCount).toBe(1);
    expect((await table.get('default-douyin-unclear'))?.body).toBe('我自己的话');
  });
});

describe('putTemplate', () => {
  it('writes nothing when content did not change', async () => {
    const { table } = setup();
    const created = await createTemplate(table, draft, NOW, 'u-1');
    if (!created.ok) throw new Error('create failed');
    const same = await putTemplate(table, { ...created.template, updatedAt: NOW + 5, usageCount: 0 }, NOW + 10);
    expect(same).toMatchObject({ ok: true, written: false });
    expect((await table.get('u-1'))?.updatedAt).toBe(NOW);
  });

  it('stamps updatedAt, keeps createdAt and usage, turns an edited default into a user template', async () => {
    const { table, tombstones } = setup();
    await seedDefaults(table, tombstones, NOW);
    await incrementUsage(table, 'default-pdd-recall');
    const stale = defaultTemplates().find((t) => t.id === 'default-pdd-recall') as Template;
    const r = await putTemplate(table, { ...stale, tags: ['改过'] }, NOW + 10);
    expect(r).toMatchObject({ ok: true, written: true });
    expect(await table.get('default-pdd-recall')).toMatchObject({
      tags: ['改过'],
      updatedAt: NOW + 10,
      createdAt: NOW,
      usageCount: 1,
      origin: 'user',
    });
  });

  it('rejects invalid templates with readable errors and writes nothing', async () => {
    const { table } = setup();
    const r = await createTemplate(table, { ...draft, title: '  ' }, NOW, 'u-2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^title: /);
    expect(await table.count()).toBe(0);
  });

  it('normalises a blank shortcut away', async () => {
    const { table } = setup();
    const r = await createTemplate(table, { ...draft, shortcut: '  ' }, NOW, 'u-3');
    expect(r.ok && 'shortcut' in r.template).toBe(false);
  });
});

describe('other operations', () => {
  it('duplicates without the shortcut, with a fresh count', async () => {
    const { table } = setup();
    await createTemplate(table, { ...draft, shortcut: '/xm' }, NOW, 'u-1');
    await incrementUsage(table, 'u-1');
    const copy = await duplicateTemplate(table, 'u-1', NOW + 1, 'u-2');
    expect(copy).toMatchObject({ id: 'u-2', title: '新模板 副本', usageCount: 0, origin: 'user', createdAt: NOW + 1 });
    expect(copy && 'shortcut' in copy).toBe(false);
    expect(await duplicateTemplate(table, 'nope', NOW)).toBeUndefined();
  });

  it('counts usage without touching updatedAt', async () => {
    const { table } = setup();
    await createTemplate(table, draft, NOW, 'u-1');
    expect(await incrementUsage(table, 'u-1')).toBe(true);
    expect(await incrementUsage(table, 'u-1')).toBe(true);
    expect(await table.get('u-1')).toMatchObject({ usageCount: 2, updatedAt: NOW });
    expect(await incrementUsage(table, 'missing')).toBe(false);
  });

  it('deletes with tombstones', async () => {
    const { table, tombstones } = setup();
    await createTemplate(table, draft, NOW, 'u-1');
    await deleteTemplates(table, tombstones, ['u-1'], NOW + 3);
    expect(await table.count()).toBe(0);
    expect(await tombstones.all()).toEqual({ 'u-1': NOW + 3 });
  });

  it('renames folders and lists them', async () => {
    const { table } = setup();
    await createTemplate(table, draft, NOW, 'u-1');
    await createTemplate(table, { ...draft, title: '另一个', folder: '' }, NOW, 'u-2');
    expect(await renameFolder(table, '常用', '售后', NOW + 1)).toBe(1);
    expect(foldersOf(await listTemplates(table))).toEqual(['售后']);
  });

  it('searches the table', async () => {
    const { table, tombstones } = setup();
    await seedDefaults(table, tombstones, NOW);
    const hits = await searchRepo(table, 'tk');
    expect(hits[0]?.template.id).toBe('default-general-refund-agreed');
  });

  it('bundles everything in createTemplateRepo with an injectable clock', async () => {
    const { table, tombstones } = setup();
    let ids = 0;
    const repo = createTemplateRepo(table, tombstones, { now: () => NOW, newId: () => `id-${++ids}` });
    await repo.seedDefaults();
    await repo.remove(['default-pdd-recall']);
    expect(await repo.get('default-pdd-recall')).toBeUndefined();
    await repo.restoreDefaults();
    expect(await repo.get('default-pdd-recall')).toBeDefined();
    const r = await repo.create(draft);
    expect(r.ok && r.template.id).toBe('id-1');
  });
});

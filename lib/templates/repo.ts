/**
 * Template repository over a Dexie table passed in (lib/db owns the schema; this module owns what the
 * rows mean). Runs in extension pages and the background only: content scripts reach it through
 * messages (conventions.md, "Data lives in the extension origin").
 *
 * Writes compare before writing and validate with zod; batches run in one transaction.
 */
import type { EntityTable } from 'dexie';
import { storage } from 'wxt/utils/storage';
import { TemplateSchema, type Template } from '../model/template';
import { sameContent } from './content';
import { defaultTemplates } from './defaults';
import { searchTemplates, type SearchHit, type SearchScope } from './search';
import { buildSearchIndex } from './search-index';

/** A Dexie table of templates keyed by `id` (lib/db's `db().templates`). */
export type TemplateTable = EntityTable<Template, 'id'>;

/**
 * Ids the merchant deleted, with when. Seeding never brings a deleted default back, and sync carries
 * deletions to the other browsers.
 */
export interface Tombstones {
  /** id → epoch ms of the deletion. */
  all(): Promise<Record<string, number>>;
  add(ids: readonly string[], at: number): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Replaces the whole set (sync merge). */
  replace(next: Record<string, number>): Promise<void>;
}

/** Tombstones in memory, for tests and previews. */
export function memoryTombstones(initial: Record<string, number> = {}): Tombstones {
  let state = { ...initial };
  return {
    all: () => Promise.resolve({ ...state }),
    add: (ids, at) => {
      for (const id of ids) state[id] = at;
      return Promise.resolve();
    },
    remove: (ids) => {
      for (const id of ids) delete state[id];
      return Promise.resolve();
    },
    replace: (next) => {
      state = { ...next };
      return Promise.resolve();
    },
  };
}

/** Keeps at most this many tombstones (newest first) so the set, which sync carries, stays small. */
export const MAX_TOMBSTONES = 500;

function capTombstones(t: Record<string, number>): Record<string, number> {
  const entries = Object.entries(t);
  if (entries.length <= MAX_TOMBSTONES) return t;
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_TOMBSTONES));
}

/** Tombstones in `browser.storage.local` (a WXT storage item, versioned). */
export function storageTombstones(key: `local:${string}` = 'local:templateTombstones'): Tombstones {
  const item = storage.defineItem<Record<string, number>>(key, { fallback: {}, version: 1 });
  return {
    all: () => item.getValue(),
    add: async (ids, at) => {
      const cur = await item.getValue();
      for (const id of ids) cur[id] = at;
      await item.setValue(capTombstones(cur));
    },
    remove: async (ids) => {
      const cur = await item.getValue();
      if (!ids.some((id) => id in cur)) return;
      for (const id of ids) delete cur[id];
      await item.setValue(cur);
    },
    replace: (next) => item.setValue(capTombstones({ ...next })),
  };
}

/** What the editor produces; bookkeeping fields are the repository's business. */
export type TemplateDraft = Pick<Template, 'title' | 'body' | 'scope' | 'folder' | 'tags'> &
  Partial<Pick<Template, 'shortcut' | 'note'>>;

/** A new random id for a user template. */
export function newTemplateId(): string {
  return `u-${crypto.randomUUID()}`;
}

export type PutResult = { ok: true; template: Template; written: boolean } | { ok: false; errors: string[] };

/** zod issues as `path: message` lines, for forms and import rows. */
export function issueLines(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
}

/** Drops `shortcut`/`note` when absent or blank so "no shortcut" has one representation. */
function tidy(t: Template): Template {
  const out: Template = { ...t };
  if (out.shortcut === undefined || out.shortcut.trim() === '') delete out.shortcut;
  if (out.note === undefined || out.note.trim() === '') delete out.note;
  return out;
}

/** All templates, by folder then title. */
export async function listTemplates(table: TemplateTable): Promise<Template[]> {
  const all = await table.toArray();
  return all.sort((a, b) => a.folder.localeCompare(b.folder, 'zh-CN') || a.title.localeCompare(b.title, 'zh-CN'));
}

export function getTemplate(table: TemplateTable, id: string): Promise<Template | undefined> {
  return table.get(id);
}

/** Ranked search over the whole table (the options page; the picker indexes its own copy once). */
export async function searchRepo(table: TemplateTable, query: string, scope?: SearchScope): Promise<SearchHit[]> {
  return searchTemplates(buildSearchIndex(await table.toArray()), query, scope);
}

/** Folder names in use, sorted; the empty folder ("未分类") is left out. */
export function foldersOf(templates: readonly Template[]): string[] {
  return [...new Set(templates.map((t) => t.folder).filter((f) => f !== ''))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
}

/**
 * Saves an edited or new template. Keeps the stored createdAt and usageCount (the editor's copy may be
 * stale), stamps updatedAt only when content changed, and turns an edited default into `user` so a
 * later default set does not overwrite the merchant's words. Writes nothing when nothing changed.
 */
export async function putTemplate(table: TemplateTable, t: Template, now: number): Promise<PutResult> {
  return table.db.transaction('rw', table, async () => {
    const existing = await table.get(t.id);
    let next = tidy(t);
    if (existing) {
      const changed = !sameContent(existing, next);
      next = {
        ...next,
        createdAt: existing.createdAt,
        usageCount: existing.usageCount,
        updatedAt: changed ? now : existing.updatedAt,
        origin: changed && existing.origin === 'default' ? 'user' : existing.origin,
      };
      if (!changed) return { ok: true, template: existing, written: false } as const;
    }
    const parsed = TemplateSchema.safeParse(next);
    if (!parsed.success) return { ok: false, errors: issueLines(parsed.error) } as const;
    await table.put(parsed.data);
    return { ok: true, template: parsed.data, written: true } as const;
  });
}

/** Creates a user template from a draft. */
export async function createTemplate(
  table: TemplateTable,
  draft: TemplateDraft,
  now: number,
  id: string = newTemplateId(),
): Promise<PutResult> {
  const t: Template = { ...draft, id, usageCount: 0, createdAt: now, updatedAt: now, origin: 'user' };
  const parsed = TemplateSchema.safeParse(tidy(t));
  if (!parsed.success) return { ok: false, errors: issueLines(parsed.error) };
  await table.add(parsed.data);
  return { ok: true, template: parsed.data, written: true };
}

/**
 * Copies a template as a new user template titled `<title> 副本`. The shortcut is not copied: two
 * templates answering the same shortcut would make it useless.
 */
export async function duplicateTemplate(
  table: TemplateTable,
  id: string,
  now: number,
  newId: string = newTemplateId(),
  suffix = ' 副本',
): Promise<Template | undefined> {
  const src = await table.get(id);
  if (!src) return undefined;
  const { shortcut: _dropped, ...rest } = src;
  const title = (src.title.slice(0, 60 - suffix.length) + suffix).trim();
  const copy: Template = { ...rest, id: newId, title, usageCount: 0, createdAt: now, updatedAt: now, origin: 'user' };
  await table.add(copy);
  return copy;
}

/** Deletes templates and records tombstones (so seeding and sync do not bring them back). */
export async function deleteTemplates(
  table: TemplateTable,
  tombstones: Tombstones,
  ids: readonly string[],
  now: number,
): Promise<void> {
  await table.bulkDelete([...ids]);
  await tombstones.add(ids, now);
}

/**
 * Counts one use. Not an edit: updatedAt stays, so counting never makes a template "newer" than an
 * edit made in another browser (sync merges counts by maximum).
 */
export async function incrementUsage(table: TemplateTable, id: string): Promise<boolean> {
  const n = await table.update(id, (t) => {
    t.usageCount += 1;
  });
  return n > 0;
}

/** Moves every template of a folder to another (rename, or merge into an existing folder). */
export async function renameFolder(table: TemplateTable, from: string, to: string, now: number): Promise<number> {
  const target = to.trim();
  if (target === from || target.length > 40) return 0;
  return table.db.transaction('rw', table, async () => {
    const rows = (await table.toArray()).filter((t) => t.folder === from);
    const next = rows.map((t): Template => ({
      ...t,
      folder: target,
      updatedAt: now,
      origin: t.origin === 'default' ? 'user' : t.origin,
    }));
    await table.bulkPut(next);
    return next.length;
  });
}

export interface SeedResult {
  added: string[];
  refreshed: string[];
}

/**
 * Brings the shipped defaults in: adds defaults missing from the table unless the merchant deleted
 * them (tombstoned), and refreshes copies still marked `default` whose text a newer release changed.
 * Edited copies (origin `user`/`import`) are never touched. Idempotent; writes nothing when up to date.
 */
export async function seedDefaults(
  table: TemplateTable,
  tombstones: Tombstones,
  now: number,
  defaults: readonly Template[] = defaultTemplates(),
): Promise<SeedResult> {
  const deleted = await tombstones.all();
  return table.db.transaction('rw', table, async () => {
    const existing = await table.bulkGet(defaults.map((d) => d.id));
    const put: Template[] = [];
    const added: string[] = [];
    const refreshed: string[] = [];
    defaults.forEach((d, i) => {
      const cur = existing[i];
      if (!cur) {
        if (d.id in deleted) return;
        put.push({ ...d, createdAt: now, updatedAt: now });
        added.push(d.id);
      } else if (cur.origin === 'default' && !sameContent(cur, d)) {
        put.push({ ...d, usageCount: cur.usageCount, createdAt: cur.createdAt, updatedAt: now });
        refreshed.push(d.id);
      }
    });
    if (put.length > 0) await table.bulkPut(put);
    return { added, refreshed };
  });
}

/**
 * The repository as one object, for the options page. `now` and `newId` are injectable so tests and
 * storybook-like previews are deterministic.
 */
export interface TemplateRepo {
  list(): Promise<Template[]>;
  get(id: string): Promise<Template | undefined>;
  search(query: string, scope?: SearchScope): Promise<SearchHit[]>;
  create(draft: TemplateDraft): Promise<PutResult>;
  put(t: Template): Promise<PutResult>;
  duplicate(id: string): Promise<Template | undefined>;
  remove(ids: readonly string[]): Promise<void>;
  incrementUsage(id: string): Promise<boolean>;
  renameFolder(from: string, to: string): Promise<number>;
  seedDefaults(): Promise<SeedResult>;
  /** Forgets deleted defaults and seeds again ("restore default templates"). */
  restoreDefaults(): Promise<SeedResult>;
  readonly table: TemplateTable;
  readonly tombstones: Tombstones;
  readonly now: () => number;
}

export function createTemplateRepo(
  table: TemplateTable,
  tombstones: Tombstones,
  options: { now?: () => number; newId?: () => string } = {},
): TemplateRepo {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? newTemplateId;
  return {
    table,
    tombstones,
    now,
    list: () => listTemplates(table),
    get: (id) => getTemplate(table, id),
    search: (q, scope) => searchRepo(table, q, scope),
    create: (draft) => createTemplate(table, draft, now(), newId()),
    put: (t) => putTemplate(table, t, now()),
    duplicate: (id) => duplicateTemplate(table, id, now(), newId()),
    remove: (ids) => deleteTemplates(table, tombstones, ids, now()),
    incrementUsage: (id) => incrementUsage(table, id),
    renameFolder: (from, to) => renameFolder(table, from, to, now()),
    seedDefaults: () => seedDefaults(table, tombstones, now()),
    restoreDefaults: async () => {
      const defaults = defaultTemplates();
      await tombstones.remove(defaults.map((d) => d.id));
      return seedDefaults(table, tombstones, now(), defaults);
    },
  };
}

/**
 * Templates and small settings follow the merchant across browsers through `browser.storage.sync`.
 *
 * sync allows 8,192 bytes per item (key + JSON of the value, UTF-8) and 102,400 in all, shared with
 * every other synced key of the extension. The snapshot is therefore serialised once, cut into
 * string chunks that each fit an item (`tr.tpl.0`, `tr.tpl.1`, …) and described by a manifest
 * (`tr.tpl.m`) carrying the chunk count and a hash, so a reader that sees chunks of two different
 * writes notices and waits for the next change. When the snapshot does not fit, nothing is written:
 * templates stay local and the status says so, for the UI to show as a notice.
 *
 * The chunk/unchunk/merge functions are pure; only push/pull/sync touch `browser`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { TemplateSchema, type Template } from '../model/template';
import { EpochMsSchema } from '../model/ticket';
import { fnv1a } from './hash';
import type { TemplateTable, Tombstones } from './repo';

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM (Firefox uses the same numbers). */
export const QUOTA_BYTES_PER_ITEM = 8192;
/** chrome.storage.sync.QUOTA_BYTES. */
export const QUOTA_BYTES = 102_400;
/** chrome.storage.sync.MAX_ITEMS. */
export const MAX_ITEMS = 512;
/** Bytes left unused below each quota: the browsers' accounting is documented loosely. */
export const SAFETY_BYTES = 256;

export const SYNC_PREFIX = 'tr.tpl.';
export const MANIFEST_KEY = `${SYNC_PREFIX}m`;
const chunkKey = (i: number) => `${SYNC_PREFIX}${i}`;

// ─── Snapshot ──────────────────────────────────────────────────────────────────────────────────────

/** A small synced setting with when it was last set; merged per key, newest wins. */
export const SyncedSettingSchema = z.object({ v: z.unknown(), at: EpochMsSchema });
export type SyncedSetting = z.infer<typeof SyncedSettingSchema>;

/** What is synced. Templates are validated one by one on read, so one bad row does not drop the rest. */
export const SyncSnapshotSchema = z.object({
  v: z.literal(1),
  savedAt: EpochMsSchema,
  templates: z.array(z.unknown()),
  /** Tombstones: id → when deleted. */
  deleted: z.record(z.string(), z.number()),
  settings: z.record(z.string(), SyncedSettingSchema),
});

export interface SyncSnapshot {
  v: 1;
  savedAt: number;
  templates: Template[];
  deleted: Record<string, number>;
  settings: Record<string, SyncedSetting>;
}

export const ManifestSchema = z.object({
  v: z.literal(1),
  chunks: z.number().int().min(0).max(MAX_ITEMS),
  hash: z.string(),
  bytes: z.number().int().nonnegative(),
  savedAt: EpochMsSchema,
});
export type Manifest = z.infer<typeof ManifestSchema>;

// ─── Byte accounting and chunking (pure) ───────────────────────────────────────────────────────────

/** UTF-8 bytes one code point takes once the string holding it is JSON-stringified. */
function jsonCodePointBytes(cp: number): number {
  if (cp === 0x22 || cp === 0x5c) return 2; // \" \\
  if (cp === 0x08 || cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d) return 2; // \b \t \n \f \r
  if (cp < 0x20) return 6; // \u00XX
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp >= 0xd800 && cp <= 0xdfff) return 6; // a lone surrogate: JSON.stringify writes \udXXX
  if (cp < 0x10000) return 3;
  return 4;
}

const utf8 = new TextEncoder();

/**
 * JSON with object keys sorted at every level. Rows from Dexie and rows parsed by zod hold the same
 * data in different key orders; comparing or hashing plain JSON would see a change, and two browsers
 * would keep re-writing the same snapshot to each other.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The bytes an item counts against the quota: its key plus the JSON of its value, UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value)).length;
}

/**
 * Cuts a string into pieces whose items (`key` + JSON string) each fit `maxItemBytes`. Cuts fall
 * between code points, never inside a surrogate pair. Pure.
 */
export function chunkString(s: string, maxItemBytes: number, keyFor: (i: number) => string = chunkKey): string[] {
  const chunks: string[] = [];
  let cur = '';
  let used = 0;
  const budget = (i: number) => maxItemBytes - utf8.encode(keyFor(i)).length - 2; // the JSON quotes
  for (const ch of s) {
    const cost = jsonCodePointBytes(ch.codePointAt(0) ?? 0);
    if (used + cost > budget(chunks.length)) {
      if (cur === '') throw new Error('chunk budget smaller than one character');
      chunks.push(cur);
      cur = '';
      used = 0;
    }
    cur += ch;
    used += cost;
  }
  if (cur !== '' || chunks.length === 0) chunks.push(cur);
  return chunks;
}

export type WritePlan =
  | { ok: true; items: Record<string, unknown>; manifest: Manifest; bytes: number; staleKeys: string[] }
  | { ok: false; reason: 'too-large'; bytes: number; budget: number };

/**
 * The items to write for a snapshot, given how many bytes other keys already use. `existingKeys`
 * are our keys currently in sync; the ones the new snapshot does not reuse are returned as stale.
 * Pure.
 */
export function planSyncWrite(
  snapshot: SyncSnapshot,
  opts: { otherBytes: number; existingKeys?: readonly string[]; quota?: number; perItem?: number },
): WritePlan {
  const quota = opts.quota ?? QUOTA_BYTES;
  const perItem = (opts.perItem ?? QUOTA_BYTES_PER_ITEM) - SAFETY_BYTES / 4;
  const payload = canonicalJson(snapshot);
  const chunks = chunkString(payload, perItem);
  const manifest: Manifest = {
    v: 1,
    chunks: chunks.length,
    hash: fnv1a(payload),
    bytes: 0,
    savedAt: snapshot.savedAt,
  };
  const items: Record<string, unknown> = {};
  chunks.forEach((c, i) => (items[chunkKey(i)] = c));
  let bytes = Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  manifest.bytes = bytes;
  bytes += itemBytes(MANIFEST_KEY, manifest);
  items[MANIFEST_KEY] = manifest;
  const budget = quota - opts.otherBytes - SAFETY_BYTES;
  if (bytes > budget || chunks.length + 1 > MAX_ITEMS) return { ok: false, reason: 'too-large', bytes, budget };
  const staleKeys = (opts.existingKeys ?? []).filter((k) => k.startsWith(SYNC_PREFIX) && !(k in items));
  return { ok: true, items, manifest, bytes, staleKeys };
}

export type ReadSnapshotResult =
  | { ok: true; snapshot: SyncSnapshot; manifest: Manifest; invalidTemplates: number }
  | { ok: false; reason: 'absent' | 'incomplete' | 'corrupt' };

/**
 * Reassembles a snapshot from sync items (everything `storage.sync.get(null)` returned is fine).
 * `incomplete`: chunks missing or from another write (hash mismatch); wait for the next change. Pure.
 */
export function readSyncItems(items: Record<string, unknown>): ReadSnapshotResult {
  if (!(MANIFEST_KEY in items)) return { ok: false, reason: 'absent' };
  const manifest = ManifestSchema.safeParse(items[MANIFEST_KEY]);
  if (!manifest.success) return { ok: false, reason: 'corrupt' };
  let payload = '';
  for (let i = 0; i < manifest.data.chunks; i++) {
    const c = items[chunkKey(i)];
    if (typeof c !== 'string') return { ok: false, reason: 'incomplete' };
    payload += c;
  }
  if (fnv1a(payload) !== manifest.data.hash) return { ok: false, reason: 'incomplete' };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const snap = SyncSnapshotSchema.safeParse(json);
  if (!snap.success) return { ok: false, reason: 'corrupt' };
  const templates: Template[] = [];
  let invalidTemplates = 0;
  for (const t of snap.data.templates) {
    const r = TemplateSchema.safeParse(t);
    if (r.success) templates.push(r.data);
    else invalidTemplates++;
  }
  return { ok: true, snapshot: { ...snap.data, templates }, manifest: manifest.data, invalidTemplates };
}

// ─── Merge (pure) ──────────────────────────────────────────────────────────────────────────────────

/** A template without its per-browser usage count, for deterministic tie-breaks. */
const contentKey = (t: Template): string => canonicalJson({ ...t, usageCount: 0 });

export interface MergeResult {
  snapshot: SyncSnapshot;
  /** Templates to write locally (new or newer remotely). */
  put: Template[];
  /** Template ids to delete locally (deleted remotely after their last edit). */
  remove: string[];
  /** True when the merged snapshot differs from the remote one, so it should be pushed. */
  pushNeeded: boolean;
}

/**
 * Merges local state with a remote snapshot. Per template, the later `updatedAt` wins; usage counts
 * take the maximum (each browser counts its own uses; the maximum never goes backwards); a tombstone
 * wins over a template last edited before the deletion. Settings: per key, the later `at` wins.
 */
export function mergeSnapshots(local: SyncSnapshot, remote: SyncSnapshot | undefined, now: number): MergeResult {
  if (!remote) return { snapshot: { ...local, savedAt: now }, put: [], remove: [], pushNeeded: true };
  const deleted: Record<string, number> = { ...remote.deleted };
  for (const [id, at] of Object.entries(local.deleted)) deleted[id] = Math.max(at, deleted[id] ?? 0);
  const localById = new Map(local.templates.map((t) => [t.id, t]));
  const remoteById = new Map(remote.templates.map((t) => [t.id, t]));
  const merged = new Map<string, Template>();
  const put: Template[] = [];
  for (const id of new Set([...localById.keys(), ...remoteById.keys()])) {
    const l = localById.get(id);
    const r = remoteById.get(id);
    let winner: Template;
    if (l && r) {
      // Equal times with different content (two edits in the same millisecond): pick by content so
      // both browsers pick the same one instead of pushing their own back and forth.
      const base =
        r.updatedAt !== l.updatedAt ? (r.updatedAt > l.updatedAt ? r : l) : contentKey(r) > contentKey(l) ? r : l;
      winner = { ...base, usageCount: Math.max(l.usageCount, r.usageCount) };
    } else winner = (l ?? r) as Template;
    const del = deleted[id];
    if (del !== undefined && del >= winner.updatedAt) continue;
    if (del !== undefined) delete deleted[id]; // re-created after the deletion
    merged.set(id, winner);
    if (!l || canonicalJson(l) !== canonicalJson(winner)) put.push(winner);
  }
  const remove = [...localById.keys()].filter((id) => !merged.has(id));
  const settings: Record<string, SyncedSetting> = { ...remote.settings };
  for (const [k, s] of Object.entries(local.settings)) {
    const r = settings[k];
    if (!r || s.at > r.at) settings[k] = s;
  }
  const templates = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id));
  const content = (s: Pick<SyncSnapshot, 'templates' | 'deleted' | 'settings'>) =>
    canonicalJson([[...s.templates].sort((a, b) => a.id.localeCompare(b.id)), s.deleted, s.settings]);
  const next: SyncSnapshot = { v: 1, savedAt: now, templates, deleted, settings };
  return { snapshot: next, put, remove, pushNeeded: content(next) !== content(remote) };
}

// ─── Browser side ──────────────────────────────────────────────────────────────────────────────────

/** What the UI shows about sync. `local-only` is the "too large to sync" notice. */
export type SyncStatus =
  | { state: 'synced'; at: number; bytes: number; quota: number }
  | { state: 'local-only'; at: number; reason: 'too-large'; bytes: number; budget: number }
  | { state: 'error'; at: number; message: string }
  | { state: 'unavailable'; at: number };

/** The last status, for the options page notice (the background writes it after each push). */
export const syncStatusItem = storage.defineItem<SyncStatus | null>('local:templateSyncStatus', { fallback: null });

function syncArea(): typeof browser.storage.sync | undefined {
  // Missing in some embedders and when the user turned browser sync storage off by policy.
  return browser?.storage?.sync;
}

/** Writes a snapshot to sync (compare-before-write: an identical payload is not written again). */
export async function pushSnapshot(snapshot: SyncSnapshot, now: number): Promise<SyncStatus> {
  const area = syncArea();
  if (!area) return { state: 'unavailable', at: now };
  try {
    const all = (await area.get(null)) as Record<string, unknown>;
    const ours = Object.keys(all).filter((k) => k.startsWith(SYNC_PREFIX));
    const otherBytes = Object.entries(all)
      .filter(([k]) => !k.startsWith(SYNC_PREFIX))
      .reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    const plan = planSyncWrite(snapshot, { otherBytes, existingKeys: ours });
    if (!plan.ok) return { state: 'local-only', at: now, reason: 'too-large', bytes: plan.bytes, budget: plan.budget };
    const current = ManifestSchema.safeParse(all[MANIFEST_KEY]);
    if (current.success && current.data.hash === plan.manifest.hash && current.data.chunks === plan.manifest.chunks) {
      return { state: 'synced', at: now, bytes: plan.bytes, quota: QUOTA_BYTES };
    }
    // One set call for chunks and manifest: it counts as one write against the per-minute limit and
    // readers see either the old or the new set (the hash catches browsers that apply it piecemeal).
    await area.set(plan.items);
    if (plan.staleKeys.length > 0) await area.remove(plan.staleKeys);
    return { state: 'synced', at: now, bytes: plan.bytes, quota: QUOTA_BYTES };
  } catch (e) {
    return { state: 'error', at: now, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads the snapshot from sync. */
export async function pullSnapshot(): Promise<ReadSnapshotResult> {
  const area = syncArea();
  if (!area) return { ok: false, reason: 'absent' };
  return readSyncItems((await area.get(null)) as Record<string, unknown>);
}

/**
 * One sync round: pull, merge with the local table and tombstones, write local changes in one
 * transaction, push the merged snapshot when it differs, and record the status. Call it from the
 * background on start-up, after local edits (debounced) and when {@link watchRemoteSnapshot} fires.
 */
export async function syncTemplates(args: {
  table: TemplateTable;
  tombstones: Tombstones;
  settings?: Record<string, SyncedSetting>;
  now: number;
}): Promise<{ status: SyncStatus; settings: Record<string, SyncedSetting> }> {
  const { table, tombstones, now } = args;
  const local: SyncSnapshot = {
    v: 1,
    savedAt: now,
    templates: await table.toArray(),
    deleted: await tombstones.all(),
    settings: args.settings ?? {},
  };
  const remote = await pullSnapshot();
  // An incomplete remote (another browser mid-write) is not merged: we would push over half of it.
  if (!remote.ok && remote.reason === 'incomplete') {
    const status: SyncStatus = { state: 'error', at: now, message: 'remote snapshot incomplete; retry later' };
    return { status, settings: local.settings };
  }
  const merged = mergeSnapshots(local, remote.ok ? remote.snapshot : undefined, now);
  if (merged.put.length > 0 || merged.remove.length > 0) {
    await table.db.transaction('rw', table, async () => {
      if (merged.put.length > 0) await table.bulkPut(merged.put);
      if (merged.remove.length > 0) await table.bulkDelete(merged.remove);
    });
  }
  if (canonicalJson(merged.snapshot.deleted) !== canonicalJson(local.deleted)) {
    await tombstones.replace(merged.snapshot.deleted);
  }
  const status: SyncStatus =
    merged.pushNeeded || !remote.ok
      ? await pushSnapshot(merged.snapshot, now)
      : { state: 'synced', at: now, bytes: remote.manifest.bytes, quota: QUOTA_BYTES };
  await syncStatusItem.setValue(status);
  return { status, settings: merged.snapshot.settings };
}

/** Calls back when another browser wrote a new snapshot (the manifest changed). Returns an unsubscribe. */
export function watchRemoteSnapshot(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && MANIFEST_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

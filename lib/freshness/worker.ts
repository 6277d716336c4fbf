/**
 * The background side of keeping lists fresh (issue 14): plain functions of their deps, wired to browser events
 * by entrypoints/background/freshness.ts. Decisions are in schedule.ts / new-tickets.ts (pure); this module
 * reads state, calls them, and carries out what they return.
 *
 * State, all surviving worker restarts (an MV3 worker starts with empty globals):
 * - Dexie `freshness`: one {@link FreshRow} per shop and surface (schedule, backoff, last reads).
 * - `storage.session` (local where missing) `ticket-radar:fresh-tab:<tabId>`: what each tab's content script
 *   reported (activity, pause) and which shop/surface its reads were for. Tab ids do not survive a browser
 *   restart, and neither do these entries; the tabs' content scripts report again on load.
 * - `storage.local` `ticket-radar:fresh-new`: new tickets waiting for the burst's notification.
 * - `storage.local` `ticket-radar:fresh-bg-tabs`: the optional background tabs we opened, per platform.
 * - `chrome.alarms` `ticket-radar:fresh-tick` (every 30 s) and `ticket-radar:fresh-announce` (a burst's end).
 *
 * Reload means `tabs.reload`: the page's own scripts then make every request. Nothing here ever sends a
 * platform request itself.
 *
 * Test hook: `storage.local['ticket-radar:test-freshness']` = `{ tickMs, intervalMs, idleMs, readTimeoutMs,
 * announceDelayMs }` shortens the timings for the browser tests (unpacked extensions are not held to Chrome's
 * 30 s alarm minimum). Production never sets it.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { RadarDb } from '../db/schema';
import { foldHealth, healthId, type HealthReport } from '../diagnostics/health';
import type { Request } from '../messaging/protocol';
import { FRESHNESS_PUSH, type FreshnessState } from '../messaging/protocol';
import type { Settings } from '../model/settings';
import type { Shop } from '../model/shop';
import { PlatformSchema, shopKey, type Platform, type Ticket } from '../model/ticket';
import { NOTIFICATION_ID_PREFIX } from '../alarms/runner';
import { saveNotificationEntry } from '../alarms/state';
import { announces, buildNewTicketsNotification, loggedOutText, newTickets } from './new-tickets';
import {
  applyEvent,
  emptyRow,
  freshId,
  planTick,
  timing,
  type FreshEvent,
  type FreshRow,
  type TabState,
  type Timing,
} from './schedule';
import { LIST_SURFACES, listSurface, signedOutKind } from './surfaces';
import { shopFreshness } from './summary';

export const TICK_ALARM = 'ticket-radar:fresh-tick';
export const ANNOUNCE_ALARM = 'ticket-radar:fresh-announce';
export const TAB_KEY_PREFIX = 'ticket-radar:fresh-tab:';
export const PENDING_NEW_KEY = 'ticket-radar:fresh-new';
export const BG_TABS_KEY = 'ticket-radar:fresh-bg-tabs';
export const TEST_FRESH_KEY = 'ticket-radar:test-freshness';
/** Under the alarms' prefix, so the existing click handler (lib/alarms/runner.ts) opens what they list. */
export const NEW_NOTIFICATION_PREFIX = `${NOTIFICATION_ID_PREFIX}new:`;
export const LOGGED_OUT_NOTIFICATION_PREFIX = `${NOTIFICATION_ID_PREFIX}logged-out:`;

/**
 * Chrome's minimum alarm period for installed extensions. Worst case for a new ticket: interval + 15 s jitter +
 * 30 s tick + the page's load + 3 s burst ≈ interval + 55 s.
 */
const TICK_MS = 30_000;
/** New tickets read within this long of each other share one notification. */
const ANNOUNCE_DELAY_MS = 3_000;

export interface FreshDeps {
  db: RadarDb;
  now: () => number;
  settings: () => Promise<Settings>;
  /** [0, 1): the jitter draw. */
  random: () => number;
  /** Chrome: list notifications with buttons; Firefox: basic. */
  rich: boolean;
  iconUrl: string;
  /** Plays the new-ticket sound (Chrome offscreen document); absent where it cannot. */
  playSound?: () => Promise<void>;
  log: (msg: string) => void;
}

/** What handlers.ts calls (HandlerDeps.freshness). None of them rejects. */
export interface FreshnessHooks {
  ingested(info: IngestInfo): Promise<void>;
  health(reports: readonly HealthReport[], tabId: number | undefined): Promise<void>;
  request(
    req: Extract<Request, { type: 'freshness/activity' | 'freshness/shops' | 'tickets/opened' }>,
    tabId: number | undefined,
  ): Promise<{ ok: true } & Record<string, unknown>>;
}

export interface IngestInfo {
  platform: Platform;
  pageKind: string;
  shop: { shopId: string; name?: string | undefined };
  complete: boolean;
  /** The merged, stored rows of the batch (their `firstSeenAt` tells what was first seen now). */
  tickets: readonly Ticket[];
  now: number;
  tabId: number | undefined;
}

// ---- test timings ----

const TestTimingSchema = z.object({
  tickMs: z.number().min(500).optional(),
  intervalMs: z.number().min(500).optional(),
  idleMs: z.number().min(0).optional(),
  readTimeoutMs: z.number().min(500).optional(),
  announceDelayMs: z.number().min(0).optional(),
});
type TestTiming = z.infer<typeof TestTimingSchema>;

export async function loadTestTiming(): Promise<TestTiming> {
  const raw = (await browser.storage.local.get(TEST_FRESH_KEY))[TEST_FRESH_KEY];
  return TestTimingSchema.safeParse(raw ?? {}).data ?? {};
}

async function timingFor(settings: Settings): Promise<Timing> {
  const test = await loadTestTiming();
  const { tickMs: _t, announceDelayMs: _a, ...over } = test;
  return timing(settings.freshness.intervalMin, over);
}

// ---- tab records ----

const FrameActivitySchema = z.object({ lastInputAt: z.number().optional(), draft: z.boolean(), picker: z.boolean() });

const TabRecordSchema = z.object({
  tabId: z.number(),
  platform: PlatformSchema.optional(),
  shopId: z.string().optional(),
  surface: z.string().optional(),
  /** Per frame (content-script instance); cleared when the tab navigates, which destroys every frame. */
  frames: z.record(z.string(), FrameActivitySchema),
  paused: z.boolean(),
  updatedAt: z.number(),
});
type TabRecord = z.infer<typeof TabRecordSchema>;

/** A tab's activity: any frame's draft or open picker, the newest input in any frame. */
function activityOf(rec: TabRecord): Pick<TabState, 'lastInputAt' | 'draft' | 'picker'> {
  const frames = Object.values(rec.frames);
  const inputs = frames.map((f) => f.lastInputAt).filter((x): x is number => x !== undefined);
  return {
    draft: frames.some((f) => f.draft),
    picker: frames.some((f) => f.picker),
    lastInputAt: inputs.length ? Math.max(...inputs) : undefined,
  };
}

/** The tab started loading a new document (a reload or navigation): its frames' reports are gone with it. */
export async function onTabLoading(tabId: number): Promise<void> {
  const rec = await loadTab(tabId);
  if (rec && Object.keys(rec.frames).length) await saveTab({ ...rec, frames: {} });
}

/** Session storage (cleared with the browser, like tab ids); local where a browser has none. */
const tabArea = () => browser.storage.session ?? browser.storage.local;
const tabKey = (tabId: number) => `${TAB_KEY_PREFIX}${tabId}`;

async function loadTab(tabId: number): Promise<TabRecord | undefined> {
  const key = tabKey(tabId);
  return TabRecordSchema.safeParse((await tabArea().get(key))[key]).data;
}

async function saveTab(rec: TabRecord): Promise<void> {
  await tabArea().set({ [tabKey(rec.tabId)]: rec });
}

async function loadTabs(): Promise<TabRecord[]> {
  const all = await tabArea().get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(TAB_KEY_PREFIX))
    .flatMap(([, v]) => {
      const r = TabRecordSchema.safeParse(v);
      return r.success ? [r.data] : [];
    });
}

export async function forgetTab(tabId: number): Promise<void> {
  await tabArea().remove(tabKey(tabId));
}

const blankTab = (tabId: number, now: number): TabRecord => ({ tabId, frames: {}, paused: false, updatedAt: now });

// ---- serial execution: one state change at a time within this worker ----

let chain: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}
/** Resolves when every queued freshness step of this worker finished (tests). */
export const idle = (): Promise<unknown> => serial(() => Promise.resolve());

// ---- events ----

async function recordHealth(db: RadarDb, r: HealthReport, now: number): Promise<void> {
  await db.transaction('rw', db.health, async () => {
    await db.health.put(foldHealth(await db.health.get(healthId(r)), r, now));
  });
}

/** Applies an event to a row (created when missing) and carries out its effects. */
async function apply(deps: FreshDeps, row: FreshRow, ev: FreshEvent, t: Timing, now: number): Promise<FreshRow> {
  const out = applyEvent(row, ev, now, t, deps.random());
  await deps.db.freshness.put(out.row);
  if (out.health)
    await recordHealth(
      deps.db,
      { adapter: row.platform, page: row.surface, code: out.health.code, detail: out.health.detail, path: '' },
      now,
    );
  if (out.notifyLoggedOut) await notifyLoggedOut(deps, row);
  return out.row;
}

async function notifyLoggedOut(deps: FreshDeps, row: FreshRow): Promise<void> {
  const shop = await deps.db.shops.get(row.shopKey);
  const id = `${LOGGED_OUT_NOTIFICATION_PREFIX}${row.shopKey}`;
  const openUrl = listSurface(row.surface)?.openUrl ?? LIST_SURFACES[0]!.openUrl;
  await saveNotificationEntry(id, { ticketKeys: [], alertIds: [], openUrl, createdAt: deps.now(), crossedAt: [] });
  const title = loggedOutText(row.platform, shop, row.shopId);
  await appendAnnounceLog({ id, createdAt: deps.now(), title, keys: [], readAt: [] });
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: deps.iconUrl,
    title,
    message: '',
    ...(deps.rich ? { priority: 2, requireInteraction: true } : {}),
  });
}

async function stateFor(tab: TabRecord | undefined, deps: FreshDeps): Promise<FreshnessState> {
  const settings = await deps.settings();
  const base = { intervalMin: settings.freshness.intervalMin, paused: tab?.paused ?? false };
  if (!tab?.platform || !tab.shopId || !tab.surface)
    return { ...base, watched: false, on: settings.freshness.keepFresh.pdd };
  const row = await deps.db.freshness.get(freshId(tab.platform, tab.shopId, tab.surface));
  return {
    ...base,
    watched: true,
    on: settings.freshness.keepFresh[tab.platform],
    ...(row?.lastReadAt !== undefined ? { lastReadAt: row.lastReadAt } : {}),
  };
}

async function push(tabId: number, state: FreshnessState): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: FRESHNESS_PUSH, state }).catch(() => undefined);
}

/** A batch was stored: record the read, find new tickets, queue their announcement. */
export async function onIngested(info: IngestInfo, deps: FreshDeps): Promise<void> {
  const surface = listSurface(info.pageKind);
  if (!surface) return;
  const settings = await deps.settings();
  const t = await timingFor(settings);
  const now = info.now;
  const id = freshId(info.platform, info.shop.shopId, info.pageKind);
  const before = (await deps.db.freshness.get(id)) ?? emptyRow(info.platform, info.shop.shopId, info.pageKind);
  await apply(deps, before, { type: 'read', rows: info.tickets.length, complete: info.complete }, t, now);

  const fresh = newTickets(before, info.tickets, now);
  if (fresh.length) {
    await deps.db.tickets.bulkUpdate(fresh.map((tk) => ({ key: tk.key, changes: { newSince: now } })));
    if (announces(settings.freshness, info.platform, info.pageKind)) await queueAnnounce(fresh, now);
  }

  if (info.tabId !== undefined) {
    const prev = (await loadTab(info.tabId)) ?? blankTab(info.tabId, now);
    const rec = { ...prev, platform: info.platform, shopId: info.shop.shopId, surface: info.pageKind, updatedAt: now };
    await saveTab(rec);
    await push(info.tabId, await stateFor(rec, deps));
  }
}

/** `not-logged-in` reports: the tab's shop (or the platform's last-read shop) is logged out. */
export async function onHealth(reports: readonly HealthReport[], tabId: number | undefined, deps: FreshDeps) {
  const out = reports.filter((r) => r.code === 'not-logged-in');
  if (!out.length) return;
  const now = deps.now();
  const t = await timingFor(await deps.settings());
  const tab = tabId === undefined ? undefined : await loadTab(tabId);
  for (const r of out.slice(0, 1)) {
    const platform = PlatformSchema.safeParse(r.adapter).data;
    if (!platform) continue;
    const row = await rowForTab(deps, tab, platform, r.page);
    if (row) await apply(deps, row, { type: 'logged-out' }, t, now);
  }
}

/**
 * The row a tab's failure belongs to: the tab's own shop when its reads named one, else the shop whose
 * surface was read last on this platform (a logged-out page names no shop; a browser profile usually holds
 * one session per platform).
 */
async function rowForTab(
  deps: FreshDeps,
  tab: TabRecord | undefined,
  platform: Platform,
  page: string,
): Promise<FreshRow | undefined> {
  if (tab?.platform === platform && tab.shopId) {
    const surface = tab.surface ?? page;
    return (
      (await deps.db.freshness.get(freshId(platform, tab.shopId, surface))) ??
      (listSurface(surface) ? emptyRow(platform, tab.shopId, surface) : undefined)
    );
  }
  const rows = (await deps.db.freshness.toArray()).filter((r) => r.platform === platform);
  const same = rows.filter((r) => r.surface === page);
  const pick = (list: FreshRow[]) => list.sort((a, b) => (b.lastReadAt ?? 0) - (a.lastReadAt ?? 0))[0];
  return pick(same) ?? pick(rows);
}

/** A tab's URL changed: a reload that lands on a login or verification page is a failure of its row. */
export async function onTabUrl(tabId: number, url: string | undefined, deps: FreshDeps): Promise<void> {
  const kind = signedOutKind(url);
  if (!kind) return;
  const tab = await loadTab(tabId);
  if (!tab?.platform) return;
  const row = await rowForTab(deps, tab, tab.platform, tab.surface ?? '');
  if (!row) return;
  const t = await timingFor(await deps.settings());
  await apply(deps, row, { type: kind }, t, deps.now());
}

/** The content script's activity report: stored for the scheduler, answered with the indicator's state. */
export async function onActivity(
  req: Extract<Request, { type: 'freshness/activity' }>,
  tabId: number | undefined,
  deps: FreshDeps,
): Promise<FreshnessState> {
  const now = deps.now();
  if (tabId === undefined) return stateFor(undefined, deps);
  const prev = (await loadTab(tabId)) ?? blankTab(tabId, now);
  const frame = {
    draft: req.draft,
    picker: req.picker,
    ...(req.lastInputAt !== undefined ? { lastInputAt: Math.min(req.lastInputAt, now) } : {}),
  };
  const rec: TabRecord = {
    ...prev,
    frames: { ...prev.frames, [req.frame]: frame },
    paused: req.paused ?? prev.paused,
    updatedAt: now,
  };
  await saveTab(rec);
  return stateFor(rec, deps);
}

// ---- the tick ----

/** One scheduler pass: reload due rows through a free tab, time out silent reloads, manage background tabs. */
export async function tick(deps: FreshDeps): Promise<{ reloaded: number[] }> {
  const now = deps.now();
  const settings = await deps.settings();
  const t = await timingFor(settings);
  const [rows, records, browserTabs, windows] = await Promise.all([
    deps.db.freshness.toArray(),
    loadTabs(),
    browser.tabs.query({}),
    browser.windows.getAll(),
  ]);
  const open = new Map(browserTabs.flatMap((tab) => (tab.id === undefined ? [] : [[tab.id, tab] as const])));
  const focused = new Set(windows.filter((w) => w.focused).map((w) => w.id));
  const bg = await loadBackgroundTabs();
  const ourIds = new Set(Object.values(bg).map((b) => b.tabId));

  const tabs: TabState[] = [];
  for (const rec of records) {
    const tab = open.get(rec.tabId);
    if (!tab) {
      await forgetTab(rec.tabId);
      continue;
    }
    tabs.push({
      tabId: rec.tabId,
      platform: rec.platform,
      shopId: rec.shopId,
      surface: rec.surface,
      paused: rec.paused,
      ...activityOf(rec),
      inUse: tab.active === true && focused.has(tab.windowId),
      loading: tab.status === 'loading',
      ours: ourIds.has(rec.tabId),
    });
  }

  const plan = planTick({ rows, tabs, now, timing: t, keepFresh: (p) => settings.freshness.keepFresh[p] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reloaded: number[] = [];
  for (const { rowId, tabId } of plan.reload) {
    const row = byId.get(rowId)!;
    try {
      await browser.tabs.reload(tabId);
      reloaded.push(tabId);
      await apply(deps, row, { type: 'reloaded', tabId }, t, now);
    } catch (e) {
      await apply(deps, row, { type: 'error', detail: `reload failed: ${String(e).slice(0, 100)}` }, t, now);
    }
  }
  for (const rowId of plan.timedOut) {
    const row = byId.get(rowId)!;
    await apply(deps, row, { type: 'error', detail: 'the reloaded page sent no readable list' }, t, now);
  }
  for (const { rowId, reason } of plan.skipped)
    await deps.db.freshness.update(rowId, { lastSkip: { at: now, reason } });
  const watched = plan.watched
    .map((id) => byId.get(id)!)
    .filter((r) => r.watchedAt === undefined || now - r.watchedAt >= t.intervalMs / 2)
    .map((r) => ({ ...r, watchedAt: now }));
  // Rows changed above are re-read so a watchedAt update never overwrites their new state.
  for (const r of watched) await deps.db.freshness.update(r.id, { watchedAt: now });

  await manageBackgroundTabs(settings, tabs, bg, open, now, t);
  return { reloaded };
}

// ---- optional background tabs ----

/** platform → our tab and when it was (re)loaded. */
const BgTabsSchema = z.record(z.string(), z.object({ tabId: z.number(), at: z.number() }));
type BgTabs = z.infer<typeof BgTabsSchema>;

async function loadBackgroundTabs(): Promise<BgTabs> {
  return BgTabsSchema.safeParse((await browser.storage.local.get(BG_TABS_KEY))[BG_TABS_KEY] ?? {}).data ?? {};
}

/**
 * Opens a pinned, muted list tab for a platform whose option is on and that has no list tab of the merchant's
 * own; closes ours when the option is turned off (or auto-refresh is off for the platform).
 */
export async function manageBackgroundTabs(
  settings: Settings,
  tabs: readonly TabState[],
  bg: BgTabs,
  open: ReadonlyMap<number, unknown>,
  now: number,
  t: Timing,
): Promise<void> {
  const next = { ...bg };
  for (const platform of PlatformSchema.options) {
    const want = settings.freshness.backgroundTab[platform] && settings.freshness.keepFresh[platform];
    const ours = next[platform];
    const oursOpen = ours !== undefined && open.has(ours.tabId);
    if (!want) {
      if (oursOpen) await browser.tabs.remove(ours.tabId).catch(() => undefined);
      delete next[platform];
      continue;
    }
    if (oursOpen) {
      // Our tab never read a list (it loaded while offline, or an error page): load it again, once a timeout.
      const reading = tabs.some((tab) => tab.tabId === ours.tabId && tab.surface);
      if (!reading && now - ours.at >= t.readTimeoutMs) {
        await browser.tabs.reload(ours.tabId).catch(() => undefined);
        next[platform] = { tabId: ours.tabId, at: now };
      }
      continue;
    }
    delete next[platform];
    const merchants = tabs.some((tab) => tab.platform === platform && !tab.ours && tab.surface);
    if (merchants) continue;
    const surface = LIST_SURFACES.find((s) => s.platform === platform)!;
    const created = await browser.tabs.create({ url: surface.openUrl, pinned: true, active: false });
    if (created.id !== undefined) {
      next[platform] = { tabId: created.id, at: now };
      await browser.tabs.update(created.id, { muted: true }).catch(() => undefined);
    }
  }
  if (JSON.stringify(next) !== JSON.stringify(bg)) await browser.storage.local.set({ [BG_TABS_KEY]: next });
}

// ---- new-ticket announcements ----

const PendingSchema = z.array(z.object({ key: z.string(), at: z.number() }));

async function queueAnnounce(tickets: readonly Ticket[], now: number): Promise<void> {
  const raw = (await browser.storage.local.get(PENDING_NEW_KEY))[PENDING_NEW_KEY];
  const pending = PendingSchema.safeParse(raw ?? []).data ?? [];
  const keys = new Set(pending.map((p) => p.key));
  for (const tk of tickets) if (!keys.has(tk.key)) pending.push({ key: tk.key, at: now });
  await browser.storage.local.set({ [PENDING_NEW_KEY]: pending.slice(-200) });
  const delay = (await loadTestTiming()).announceDelayMs ?? ANNOUNCE_DELAY_MS;
  // The alarm is the durable path (Chrome may delay it to 30 s when installed); the timer is the fast one.
  await browser.alarms.create(ANNOUNCE_ALARM, { when: now + Math.max(delay, 1000) });
  setTimeout(() => void announceNow.current?.(), delay);
}

/** Set by the entrypoint: runs {@link flushAnnounce} serially with the worker's deps. */
export const announceNow: { current?: () => Promise<void> } = {};

/**
 * Raises the burst's one notification. Tickets that a complete listing stopped showing meanwhile, or that
 * were closed, are dropped: a new ticket that is gone is not announced.
 */
export async function flushAnnounce(deps: FreshDeps): Promise<string | undefined> {
  const raw = (await browser.storage.local.get(PENDING_NEW_KEY))[PENDING_NEW_KEY];
  const pending = PendingSchema.safeParse(raw ?? []).data ?? [];
  if (!pending.length) return undefined;
  // Cleared before the notification is shown: a crash in between loses one notification, never doubles it.
  await browser.storage.local.remove(PENDING_NEW_KEY);
  await browser.alarms.clear(ANNOUNCE_ALARM);
  const rows = await deps.db.tickets.bulkGet(pending.map((p) => p.key));
  const live = rows.filter(
    (tk): tk is Ticket =>
      tk !== undefined && tk.unseenSince === undefined && (tk.status === 'pending' || tk.status === 'processing'),
  );
  const shops = new Map<string, Shop>((await deps.db.shops.toArray()).map((s) => [s.key, s]));
  const muted = new Set([...shops.values()].filter((s) => s.muted).map((s) => s.key));
  const list = live.filter((tk) => !muted.has(shopKey(tk.platform, tk.shopId)));
  const n = buildNewTicketsNotification(list, shops, { rich: deps.rich, iconUrl: deps.iconUrl });
  if (!n) return undefined;
  const now = deps.now();
  const id = `${NEW_NOTIFICATION_PREFIX}${now}`;
  await saveNotificationEntry(id, {
    ticketKeys: n.ticketKeys,
    alertIds: [],
    openUrl: n.openUrl,
    createdAt: now,
    crossedAt: pending.filter((p) => n.ticketKeys.includes(p.key)).map((p) => p.at),
  });
  await browser.notifications.create(id, n.options as chrome.notifications.NotificationCreateOptions);
  await appendAnnounceLog({
    id,
    createdAt: now,
    title: n.options.title,
    keys: n.ticketKeys,
    readAt: pending.map((p) => p.at),
  });
  const settings = await deps.settings();
  if (settings.freshness.sound && deps.playSound) await deps.playSound().catch((e: unknown) => deps.log(String(e)));
  return id;
}

export const ANNOUNCE_LOG_KEY = 'ticket-radar:fresh-announce-log';
/** The freshness notifications raised (new tickets, logged out), last 50: diagnostics and latency figures. */
interface AnnounceLogEntry {
  id: string;
  createdAt: number;
  title: string;
  keys: string[];
  /** When the announced tickets were read (announcement latency = createdAt − readAt). */
  readAt: number[];
}
async function appendAnnounceLog(e: AnnounceLogEntry): Promise<void> {
  const prev = (await browser.storage.local.get(ANNOUNCE_LOG_KEY))[ANNOUNCE_LOG_KEY];
  const list = Array.isArray(prev) ? (prev as AnnounceLogEntry[]) : [];
  await browser.storage.local.set({ [ANNOUNCE_LOG_KEY]: [...list, e].slice(-50) });
}

// ---- popup requests ----

/** Marks tickets opened: the popup stops marking them new. */
export async function markOpened(db: RadarDb, keys: readonly string[], now: number): Promise<void> {
  await db.tickets.bulkUpdate(keys.map((key) => ({ key, changes: { openedAt: now } })));
}

/** Per-shop freshness (summary.ts) from the stored rows. */
export async function shopsFreshness(deps: Pick<FreshDeps, 'db' | 'settings' | 'now'>) {
  const [rows, shops, settings] = await Promise.all([
    deps.db.freshness.toArray(),
    deps.db.shops.toArray(),
    deps.settings(),
  ]);
  return shopFreshness(rows, shops, settings, deps.now());
}

/** Ensures the tick alarm exists with the right period (30 s; the test period when set). */
export async function ensureTick(): Promise<void> {
  const periodInMinutes = ((await loadTestTiming()).tickMs ?? TICK_MS) / 60_000;
  const existing = await browser.alarms.get(TICK_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(TICK_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** The hooks handlers.ts calls, each run serially and never rejecting. */
export function freshnessHooks(deps: () => FreshDeps): FreshnessHooks {
  const safe =
    <A extends unknown[]>(name: string, fn: (...a: A) => Promise<unknown>) =>
    (...a: A) =>
      serial(() => fn(...a)).then(
        () => undefined,
        (e: unknown) => deps().log(`${name}: ${String(e)}`),
      );
  return {
    ingested: safe('ingested', (info: IngestInfo) => onIngested(info, deps())),
    health: safe('health', (reports: readonly HealthReport[], tabId: number | undefined) =>
      onHealth(reports, tabId, deps()),
    ),
    async request(req, tabId) {
      const d = deps();
      switch (req.type) {
        case 'freshness/activity':
          return { ok: true, state: await serial(() => onActivity(req, tabId, d)) };
        case 'freshness/shops':
          return { ok: true, shops: (await shopsFreshness(d)) as unknown as Record<string, unknown>[] };
        case 'tickets/opened':
          await markOpened(d.db, req.keys, d.now());
          return { ok: true };
      }
    },
  };
}

export { serial as freshSerial };

/**
 * Keeping list surfaces fresh: every decision of the scheduler as pure functions of (state, now). The worker
 * (lib/freshness/worker.ts) feeds them stored rows and tab reports and carries out what they return; nothing
 * here touches `browser.*`, Dexie or the clock, so the tests fix `now` and the random draw.
 *
 * One row per shop and surface (`FreshRow`, Dexie table `freshness`). One reload per row per interval across
 * all tabs: the row, not the tab, holds `nextDueAt`, and any read of the surface (the merchant's own refresh
 * included) pushes it an interval on.
 */
import { shopKey, type Platform } from '../model/ticket';

const MIN = 60_000;

export type BackoffReason = 'logged-out' | 'verification' | 'error' | 'empty';

/** Freshness of one shop's surface. Stored in Dexie `freshness` (schema v5), keyed by {@link freshId}. */
export interface FreshRow {
  id: string;
  shopKey: string;
  platform: Platform;
  shopId: string;
  /** The page kind (`pdd.work-order-list`), as in ingest batches' `pageKind`. */
  surface: string;
  /** Last read that returned tickets or a complete listing. */
  lastReadAt?: number;
  /** Last complete listing (the baseline for "new"). */
  lastCompleteAt?: number;
  lastLoggedOutAt?: number;
  lastReloadAt?: number;
  /** When the next reload is due; absent: one interval after the last read. */
  nextDueAt?: number;
  /** Failed attempts in a row (logged out, error, verification, empty twice): the backoff exponent. */
  failures: number;
  /** Reads in a row that listed no ticket. */
  emptyReads: number;
  backoffReason?: BackoffReason;
  /** A reload we asked for, waiting for its read. */
  pendingReload?: { tabId: number; at: number };
  /** Set when the logged-out notification was raised; cleared by the next good read (one notification). */
  loggedOutNotifiedAt?: number;
  /** Last time a tick saw a tab showing this surface (so the popup knows the shop is kept fresh). */
  watchedAt?: number;
  /** The last time a due reload was put off, and why (diagnostics: "why was this tab not refreshed"). */
  lastSkip?: { at: number; reason: Blocker };
  /** Our last reloads (at most {@link RELOAD_LOG_MAX}), for diagnostics and the reloads-per-hour figure. */
  reloadLog: number[];
}

export const RELOAD_LOG_MAX = 30;

export const freshId = (platform: Platform, shopId: string, surface: string): string =>
  `${shopKey(platform, shopId)}|${surface}`;

export function emptyRow(platform: Platform, shopId: string, surface: string): FreshRow {
  return {
    id: freshId(platform, shopId, surface),
    shopKey: shopKey(platform, shopId),
    platform,
    shopId,
    surface,
    failures: 0,
    emptyReads: 0,
    reloadLog: [],
  };
}

/** The durations the scheduler works with. Tests shorten them through a test-only storage key (worker.ts). */
export interface Timing {
  intervalMs: number;
  /** No reload within this long of a keypress, click or scroll in the tab. */
  idleMs: number;
  /** A reload that produced no read within this long counts as an error. */
  readTimeoutMs: number;
  maxBackoffMs: number;
}

export const IDLE_MS = 2 * MIN;
export const MAX_BACKOFF_MS = 60 * MIN;

export function timing(intervalMin: number, override?: Partial<Timing>): Timing {
  const intervalMs = Math.min(60, Math.max(2, intervalMin)) * MIN;
  return { intervalMs, idleMs: IDLE_MS, readTimeoutMs: 2 * MIN, maxBackoffMs: MAX_BACKOFF_MS, ...override };
}

/** Jitter is capped here so a new ticket is still announced within interval + 60 s (README, "Always current"). */
export const MAX_JITTER_MS = 15_000;

/**
 * The interval plus up to 10 % (at most 15 s) of jitter, so tabs of several shops do not reload in step.
 * Never shorter than the interval: "at most one reload per interval" holds whatever the draw.
 */
export const jittered = (intervalMs: number, rand: number): number =>
  intervalMs + Math.floor(Math.min(Math.max(rand, 0), 1) * Math.min(intervalMs * 0.1, MAX_JITTER_MS));

/** Delay after `failures` failed attempts in a row: the interval doubled per failure, capped at an hour. */
export const backoffMs = (t: Timing, failures: number): number =>
  Math.min(t.intervalMs * 2 ** Math.max(0, failures), Math.max(t.maxBackoffMs, t.intervalMs));

export const nextDue = (row: FreshRow, t: Timing): number =>
  row.nextDueAt ?? (row.lastReadAt ?? row.lastReloadAt ?? 0) + t.intervalMs;

/** What a content script reports about its tab (lib/features/freshness-indicator.ts), plus what tabs.query says. */
export interface TabState {
  tabId: number;
  /** Learnt from the tab's ingests and health reports. */
  platform?: Platform | undefined;
  shopId?: string | undefined;
  surface?: string | undefined;
  /** Last keypress, click or scroll in the page. */
  lastInputAt?: number | undefined;
  /** An input, textarea or contenteditable has focus or holds typed text. */
  draft: boolean;
  /** Our template picker is open. */
  picker: boolean;
  /** The merchant paused refreshing for this tab (indicator button). */
  paused: boolean;
  /** From tabs.query: the active tab of a focused window. */
  inUse: boolean;
  /** From tabs.query: still loading. */
  loading: boolean;
  /** Opened by the extension (optional background tab). */
  ours?: boolean | undefined;
}

export type Blocker = 'in-use' | 'recent-input' | 'draft' | 'picker' | 'paused' | 'loading';

/** Why this tab must not be reloaded now, or undefined when it may. */
export function tabBlocker(tab: TabState, now: number, t: Timing): Blocker | undefined {
  if (tab.paused) return 'paused';
  if (tab.inUse) return 'in-use';
  if (tab.picker) return 'picker';
  if (tab.draft) return 'draft';
  if (tab.lastInputAt !== undefined && now - tab.lastInputAt < t.idleMs) return 'recent-input';
  if (tab.loading) return 'loading';
  return undefined;
}

export interface TickPlan {
  reload: { rowId: string; tabId: number }[];
  /** Due rows whose every tab was in use: retried at the next tick. */
  skipped: { rowId: string; reason: Blocker }[];
  /** Reloads that never produced a read: errors. */
  timedOut: string[];
  /** Rows that a tab shows now (their `watchedAt` is refreshed). */
  watched: string[];
}

/**
 * One scheduler tick: which rows are due and which tab of each to reload. `keepFresh` is the per-platform
 * setting. A row is reloaded through one tab only, whatever the number of tabs showing it.
 */
export function planTick(input: {
  rows: readonly FreshRow[];
  tabs: readonly TabState[];
  now: number;
  timing: Timing;
  keepFresh: (p: Platform) => boolean;
}): TickPlan {
  const { now, timing: t } = input;
  const plan: TickPlan = { reload: [], skipped: [], timedOut: [], watched: [] };
  const tabsOf = new Map<string, TabState[]>();
  for (const tab of input.tabs) {
    if (!tab.platform || !tab.shopId || !tab.surface) continue;
    const id = freshId(tab.platform, tab.shopId, tab.surface);
    tabsOf.set(id, [...(tabsOf.get(id) ?? []), tab]);
  }
  for (const row of input.rows) {
    const tabs = tabsOf.get(row.id);
    if (!tabs?.length) {
      if (row.pendingReload && now - row.pendingReload.at >= t.readTimeoutMs) plan.timedOut.push(row.id);
      continue;
    }
    plan.watched.push(row.id);
    if (!input.keepFresh(row.platform)) continue;
    if (row.pendingReload) {
      if (now - row.pendingReload.at >= t.readTimeoutMs) plan.timedOut.push(row.id);
      continue;
    }
    if (now < nextDue(row, t)) continue;
    // The merchant's own tabs first, our background tab last (it is there only when no other is).
    const ordered = [...tabs].sort((a, b) => Number(a.ours ?? false) - Number(b.ours ?? false));
    const free = ordered.find((tab) => !tabBlocker(tab, now, t));
    if (free) plan.reload.push({ rowId: row.id, tabId: free.tabId });
    else plan.skipped.push({ rowId: row.id, reason: tabBlocker(ordered[0]!, now, t)! });
  }
  return plan;
}

export type FreshEvent =
  | { type: 'reloaded'; tabId: number }
  /** An ingest of this surface: `rows` tickets, `complete` listing or not. */
  | { type: 'read'; rows: number; complete: boolean }
  | { type: 'logged-out' }
  | { type: 'verification' }
  | { type: 'error'; detail: string };

export interface EventOutcome {
  row: FreshRow;
  /** A health-log entry to record (diagnostics). */
  health?: { code: string; detail: string };
  /** Raise the one logged-out notification for this shop. */
  notifyLoggedOut?: boolean;
}

const failed = (
  row: FreshRow,
  reason: BackoffReason,
  now: number,
  t: Timing,
): Pick<FreshRow, 'failures' | 'backoffReason' | 'nextDueAt'> => {
  const failures = row.failures + 1;
  return { failures, backoffReason: reason, nextDueAt: now + backoffMs(t, failures) };
};

/** The row after an event. `rand` ∈ [0, 1) draws the jitter. */
export function applyEvent(row: FreshRow, ev: FreshEvent, now: number, t: Timing, rand: number): EventOutcome {
  const { pendingReload: _p, ...rest } = row;
  switch (ev.type) {
    case 'reloaded':
      return {
        row: {
          ...row,
          lastReloadAt: now,
          pendingReload: { tabId: ev.tabId, at: now },
          nextDueAt: now + jittered(t.intervalMs, rand),
          reloadLog: [...row.reloadLog, now].slice(-RELOAD_LOG_MAX),
        },
      };
    case 'read': {
      if (ev.rows === 0 && !ev.complete) return { row }; // nothing was read: no evidence of anything
      const base: FreshRow = {
        ...rest,
        lastReadAt: now,
        ...(ev.complete ? { lastCompleteAt: now } : {}),
      };
      if (ev.rows === 0) {
        const emptyReads = row.emptyReads + 1;
        if (emptyReads >= 2)
          return {
            row: { ...base, emptyReads: 0, ...failed(row, 'empty', now, t) },
            health: { code: 'fresh-empty-twice', detail: `${row.surface}: two reads in a row listed no ticket` },
          };
        return { row: { ...base, emptyReads, nextDueAt: Math.max(row.nextDueAt ?? 0, now + t.intervalMs) } };
      }
      const { backoffReason: _b, loggedOutNotifiedAt: _n, ...ok } = base;
      // A read the merchant caused counts too: the next reload is an interval after it, never sooner.
      const next = Math.max(row.failures ? 0 : (row.nextDueAt ?? 0), now + jittered(t.intervalMs, rand));
      return { row: { ...ok, failures: 0, emptyReads: 0, nextDueAt: next } };
    }
    case 'logged-out': {
      const notify = row.loggedOutNotifiedAt === undefined;
      return {
        row: {
          ...rest,
          lastLoggedOutAt: now,
          ...failed(row, 'logged-out', now, t),
          ...(notify ? { loggedOutNotifiedAt: now } : {}),
        },
        health: { code: 'fresh-logged-out', detail: `${row.surface}: the page says the session is logged out` },
        notifyLoggedOut: notify,
      };
    }
    case 'verification':
      return {
        row: { ...rest, ...failed(row, 'verification', now, t) },
        health: { code: 'fresh-verification', detail: `${row.surface}: a reload landed on a verification page` },
      };
    case 'error':
      return {
        row: { ...rest, ...failed(row, 'error', now, t) },
        health: { code: 'fresh-error', detail: `${row.surface}: ${ev.detail}`.slice(0, 300) },
      };
  }
}

/** Reloads of a row within the hour before `now` (the figure in the report and diagnostics). */
export const reloadsLastHour = (row: FreshRow, now: number): number =>
  row.reloadLog.filter((at) => at > now - 60 * MIN && at <= now).length;

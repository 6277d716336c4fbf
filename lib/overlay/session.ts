/**
 * The page session: one per frame of a marketplace page. It recognises the page (again after every SPA
 * navigation), owns the read pipeline (pipeline.ts) and the views the worker sent back, and starts the
 * features of the registry (lib/features/registry.ts) for each recognised page with that page's signal.
 *
 * Lifecycle: document_start → the MAIN-world hook's messages are read as they come → the page is recognised
 * from its URL (or, for modelled pages, its content, re-checked on DOM changes for a minute) → features start
 * → every DOM change or stored batch is one "change" per animation frame, which features use to mount → a URL
 * change aborts the page's controller (features clean up) and starts over; the extension going away aborts
 * everything. Nothing here throws into the page: failures go to the health log, attributed to the reader
 * or the feature that failed.
 */
import type { PageAdapter, PageDef, ReadIssue, RowAnchor, ShopIdentity } from '../adapters/types';
import type { ReadAnswer, TicketView } from '../messaging/protocol';
import type { Feature, FeatureContext, PageSession } from '../features/types';
import { BADGE_ATTR } from '../features/countdown-badge';
import { buildCapture, type Capture } from '../capture/collect';
import { listenPageChannel } from './decode-page-message';
import { createPipeline, type IngestRequest, type ReadRequest } from './pipeline';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from './page-settings';
import { createReadiness } from './readiness';

export interface OverlayEnv {
  now: () => number;
  /** Sends tickets to the background; resolves with their stored views. */
  ingest(req: IngestRequest): Promise<TicketView[]>;
  /** Has the worker read what the hook copied (pipeline.ts); retried until it answers. */
  read(req: ReadRequest): Promise<ReadAnswer>;
  report(reports: { adapter: string; page: string; code: string; detail: string; path: string }[]): void;
  settings(): PageSettings;
  /** The DOM-text fallback's grace on pages with structured sources (pipeline.ts); tests set 0. */
  domGraceMs?: number;
}

export interface OverlayHandle {
  readonly adapter: PageAdapter;
  viewFor(ref: { nativeId?: string | undefined; orderId?: string | undefined }): TicketView | undefined;
  shop(): ShopIdentity;
  /** A redacted capture of what the adapter saw on this page (user-triggered, for reporting a changed page). */
  capture(): Capture;
  /** Starts over for the current URL (SPA navigation). */
  restart(): void;
  /** Settings changed; with `featuresToggled` the page's features start over under the new toggles. */
  settingsChanged(featuresToggled: boolean): void;
  /** Resolves when every batch read so far has been stored and its views applied (tests). */
  idle(): Promise<void>;
}

/** How long a recognised page may show no ticket rows before it is recorded as possible drift. */
export const DRIFT_GRACE_MS = 8_000;
/** Modelled pages found by content are re-checked on DOM changes for this long. */
export const CONTENT_DETECT_MS = 60_000;

export function runOverlay(
  adapter: PageAdapter,
  win: Window & typeof globalThis,
  rootSignal: AbortSignal,
  env: OverlayEnv,
  features: readonly Feature[],
): OverlayHandle {
  const doc = win.document;
  const settings = () => {
    try {
      return env.settings();
    } catch {
      return DEFAULT_PAGE_SETTINGS;
    }
  };
  const views = new Map<string, TicketView>(); // by nativeId
  const byOrder = new Map<string, TicketView>();
  const reported = new Set<string>();
  const recentIssues: ReadIssue[] = [];
  const readiness = createReadiness(doc, () => settings().testReadiness);
  let page: PageDef | undefined;
  let pageCtl: AbortController | undefined;
  let pageHref = '';
  let reads = 0;
  let scans = 0;
  let changes = 0;
  let pageStartedAt = 0;
  let recheckTimer: number | undefined;
  let recheckAt = 0;
  let starts = 0;
  let detects = 0;
  const listeners = new Set<() => void>();

  const viewFor = (ref: { nativeId?: string | undefined; orderId?: string | undefined }) =>
    (ref.nativeId ? views.get(ref.nativeId) : undefined) ?? (ref.orderId ? byOrder.get(ref.orderId) : undefined);
  /**
   * The rows on screen, scanned once per DOM state: the badges, the DOM reader's "rows without a view" and
   * the drift check all ask in the same frame, and a scan of 500 rows is not free (issue 12). Any page
   * mutation that can move a row clears it ({@link rowTextTicked} decides which cannot).
   */
  let anchorsCache: RowAnchor[] | undefined;
  /** Each scanned row's text with running countdowns masked ({@link steadyText}), to tell a tick from an edit. */
  let rowTexts = new WeakMap<Element, string>();
  const anchors = (): RowAnchor[] => {
    if (!page) return [];
    if (anchorsCache) return anchorsCache;
    try {
      anchorsCache = adapter.rows(doc, page.kind);
    } catch {
      report([{ code: 'reader-threw', detail: 'rows' }]);
      return [];
    }
    rowTexts = new WeakMap();
    for (const a of anchorsCache) rowTexts.set(a.row, steadyText(a.row));
    return anchorsCache;
  };
  /**
   * Whether a mutation batch only re-wrote text inside rows already scanned, and only their running
   * countdowns (`剩余1天02时03分04秒` ticking every second on the Taobao list): nothing to re-read then. The
   * deadline read from a countdown is anchored to the moment it was read, so a tick does not move it; any
   * other text change in a row (a status, an id of a re-used row) still counts.
   */
  const rowTextTicked = (muts: readonly MutationRecord[]): boolean => {
    if (!anchorsCache) return false;
    const touched = new Set<Element>();
    for (const m of muts) {
      if (m.type === 'childList') {
        for (const n of m.addedNodes) if (n.nodeType !== TEXT_NODE) return false;
        for (const n of m.removedNodes) if (n.nodeType !== TEXT_NODE) return false;
      } else if (m.type !== 'characterData') return false;
      const row = scannedRowOf(m.target, rowTexts);
      if (!row) return false;
      touched.add(row);
    }
    for (const row of touched) if (steadyText(row) !== rowTexts.get(row)) return false;
    return true;
  };

  function report(issues: readonly ReadIssue[], source?: string) {
    const fresh = issues.filter((i) => {
      const id = `${page?.kind}|${source ?? ''}|${i.code}|${i.detail}`;
      if (reported.has(id)) return false;
      reported.add(id);
      return true;
    });
    if (!fresh.length) return;
    if (reported.size > 2000) reported.clear(); // a long session must not grow without bound
    recentIssues.push(...fresh);
    recentIssues.splice(0, Math.max(0, recentIssues.length - 50));
    try {
      env.report(
        fresh.slice(0, 50).map((i) => ({
          adapter: adapter.id,
          page: page?.kind ?? `${adapter.id}.unknown`,
          code: i.code,
          // A feature's failure names the feature: the health log says which part of the overlay broke.
          detail: (source ? `${source}: ${i.detail}` : i.detail).slice(0, 300),
          path: win.location.pathname.slice(0, 200),
        })),
      );
    } catch {
      /* diagnostics must never break the page */
    }
  }

  // ---- changes, batched to one animation frame ----
  let frameQueued = false;
  const changed = () => {
    if (frameQueued || rootSignal.aborted) return;
    frameQueued = true;
    win.requestAnimationFrame(() => {
      frameQueued = false;
      if (pipeline.readDom()) readiness.set('scans', ++scans);
      for (const l of [...listeners]) l();
      readiness.set('changes', ++changes);
    });
  };

  const pipeline = createPipeline({
    adapter,
    win,
    now: env.now,
    page: () => page,
    ingest: env.ingest,
    read: env.read,
    report: (issues) => report(issues),
    hasViews: () => views.size > 0,
    pageStartedAt: () => pageStartedAt,
    domGraceMs: env.domGraceMs,
    recheck(afterMs) {
      // One pending recheck, the earliest asked for.
      if (recheckTimer !== undefined && recheckAt <= env.now() + afterMs) return;
      if (recheckTimer !== undefined) win.clearTimeout(recheckTimer);
      recheckAt = env.now() + afterMs;
      recheckTimer = win.setTimeout(() => {
        recheckTimer = undefined;
        changed();
      }, afterMs);
    },
    rowsWithoutView: () => anchors().some((a) => !viewFor(a)),
    onViews(stored) {
      for (const v of stored) {
        views.set(v.nativeId, v);
        if (v.orderId) byOrder.set(v.orderId, v);
      }
      readiness.set('tickets', views.size);
      changed();
    },
    onSettled: () => readiness.set('reads', ++reads),
  });

  // The private port to this frame's hook (page-channel.ts): events a page script dispatches are never read.
  listenPageChannel(
    win,
    (msg) => {
      if (msg.type === 'oversized') {
        report([{ code: 'response-oversized', detail: `${msg.chars} characters: not read` }]);
        return;
      }
      if (msg.type === 'incomplete') {
        report([{ code: 'response-incomplete', detail: `${msg.detail}: not read` }]);
        return;
      }
      // SPA routers change the URL before they fetch; WXT reports it up to a second later. Read for the page
      // the merchant is on now, not the one we last saw.
      if (win.location.href !== pageHref) startPage();
      pipeline.onMessage(msg);
    },
    rootSignal,
  );

  const detect = (url: URL): PageDef | undefined =>
    adapter.pages.find((p) => {
      try {
        return p.byContent ? p.match(url, doc) : p.match(url);
      } catch {
        return false;
      }
    });

  const pageController = () => {
    pageCtl?.abort();
    const ctl = new AbortController();
    pageCtl = ctl;
    rootSignal.addEventListener('abort', () => ctl.abort(), { once: true, signal: ctl.signal });
    return ctl;
  };

  /**
   * Pages found by content ([modelled] surfaces) are empty at document_start and filled by the SPA later:
   * re-check on DOM changes (debounced) until one is recognised, the URL changes, or a minute passes.
   */
  const waitForContent = (url: URL) => {
    const ctl = pageController();
    if (!adapter.pages.some((p) => p.byContent)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const mo = new win.MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (ctl.signal.aborted) return;
        if (win.location.href !== pageHref || detect(url)) startPage();
        else readiness.set('detects', ++detects);
      }, 300);
    });
    if (doc.documentElement) mo.observe(doc.documentElement, { childList: true, subtree: true });
    const giveUp = setTimeout(() => ctl.abort(), CONTENT_DETECT_MS);
    ctl.signal.addEventListener(
      'abort',
      () => {
        mo.disconnect();
        clearTimeout(timer);
        clearTimeout(giveUp);
      },
      { once: true },
    );
  };

  const startFeatures = (p: PageDef, signal: AbortSignal) => {
    const enabled = settings().features;
    for (const f of features) {
      if (enabled[f.id] === false) continue;
      const fReport = (issue: ReadIssue) => report([issue], f.id);
      const session: PageSession = {
        win,
        doc,
        now: env.now,
        settings,
        viewFor,
        liveKeys: () => new Set([...views.values()].map((v) => v.key)),
        shop: () => pipeline.shop(),
        anchors,
        onChange(cb, s) {
          const guarded = () => {
            try {
              cb();
            } catch (e) {
              fReport({ code: 'feature-error', detail: e instanceof Error ? e.message.slice(0, 200) : 'error' });
            }
          };
          listeners.add(guarded);
          s.addEventListener('abort', () => listeners.delete(guarded), { once: true });
        },
        ready: (name, value) => readiness.set(name, value),
      };
      const ctx: FeatureContext = { adapter, page: p, signal, report: fReport, session };
      try {
        void Promise.resolve(f.init(ctx)).catch((e: unknown) =>
          fReport({ code: 'feature-error', detail: e instanceof Error ? e.message.slice(0, 200) : 'init failed' }),
        );
      } catch (e) {
        fReport({ code: 'feature-error', detail: e instanceof Error ? e.message.slice(0, 200) : 'init failed' });
      }
    }
  };

  const startPage = () => {
    anchorsCache = undefined;
    pageHref = win.location.href;
    let url: URL;
    try {
      url = new URL(win.location.href);
    } catch {
      return;
    }
    page = detect(url);
    pageStartedAt = env.now();
    readiness.set('page', page?.kind ?? '');
    readiness.set('starts', ++starts);
    if (!page) return waitForContent(url);
    const p = page;
    const ctl = pageController();
    const mo = new win.MutationObserver((muts) => {
      if (win.location.href !== pageHref) return startPage();
      // Our own badge insertions are mutations too; ignore batches that only touched badges.
      const ours = (n: Node) => n instanceof win.HTMLElement && n.hasAttribute(BADGE_ATTR);
      if (muts.every((m) => [...m.addedNodes, ...m.removedNodes].every(ours) && m.type === 'childList')) return;
      if (rowTextTicked(muts)) return;
      anchorsCache = undefined;
      changed();
    });
    // documentElement exists at document_start: the parser's own insertions of server-rendered rows are
    // mutations too. DOMContentLoaded changes once more for pages whose rows were all parsed before.
    if (doc.documentElement)
      mo.observe(doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: p.sources.includes('dom-text'),
      });
    if (doc.readyState === 'loading')
      doc.addEventListener('DOMContentLoaded', changed, { once: true, signal: ctl.signal });
    ctl.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    const drift = win.setTimeout(() => {
      if (ctl.signal.aborted) return;
      if (views.size > 0 && anchors().length === 0)
        report([{ code: 'no-rows', detail: `${views.size} tickets read but no row matched the row selectors` }]);
    }, DRIFT_GRACE_MS);
    ctl.signal.addEventListener('abort', () => win.clearTimeout(drift), { once: true });
    startFeatures(p, ctl.signal);
    pipeline.flush();
    changed();
  };

  const handle: OverlayHandle = {
    adapter,
    viewFor,
    shop: () => pipeline.shop(),
    capture: () => {
      const recent = pipeline.recent();
      return buildCapture({
        now: env.now(),
        adapter: adapter.id,
        page: page?.kind ?? null,
        location: win.location,
        responses: recent.responses,
        records: recent.records,
        rows: anchors().map((a) => a.row),
        issues: recentIssues,
      });
    },
    restart: startPage,
    settingsChanged(featuresToggled) {
      readiness.refresh();
      if (featuresToggled && page) startPage();
    },
    async idle() {
      await pipeline.idle();
      await new Promise<void>((r) => win.requestAnimationFrame(() => r()));
    },
  };
  startPage();
  return handle;
}

const TEXT_NODE = 3;

/**
 * A row's text with running countdowns (`1天02时03分04秒`, `12分05秒`, `3小时`) masked: equal before and after a
 * tick of the page's own countdown, different after any other edit. Long numbers (ids, order numbers) and
 * date-times are kept, so a row re-used for another ticket never looks unchanged.
 */
export const steadyText = (row: Element): string => (row.textContent ?? '').replace(COUNTDOWN_PART, '#');
const COUNTDOWN_PART = /\d{1,3}\s*(?:天|小时|时|分钟|分|秒)/g;

/** The scanned row `node` is in (climbing at most a few levels: row text sits near its row). */
function scannedRowOf(node: Node, rows: WeakMap<Element, string>): Element | undefined {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let depth = 0; el && depth < 12; depth++, el = el.parentElement) if (rows.has(el)) return el;
  return undefined;
}

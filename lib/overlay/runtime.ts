/**
 * The content-side runtime for one marketplace page: receives what the MAIN-world hook copied, asks the
 * adapter to read it, sends tickets to the background, and keeps a countdown badge on every ticket row.
 *
 * Everything it starts is tied to a per-page AbortController, aborted on SPA navigation and when the
 * extension context goes away. Nothing here throws into the page: failures are reported to the health log.
 */
import type {
  MarketplaceAdapter,
  PageDef,
  ReadContext,
  ReadIssue,
  ReadResult,
  RowAnchor,
  ShopIdentity,
} from '../adapters/types';
import type { TicketView } from '../messaging/protocol';
import type { TierSettings } from '../model/settings';

import { badgeTooltip, createBadge, renderBadge, type BadgeHost } from '../features/countdown-badge';
import type { PageMessage } from './page-channel';
import { listenPageChannel } from './decode-page-message';
import { createTicker, type Ticker } from './ticker';
import { buildCapture, type Capture, type CapturedResponse } from '../capture/collect';

export interface OverlayEnv {
  now: () => number;
  /** Sends tickets to the background; resolves with their stored views. */
  ingest(req: {
    platform: MarketplaceAdapter['id'];
    pageKind: string;
    shop: ShopIdentity;
    tickets: ReadResult['tickets'];
    complete: boolean;
    completeSince?: number | undefined;
  }): Promise<TicketView[]>;
  report(reports: { adapter: string; page: string; code: string; detail: string; path: string }[]): void;
  tiers(): TierSettings;
  /** Called with the page controller's signal whenever a page is recognised (templates picker hooks in). */
  onPage?(page: PageDef, signal: AbortSignal, overlay: OverlayHandle): void;
}

export interface OverlayHandle {
  readonly adapter: MarketplaceAdapter;
  /** The stored view of a ticket shown on this page, by native id or order id. */
  viewFor(ref: { nativeId?: string | undefined; orderId?: string | undefined }): TicketView | undefined;
  shop(): ShopIdentity;
  /** A redacted capture of what the adapter saw on this page (user-triggered, for reporting a changed page). */
  capture(): Capture;
}

/** A row whose badge keeps being dropped by the page is re-mounted at most this often. */
const MAX_REMOUNTS = 30;
/** DOM-text reads are re-sent at most this often while ids do not change (countdown text ticks). */
const DOM_RESEND_MS = 30_000;
/** How long a recognised page may show no ticket rows before it is recorded as possible drift. */
const DRIFT_GRACE_MS = 8_000;

export function runOverlay(
  adapter: MarketplaceAdapter,
  win: Window & typeof globalThis,
  rootSignal: AbortSignal,
  env: OverlayEnv,
): OverlayHandle & { restart(): void } {
  const doc = win.document;
  const views = new Map<string, TicketView>(); // by nativeId
  const byOrder = new Map<string, TicketView>();
  let shop: ShopIdentity | undefined;
  let page: PageDef | undefined;
  let pageCtl: AbortController | undefined;
  let ticker: Ticker | undefined;
  const badges = new Map<string, { badge: BadgeHost; remounts: number; tooltipFor?: TicketView }>();
  const reported = new Set<string>();
  let lastDomSignature = '';
  let lastDomSentAt = 0;
  const pendingRecords: Exclude<PageMessage, { type: 'oversized' }>[] = [];
  let pageHref = '';
  // The last responses and records the adapter matched, kept only for a user-triggered capture.
  const recentResponses: CapturedResponse[] = [];
  let recentRecords: unknown[] = [];
  const recentIssues: ReadIssue[] = [];

  const handle: OverlayHandle = {
    adapter,
    viewFor: (ref) =>
      (ref.nativeId ? views.get(ref.nativeId) : undefined) ?? (ref.orderId ? byOrder.get(ref.orderId) : undefined),
    shop: () => currentShop(),
    capture: () =>
      buildCapture({
        now: env.now(),
        adapter: adapter.id,
        page: page?.kind ?? null,
        location: win.location,
        responses: recentResponses,
        records: recentRecords,
        rows: anchorsNow().map((a) => a.row),
        issues: recentIssues,
      }),
  };

  const fromDocument = (): ShopIdentity => {
    try {
      return adapter.shopFromDocument(doc, new URL(win.location.href));
    } catch {
      return { shopId: 'default', confidence: 'fallback' };
    }
  };
  /** The shop a response named wins; the page header lends it a display name when the response has none. */
  const currentShop = (): ShopIdentity => {
    if (!shop) return fromDocument();
    if (!shop.name) {
      const name = fromDocument().name;
      if (name) shop = { ...shop, name };
    }
    return shop;
  };

  const report = (issues: readonly ReadIssue[]) => {
    const fresh = issues.filter((i) => {
      const id = `${page?.kind}|${i.code}|${i.detail}`;
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
          detail: i.detail.slice(0, 300),
          path: win.location.pathname.slice(0, 200),
        })),
      );
    } catch {
      /* diagnostics must never break the page */
    }
  };

  const ctx = (now = env.now()): ReadContext => ({ now, pageUrl: new URL(win.location.href), shop });
  const requestOf = (body: string | undefined): ReadContext['request'] => {
    if (body === undefined) return undefined;
    try {
      return { body: JSON.parse(body) as unknown };
    } catch {
      return { body };
    }
  };

  /** Ingests of structured reads (responses, row records) whose views have not come back yet. */
  let structuredInFlight = 0;

  const accept = async (result: ReadResult, pageKind: string, structured = true) => {
    if (result.shop && (result.shop.confidence === 'page' || !shop)) shop = result.shop;
    report(result.issues);
    if (!result.tickets.length && !result.complete) return;
    const s = currentShop();
    // A shop found in the response wins; tickets read before it was known are re-keyed to it.
    const tickets = result.tickets.map((t) => ({
      ...t,
      shopId: s.shopId,
      ...(s.name && !t.shopName ? { shopName: s.name } : {}),
    }));
    if (structured) structuredInFlight++;
    try {
      const stored = await env.ingest({
        platform: adapter.id,
        pageKind,
        shop: s,
        tickets,
        complete: result.complete === true,
        ...(result.complete && result.completeSince !== undefined ? { completeSince: result.completeSince } : {}),
      });
      for (const v of stored) {
        views.set(v.nativeId, v);
        if (v.orderId) byOrder.set(v.orderId, v);
      }
      scheduleRender();
    } catch (e) {
      report([{ code: 'ingest-failed', detail: e instanceof Error ? e.message.slice(0, 200) : 'ingest failed' }]);
    } finally {
      if (structured) structuredInFlight--;
    }
  };

  const onPageMessage = (msg: Exclude<PageMessage, { type: 'oversized' }>) => {
    // SPA routers change the URL before they fetch; WXT reports it up to a second later. Read for the page
    // the merchant is on now, not the one we last saw.
    if (win.location.href !== pageHref) startPage();
    if (msg.type === 'response') {
      let url: URL;
      try {
        url = new URL(msg.url, win.location.href);
      } catch {
        return;
      }
      const ep = adapter.endpoints.find((e) => e.path.test(url.pathname));
      if (!ep) return;
      recentResponses.push({ endpoint: ep.id, path: url.pathname, receivedAt: env.now(), body: msg.body });
      if (recentResponses.length > 10) recentResponses.shift();
      let json: unknown;
      try {
        json = JSON.parse(msg.body);
      } catch {
        report([{ code: 'json-invalid', detail: `${ep.id}: response is not JSON` }]);
        return;
      }
      let result: ReadResult;
      try {
        // Our own clock, not the message's: the page can dispatch this event with any receivedAt.
        result = ep.read(json, { ...ctx(), request: requestOf(msg.requestBody) });
      } catch (e) {
        report([
          { code: 'reader-threw', detail: `${ep.id}: ${e instanceof Error ? e.message.slice(0, 120) : 'error'}` },
        ]);
        return;
      }
      void accept(result, page?.kind ?? ep.id);
    } else {
      if (!page || !adapter.readRecord) {
        pendingRecords.push(msg);
        return;
      }
      const p = page;
      recentRecords = msg.records.map((r) => r.record);
      const c = ctx();
      const merged: ReadResult = { tickets: [], issues: [] };
      for (const { record } of msg.records) {
        try {
          const r = adapter.readRecord(record, p.kind, c);
          merged.tickets.push(...r.tickets);
          merged.issues.push(...r.issues);
          if (r.shop) merged.shop = r.shop;
        } catch {
          merged.issues.push({ code: 'reader-threw', detail: 'readRecord' });
        }
      }
      void accept(merged, p.kind);
    }
  };

  // The private port to this frame's hook (page-channel.ts); events a page script dispatches are never read.
  listenPageChannel(
    win,
    (msg) =>
      msg.type === 'oversized'
        ? report([{ code: 'response-oversized', detail: `${msg.chars} characters: not read` }])
        : onPageMessage(msg),
    rootSignal,
  );

  // ---- rows and badges ----
  let renderQueued = false;
  const scheduleRender = () => {
    if (renderQueued || rootSignal.aborted) return;
    renderQueued = true;
    win.requestAnimationFrame(() => {
      renderQueued = false;
      try {
        render();
      } catch (e) {
        report([{ code: 'overlay-error', detail: e instanceof Error ? e.message.slice(0, 200) : 'render failed' }]);
      }
    });
  };

  const anchorsNow = (): RowAnchor[] => (page ? adapter.rows(doc, page.kind) : []);

  const render = () => {
    if (!page) return;
    const anchors = anchorsNow();
    if (page.sources.includes('dom-text')) readDom(anchors);
    const now = env.now();
    const tiers = env.tiers();
    const live = new Set<string>();
    for (const a of anchors) {
      const view = handle.viewFor(a);
      if (!view) continue; // a row we could not read gets no badge rather than a guess
      live.add(view.key);
      let entry = badges.get(view.key);
      if (!entry) {
        entry = { badge: createBadge(doc, view.key), remounts: 0 };
        badges.set(view.key, entry);
      }
      const { host } = entry.badge;
      if (host.parentElement !== a.slot) {
        if (host.isConnected || entry.remounts > 0) entry.remounts++;
        if (entry.remounts > MAX_REMOUNTS) continue;
        a.slot.append(host);
        ticker?.observe(host);
      }
      if (entry.tooltipFor !== view) {
        host.title = badgeTooltip(view);
        entry.tooltipFor = view;
      }
      renderBadge(entry.badge, view, now, tiers);
    }
    for (const [key, entry] of badges) {
      if (!live.has(key) && !entry.badge.host.isConnected) {
        ticker?.unobserve(entry.badge.host);
        badges.delete(key);
      }
    }
  };

  const readDom = (anchors: RowAnchor[]) => {
    if (!page || !adapter.readRows) return;
    // A half-parsed document reads as "no rows" or a wrong page state; wait for the parser to finish.
    if (doc.readyState === 'loading') return;
    // DOM text is the least precise reader: used only when responses or row records did not cover the rows.
    const structured = page.sources.includes('responses') || page.sources.includes('react-records');
    // While a structured read is being stored its views are not here yet: a DOM read now would race it.
    if (structuredInFlight > 0) return;
    if (!structured || views.size === 0 || anchors.some((a) => !handle.viewFor(a))) {
      const now = env.now();
      let result: ReadResult;
      try {
        result = adapter.readRows(doc, page.kind, ctx(now));
      } catch {
        report([{ code: 'reader-threw', detail: 'readRows' }]);
        return;
      }
      // Issues are part of the signature: a page that turns into a login box reads no tickets either,
      // and its `not-logged-in` must still be reported.
      const signature = [
        ...result.tickets.map((t) => `${t.nativeId}:${t.status}`),
        ...result.issues.map((i) => `!${i.code}`),
        result.loggedOut ? '!logged-out' : '',
      ].join('|');
      if (signature === lastDomSignature && now - lastDomSentAt < DOM_RESEND_MS) return;
      lastDomSignature = signature;
      lastDomSentAt = now;
      if (result.tickets.length || result.issues.length) void accept(result, page.kind, false);
    }
  };

  const detect = (url: URL): PageDef | undefined =>
    adapter.pages.find((p) => {
      try {
        return p.byContent ? p.match(url, doc) : p.match(url);
      } catch {
        return false;
      }
    });

  /**
   * Pages found by content ([modelled] surfaces) are empty at document_start and filled by the SPA later:
   * re-check on DOM changes (debounced) until one is recognised, the URL changes, or a minute passes.
   */
  const waitForContent = (url: URL) => {
    if (!adapter.pages.some((p) => p.byContent)) return;
    const ctl = new AbortController();
    pageCtl = ctl;
    rootSignal.addEventListener('abort', () => ctl.abort(), { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const mo = new win.MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (ctl.signal.aborted) return;
        if (win.location.href !== pageHref || detect(url)) startPage();
      }, 300);
    });
    const observe = () => mo.observe(doc.documentElement, { childList: true, subtree: true });
    if (doc.documentElement) observe();
    const giveUp = setTimeout(() => ctl.abort(), 60_000);
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

  const startPage = () => {
    pageHref = win.location.href;
    pageCtl?.abort();
    ticker = undefined;
    // A tab switch that only changes the query keeps the rows: take our badges off them before re-mounting.
    for (const { badge } of badges.values()) badge.host.remove();
    badges.clear();
    let url: URL;
    try {
      url = new URL(win.location.href);
    } catch {
      return;
    }
    page = detect(url);
    if (!page) {
      waitForContent(url);
      return;
    }
    const ctl = new AbortController();
    pageCtl = ctl;
    rootSignal.addEventListener('abort', () => ctl.abort(), { once: true });
    ticker = createTicker(win, ctl.signal, (hosts) => {
      const now = env.now();
      const tiers = env.tiers();
      for (const host of hosts) {
        const key = host.getAttribute('data-ticket-key');
        const entry = key ? badges.get(key) : undefined;
        const view = entry?.tooltipFor;
        if (entry && view) renderBadge(entry.badge, view, now, tiers);
      }
    });
    const mo = new win.MutationObserver((muts) => {
      if (win.location.href !== pageHref) return startPage();
      // Our own badge insertions are mutations too; ignore batches that only touched badges.
      if (
        muts.every((m) =>
          [...m.addedNodes, ...m.removedNodes].every(
            (n) => n instanceof win.HTMLElement && n.hasAttribute('data-ticket-radar-badge'),
          ),
        )
      )
        return;
      scheduleRender();
    });
    // documentElement exists at document_start: the parser's own insertions of server-rendered rows are
    // mutations too. DOMContentLoaded renders once more for pages whose rows were all parsed before.
    mo.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: page.sources.includes('dom-text'),
    });
    if (doc.readyState === 'loading')
      doc.addEventListener('DOMContentLoaded', scheduleRender, { once: true, signal: ctl.signal });
    ctl.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    for (const m of pendingRecords.splice(0)) onPageMessage(m);
    win.setTimeout(() => {
      if (ctl.signal.aborted || !page) return;
      const anchors = anchorsNow();
      if (views.size > 0 && anchors.length === 0)
        report([{ code: 'no-rows', detail: `${views.size} tickets read but no row matched the row selectors` }]);
    }, DRIFT_GRACE_MS);
    env.onPage?.(page, ctl.signal, handle);
    scheduleRender();
  };

  startPage();
  return Object.assign(handle, { restart: startPage });
}

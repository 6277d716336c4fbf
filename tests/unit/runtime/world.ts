/**
 * The runtime test tier (between unit tests and Playwright): the real page session, read pipeline and
 * features run on a happy-dom window, against the real background handler on fake-indexeddb. The worker's
 * answers are gated, so the order in which reads arrive and are stored is chosen by the test, not the clock.
 */
import { pddMeta } from '../../../lib/adapters/pdd/meta';
import Dexie from 'dexie';
import { Window as HappyWindow } from 'happy-dom';
import type { MarketplaceAdapter, ReadResult, RowAnchor } from '../../../lib/adapters/types';
import { fallbackShop } from '../../../lib/adapters/shared';
import { handleMessage, type HandlerDeps } from '../../../lib/background/handlers';
import { RadarDb } from '../../../lib/db/schema';
import type { Feature } from '../../../lib/features/types';
import type { TicketView } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import type { RawTicket } from '../../../lib/model/ticket';
import { DATA_EVENT, OFFER_EVENT } from '../../../lib/overlay/page-channel';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from '../../../lib/overlay/page-settings';
import type { StandIn } from '../../../lib/identity/shop';
import { runOverlay, type OverlayHandle } from '../../../lib/overlay/session';
import { readPage } from '../../../lib/overlay/messages';

export const NOW = Date.UTC(2026, 10, 25, 2);
export const ORIGIN = 'https://mms.pinduoduo.com';
export const LIST = `${ORIGIN}/test/list`;
export const H = 3_600_000;

const ticket = (shopId: string, nativeId: string, dueInH: number): RawTicket => ({
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId,
  nativeId,
  kind: 'refund',
  title: `退款 ${nativeId}`,
  status: 'pending',
  urgent: false,
  tags: [],
  url: `${ORIGIN}/test/detail?id=${nativeId}`,
  deadline: { type: 'at', at: NOW + dueInH * H },
});

/**
 * A throwaway marketplace: a list page whose rows (`.row[data-id]`) show a countdown in hours, a JSON
 * endpoint that names the shop (`shopId`), and a header with the shop's name (the stand-in identity).
 */
export const testAdapter: MarketplaceAdapter = {
  id: 'pdd',
  meta: pddMeta,
  selectors: {},
  matches: [`${ORIGIN}/*`],
  pages: [
    {
      kind: 'pdd.test-list',
      match: (u) => u.pathname === '/test/list',
      examples: [LIST],
      sources: ['responses', 'dom-text'],
      title: 'test list',
      confidence: 'modelled',
    },
    {
      // A list whose structured source is React row records (as the Taobao 退款 list).
      kind: 'pdd.test-records',
      match: (u) => u.pathname === '/test/records',
      examples: [`${ORIGIN}/test/records`],
      sources: ['react-records', 'dom-text'],
      title: 'test records list',
      confidence: 'modelled',
    },
  ],
  endpoints: [
    {
      id: 'pdd.test',
      path: /^\/api\/list$/,
      evidence: [],
      read(json): ReadResult {
        const j = json as { shopId: string; items: { id: string; h: number }[] };
        return {
          tickets: j.items.map((i) => ticket(j.shopId, i.id, i.h)),
          issues: [],
          shop: { shopId: j.shopId, confidence: 'page' },
        };
      },
    },
  ],
  shopFromDocument: (doc) => fallbackShop(doc.querySelector('.shop')?.textContent),
  rows: (root) =>
    [...root.querySelectorAll('.row[data-id]')].map((row): RowAnchor => ({
      nativeId: row.getAttribute('data-id')!,
      slot: row.querySelector('.slot') ?? row,
      row,
    })),
  readRows(root, _page, ctx) {
    const shop = ctx.shop ?? fallbackShop(root.querySelector('.shop')?.textContent);
    return {
      tickets: [...root.querySelectorAll('.row[data-id]')].map((r) =>
        ticket(shop.shopId, r.getAttribute('data-id')!, Number(r.getAttribute('data-h'))),
      ),
      issues: [],
    };
  },
};

export const rowsHtml = (ids: readonly string[]) =>
  `<div class="shop">测试旗舰店</div>` +
  ids.map((id, i) => `<div class="row" data-id="${id}" data-h="${i + 1}"><span class="slot"></span></div>`).join('');

/** A worker whose answers the test releases one by one (or all at once with `autoRelease`). */
/** A request the page had the worker store (see World.sent). */
export interface Sent {
  via: 'ingest' | 'read';
  shop: { shopId: string };
  supersedes?: StandIn[] | undefined;
  /** The ids it stored (a read: the views the worker answered with). */
  ids: string[];
}

export interface World {
  win: Window & typeof globalThis;
  db: RadarDb;
  overlay: OverlayHandle;
  /**
   * What the page had stored, in order: its DOM-text batches (`tickets/ingest`) and the copies the worker
   * read and stored in one hop (`pages/read`: the shop the worker decided, the stand-ins it moved).
   */
  sent: Sent[];
  reports: { code: string; detail: string }[];
  rekeyed: [string, string][];
  settings: PageSettings;
  /** Lets the next held ingest reach the worker. */
  release(): void;
  autoRelease(on: boolean): void;
  respond(json: unknown, path?: string): void;
  /** Posts a message on the page channel as the hook does (a long body's head and parts, too). */
  post(msg: unknown): void;
  /** The hook's row records (an empty list: rows on screen carry none). */
  records(list: unknown[]): void;
  /** Every batch stored and its views applied, and the frames after it ran. */
  settle(): Promise<void>;
  badges(): HTMLElement[];
  /**
   * happy-dom lays nothing out, and its IntersectionObserver never reports: a stand-in reports each observed
   * element as in view unless `inView` (default: every element) says otherwise. `reveal()` reports every
   * observed element again (after the test changed what `inView` answers: a scroll).
   */
  inView: (el: Element) => boolean;
  reveal(): void;
  /** Ends the page session; the database is deleted unless `keepDb`. */
  close(keepDb?: boolean): Promise<void>;
}

export async function world(opts: {
  url?: string;
  html?: string;
  features: readonly Feature[];
  hold?: boolean;
  settings?: Partial<PageSettings>;
  /** A database name to reuse (a reload: the second page session finds what the first stored). */
  dbName?: string;
  /** The DOM fallback's grace (pipeline.ts); 0 unless a test is about it. */
  domGraceMs?: number;
}): Promise<World> {
  const hw = new HappyWindow({ url: opts.url ?? LIST, width: 1200, height: 800 });
  const win = hw as unknown as Window & typeof globalThis;
  win.document.body.innerHTML = opts.html ?? '';
  const observers = new Set<StandInObserver>();
  const view = { inView: (_el: Element) => true };
  class StandInObserver {
    readonly targets = new Set<Element>();
    constructor(private readonly cb: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
      observers.add(this);
    }
    observe(el: Element) {
      this.targets.add(el);
      // As a browser does: the first report comes after the task that observed, not inside observe().
      queueMicrotask(() => this.report([el]));
    }
    unobserve(el: Element) {
      this.targets.delete(el);
    }
    disconnect() {
      this.targets.clear();
      observers.delete(this);
    }
    takeRecords() {
      return [];
    }
    report(els: readonly Element[]) {
      const live = els.filter((el) => this.targets.has(el));
      if (live.length) this.cb(live.map((target) => ({ target, isIntersecting: view.inView(target) })));
    }
  }
  (win as unknown as { IntersectionObserver: unknown }).IntersectionObserver = StandInObserver;
  const db = new RadarDb(opts.dbName ?? `rt-${Math.random().toString(36).slice(2)}`);
  const sent: Sent[] = [];
  const reports: { code: string; detail: string }[] = [];
  const rekeyed: [string, string][] = [];
  const gates: (() => void)[] = [];
  let auto = !opts.hold;
  let delivered: Promise<void> = Promise.resolve();
  const deps: HandlerDeps = {
    db,
    now: () => NOW,
    settings: async () => DEFAULT_SETTINGS,
    self: { id: 'extid', origin: 'chrome-extension://extid' },
    marketplaceMatches: [`${ORIGIN}/*`],
    onTicketsRekeyed: async (m) => void rekeyed.push(...m),
    // The worker reads what the hook copied with this test's adapter (lib/background/read.ts).
    adapters: [testAdapter],
  };
  const sender = () => ({ id: 'extid', url: win.location.href, tab: { id: 1 }, frameId: 0 });
  const ctl = new AbortController();
  const startedAt = Date.now();
  const state = { settings: { ...DEFAULT_PAGE_SETTINGS, ...opts.settings } as PageSettings };
  // The hook's end of the private channel (page-channel.ts): happy-dom has no MessageChannel, and the channel
  // is used only as a private event target, so a plain EventTarget stands in for the port.
  (win as unknown as { MessageChannel: unknown }).MessageChannel = class {
    port1 = { close: () => undefined };
    port2 = new win.EventTarget();
  };
  let port: EventTarget | undefined;
  win.addEventListener(OFFER_EVENT, (e) => {
    port ??= (e as MessageEvent).ports[0] as unknown as EventTarget;
    e.preventDefault();
  });
  const post = (msg: unknown) =>
    port?.dispatchEvent(new win.CustomEvent(DATA_EVENT, { detail: JSON.stringify(msg) }) as unknown as Event);
  const overlay = runOverlay(
    testAdapter,
    win,
    ctl.signal,
    {
      // The page's clock runs from NOW: the grace timers are real.
      now: () => NOW + (Date.now() - startedAt),
      domGraceMs: opts.domGraceMs ?? 0,
      settings: () => state.settings,
      // One request at a time, in the order handed over, as the batcher and the read pump deliver them: the
      // page never has a DOM batch and a copy with the worker at once (pipeline.ts).
      ingest(req) {
        return deliver(async () => {
          const entry: Sent = {
            via: 'ingest',
            shop: req.shop,
            supersedes: req.supersedes,
            ids: req.tickets.map((t) => t.nativeId),
          };
          sent.push(entry);
          if (!auto) await new Promise<void>((r) => gates.push(r));
          const reply = await handleMessage({ type: 'tickets/ingest', ...req }, sender(), deps);
          if (!reply.ok) throw new Error(reply.error);
          return reply.views as TicketView[];
        });
      },
      read(req) {
        return deliver(async () => {
          // Shop and count are the worker's to decide: filled in from its answer.
          const entry: Sent = { via: 'read', shop: req.shop ?? { shopId: '?' }, ids: [] };
          sent.push(entry);
          if (!auto) await new Promise<void>((r) => gates.push(r));
          // As the content script reads (messages.ts): a long body goes ahead in parts.
          const answer = await readPage(req, (msg) => handleMessage(msg, sender(), deps));
          entry.shop = answer.shop;
          entry.ids = answer.views.map((v) => v.nativeId);
          const moved = (req.standIns ?? []).filter((x) => answer.handedOver.includes(x.shopId));
          if (moved.length) entry.supersedes = moved;
          return answer;
        });
      },
      report: (rs) => reports.push(...rs),
    },
    opts.features,
  );
  function deliver<T>(fn: () => Promise<T>): Promise<T> {
    const next = delivered.then(fn);
    delivered = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
  const frame = () => new Promise<void>((r) => win.requestAnimationFrame(() => r()));
  return {
    win,
    db,
    overlay,
    sent,
    reports,
    rekeyed,
    get settings() {
      return state.settings;
    },
    set settings(s) {
      state.settings = s;
    },
    release: () => gates.shift()?.(),
    autoRelease(on) {
      auto = on;
      if (on) for (const g of gates.splice(0)) g();
    },
    post,
    respond(json, path = '/api/list') {
      post({ type: 'response', url: ORIGIN + path, receivedAt: NOW, transport: 'fetch', body: JSON.stringify(json) });
    },
    records(list) {
      post({ type: 'records', receivedAt: NOW, records: list.map((record, rowIndex) => ({ rowIndex, record })) });
    },
    async settle() {
      for (let i = 0; i < 4; i++) {
        await overlay.idle();
        await frame();
        await frame();
      }
    },
    get inView() {
      return view.inView;
    },
    set inView(f) {
      view.inView = f;
    },
    reveal() {
      for (const o of observers) o.report([...o.targets]);
    },
    badges: () =>
      [...win.document.querySelectorAll<HTMLElement>('[data-ticket-radar-badge]')] as unknown as HTMLElement[],
    async close(keepDb = false) {
      ctl.abort();
      await hw.happyDOM.close();
      db.close();
      if (!keepDb) await Dexie.delete(db.name);
    },
  };
}

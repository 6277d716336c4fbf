/**
 * Chromium for the benchmark: the same browser and flags as the e2e harness, launched with the built
 * extension or without it, plus black-box probes (CDP Performance metrics, long tasks, IndexedDB
 * transactions seen from the service worker). Nothing here knows the extension's internals.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, EXTENSION } from '../../tests/e2e/harness';

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker (with the extension only). */
  worker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

/** A private copy of the built extension, so a rebuild elsewhere during the run cannot change what is measured. */
export function snapshotExtension(): string {
  if (!existsSync(join(EXTENSION, 'manifest.json')))
    throw new Error(`Build the extension first (npx wxt build): ${EXTENSION}`);
  const dir = mkdtempSync(join(tmpdir(), 'ticket-radar-bench-ext-'));
  cpSync(EXTENSION, dir, { recursive: true });
  return dir;
}

export async function launch(opts: {
  extension?: string;
  viewport?: { width: number; height: number };
}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-radar-bench-'));
  const ext = opts.extension;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
    args: [...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []), ...CHROMIUM_ARGS],
  });
  await context.route(/^(?!chrome-extension:|data:|about:)/, (route) => route.abort('internetdisconnected'));
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ext) return { context, close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}

/** Main-thread figures of a page's renderer (CDP `Performance.getMetrics`), in ms. */
export interface MainThread {
  task: number;
  script: number;
  layout: number;
  style: number;
}

/**
 * Starts counting (the renderer counts only while the Performance domain is enabled, and the session follows
 * the page across a cross-site navigation): call before `goto`, then `read()` at the moments to compare.
 */
export async function mainThread(page: Page): Promise<{ read(): Promise<MainThread>; stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    async read() {
      const { metrics: ms } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (ms.find((m) => m.name === name)?.value ?? 0) * 1000;
      return {
        task: get('TaskDuration'),
        script: get('ScriptDuration'),
        layout: get('LayoutDuration'),
        style: get('RecalcStyleDuration'),
      };
    },
    stop: () => cdp.detach().catch(() => undefined),
  };
}

export const minus = (a: MainThread, b: MainThread): MainThread => ({
  task: a.task - b.task,
  script: a.script - b.script,
  layout: a.layout - b.layout,
  style: a.style - b.style,
});

/**
 * Installed before any page script: long tasks (PerformanceObserver `longtask`), and the moments the page's
 * own rows and the extension's badges (`data-ticket-key` hosts) reach their expected counts.
 */
export function probeScript(rowSelector: string, rows: number): string {
  return `(() => {
    const b = (window.__bench = { longTasks: [], rowsAt: 0, badgesAt: 0, badges: 0 });
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration }); })
        .observe({ type: 'longtask', buffered: true });
    } catch {}
    const check = () => {
      if (!b.rowsAt && document.querySelectorAll(${JSON.stringify(rowSelector)}).length >= ${rows}) b.rowsAt = performance.now();
      if (b.rowsAt) {
        b.badges = document.querySelectorAll('[data-ticket-key]').length;
        if (!b.badgesAt && b.badges >= ${rows}) { b.badgesAt = performance.now(); mo.disconnect(); }
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true });
  })();`;
}

export interface Probe {
  longTasks: { start: number; duration: number }[];
  rowsAt: number;
  badgesAt: number;
  badges: number;
}

export const readProbe = (page: Page): Promise<Probe> =>
  page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

/** Waits (polling every 100 ms, not every frame: the poll must not cost the page) until the probe says so. */
export async function waitProbe(page: Page, what: 'rowsAt' | 'badgesAt', timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (k) => ((window as unknown as { __bench?: Record<string, number> }).__bench?.[k] ?? 0) > 0,
    what,
    {
      polling: 100,
      timeout,
    },
  );
}

/**
 * IndexedDB read-write transactions on the `tickets` store, seen from the service worker by wrapping
 * `IDBDatabase.prototype.transaction` (black-box: whatever library the extension uses goes through it).
 * Times are wall-clock ms (`Date.now()`): monotonic clocks of two processes drift apart, the wall clock does not.
 */
export async function watchTicketWrites(worker: Worker): Promise<void> {
  // A string, not a function: tsx's keepNames would add a `__name` helper the worker does not have.
  await worker.evaluate(`(() => {
    const g = globalThis;
    g.__benchTx = [];
    // Chromium stops a worker idle for 30 s (and the probe with it); an extension API call every 20 s keeps it.
    g.__benchKeepAlive ??= setInterval(() => chrome.runtime.getPlatformInfo(), 20000);
    if (g.__benchTxHooked) return;
    g.__benchTxHooked = true;
    const at = () => Date.now();
    const recs = new WeakMap();
    const orig = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      const tx = orig.apply(this, args);
      const stores = [...tx.objectStoreNames];
      if (tx.mode === 'readwrite' && stores.includes('tickets')) {
        const rec = { start: at(), end: 0, puts: 0, stores };
        recs.set(tx, rec);
        tx.addEventListener('complete', () => { rec.end = at(); g.__benchTx.push(rec); });
      }
      return tx;
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const rec = this.name === 'tickets' ? recs.get(this.transaction) : undefined;
      if (rec) rec.puts++;
      return put.apply(this, args);
    };
  })()`);
}

export const ticketWrites = (worker: Worker) =>
  worker.evaluate(
    () =>
      (globalThis as unknown as { __benchTx?: { start: number; end: number; puts: number; stores: string[] }[] })
        .__benchTx ?? [],
  );

/**
 * The browser figures of issue 12, measured black-box on the built extension in Chromium: marketplace list
 * pages with and without the extension, alternately (pairs), ticking badges, ingest into the real
 * IndexedDB, the popup and options pages over a seeded store, and the content script bundles.
 */
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  launch,
  mainThread,
  minus,
  probeScript,
  readProbe,
  snapshotExtension,
  ticketWrites,
  waitProbe,
  watchTicketWrites,
  type Browser,
  type MainThread,
} from './chromium';
import { LISTS, type BenchList } from './lists';
import { withLock } from './lock';
import { seed } from './seed';
import type { Figure } from './stats';

export interface BrowserBenchOptions {
  /** With/without pairs per page figure (≥ 5 for the record). */
  pairs: number;
  /** Runs of extension-only figures (ingest, popup, options). */
  runs: number;
  /** Stored tickets for the large popup/options figures. */
  large: number;
  log: (msg: string) => void;
  /** Told each section's figures as soon as it is done (a long run shows its results as it goes). */
  onSection?: (section: Section, figures: Figure[]) => void;
  /**
   * Only these list pages, as `id` or `id:rows` (`douyin:500`, `taobao`); all when absent. Ticking is part of
   * the lists section and runs when `pdd` (any size) is among them or no filter is given.
   */
  pages?: readonly string[];
}

/** Whether the `pages` filter keeps `id` with `n` rows. */
export const pageWanted = (pages: readonly string[] | undefined, id: string, n?: number): boolean =>
  !pages ||
  pages.some((p) => p === id || (n !== undefined && p === `${id}:${n}`) || (n === undefined && p.startsWith(`${id}:`)));

/** The page's rows plus this long: the window the main-thread figure covers. */
const AFTER_ROWS_MS = 3000;
const IDLE_WINDOW_MS = 4000;
const BADGE_BUDGET_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Load {
  main: MainThread;
  longTasks: number;
  longTaskMs: number;
  rowsAt: number;
  /** When all `n` badges were on the page (page clock), 0 if not within the window. */
  badgesAt: number;
  badges: number;
}

/** Opens `list` with `n` rows in a fresh tab and measures navigation → rows + 3 s. */
async function loadOnce(b: Browser, list: BenchList, n: number): Promise<Load> {
  const page = await b.context.newPage();
  try {
    await list.serve(page, n);
    await page.addInitScript(probeScript(list.rowSelector, n));
    const m = await mainThread(page);
    const before = await m.read();
    await page.goto(list.url, { waitUntil: 'commit' });
    await waitProbe(page, 'rowsAt');
    await sleep(AFTER_ROWS_MS);
    const main = minus(await m.read(), before);
    const p = await readProbe(page);
    await m.stop();
    // A load that showed no badge is measured all the same (the figure says how many showed, by when).
    return {
      main,
      longTasks: p.longTasks.length,
      longTaskMs: p.longTasks.reduce((s, t) => s + t.duration, 0),
      rowsAt: p.rowsAt,
      badgesAt: p.badgesAt,
      badges: p.badges,
    };
  } finally {
    await page.close();
  }
}

/** Runs `fn` with and without the extension, alternating which goes first, `pairs` times. */
async function paired<T>(
  browsers: { with: Browser; without: Browser },
  pairs: number,
  fn: (b: Browser, withExt: boolean) => Promise<T>,
): Promise<{ with: T[]; without: T[] }> {
  const out = { with: [] as T[], without: [] as T[] };
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      out.with.push(await fn(browsers.with, true));
      out.without.push(await fn(browsers.without, false));
    } else {
      out.without.push(await fn(browsers.without, false));
      out.with.push(await fn(browsers.with, true));
    }
  }
  return out;
}

const split = (xs: Load[]) =>
  `script ${Math.round(median(xs.map((x) => x.main.script)))}, layout ${Math.round(median(xs.map((x) => x.main.layout)))}, style ${Math.round(median(xs.map((x) => x.main.style)))}`;
/** Median of when all badges showed, relative to the rows, or "–" when most loads did not show them all. */
const badgesAt = (xs: Load[]) => {
  const at = median(xs.map((x) => (x.badgesAt ? x.badgesAt - x.rowsAt : Number.POSITIVE_INFINITY)));
  return Number.isFinite(at) ? `rows + ${Math.round(at)} ms` : '–';
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

async function listFigures(ext: string, o: BrowserBenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const browsers = { with: await launch({ extension: ext }), without: await launch({}) };
  try {
    // One untimed load each: the first navigation of a browser pays for its own start-up.
    const lists = LISTS.filter((l) => pageWanted(o.pages, l.id));
    for (const list of lists) {
      await loadOnce(browsers.with, list, 20).catch(() => undefined);
      await loadOnce(browsers.without, list, 20).catch(() => undefined);
    }
    for (const list of lists) {
      for (const n of [200, 500]) {
        if (!pageWanted(o.pages, list.id, n)) continue;
        o.log(`${list.title}, ${n} rows: ${o.pairs} pairs`);
        const r = await paired(browsers, o.pairs, (b) => loadOnce(b, list, n));
        figures.push(
          {
            name: `${list.title}, ${n} rows: main thread, navigation → rows + 3 s`,
            unit: 'ms',
            budget: { ratio: 1.1, added: 20 },
            with: r.with.map((x) => x.main.task),
            without: r.without.map((x) => x.main.task),
            note: split(r.with),
          },
          {
            name: `${list.title}, ${n} rows: long tasks per load`,
            unit: '',
            budget: { added: 0 },
            with: r.with.map((x) => x.longTasks),
            without: r.without.map((x) => x.longTasks),
            note: `${Math.round(median(r.with.map((x) => x.longTaskMs)))} ms in all`,
          },
          {
            name: `${list.title}, ${n} rows: the page's own rows shown at`,
            unit: 'ms',
            with: r.with.map((x) => x.rowsAt),
            without: r.without.map((x) => x.rowsAt),
            note: `badges: ${median(r.with.map((x) => x.badges))} of ${n} within ${AFTER_ROWS_MS / 1000} s of the rows, all by ${badgesAt(r.with)}`,
          },
        );
      }
    }
    if (pageWanted(o.pages, 'pdd')) figures.push(...(await tickFigures(browsers, o)));
  } finally {
    await browsers.with.close();
    await browsers.without.close();
  }
  return figures;
}

/**
 * Main-thread time per second while idle, after the page and badges settled. `fit` makes the viewport as tall
 * as the page so every row is in view (the ticker only updates badges in view; this asks for all of them).
 */
async function idleOnce(b: Browser, list: BenchList, n: number, withExt: boolean, fit: boolean) {
  const page = await b.context.newPage();
  try {
    await list.serve(page, n);
    await page.addInitScript(probeScript(list.rowSelector, n));
    const m = await mainThread(page);
    await page.goto(list.url, { waitUntil: 'commit' });
    await waitProbe(page, 'rowsAt');
    // Fitted first: badges are built for rows near the viewport (lib/features/countdown-badge.ts), so all
    // `n` exist only once every row is in view.
    if (fit) await fitAll(page);
    if (withExt) await waitProbe(page, 'badgesAt', BADGE_BUDGET_MS);
    await sleep(1500);
    const a = await m.read();
    await sleep(IDLE_WINDOW_MS);
    const d = minus(await m.read(), a);
    await m.stop();
    const perS = (x: number) => (x / IDLE_WINDOW_MS) * 1000;
    const inView = await page.evaluate(() => {
      const h = innerHeight;
      return [...document.querySelectorAll('[data-ticket-key]')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < h && r.width > 0;
      }).length;
    });
    return { task: perS(d.task), script: perS(d.script), layout: perS(d.layout), style: perS(d.style), inView };
  } finally {
    await page.close();
  }
}

/** A viewport as tall as the page, so every row (and badge) is in view. Restored by closing the tab. */
async function fitAll(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(860, height + 20), 60_000) });
}

async function tickFigures(browsers: { with: Browser; without: Browser }, o: BrowserBenchOptions): Promise<Figure[]> {
  const pdd = LISTS.find((l) => l.id === 'pdd')!;
  o.log(`idle, 10 badges in view: ${o.pairs} pairs`);
  const idle = await paired(browsers, o.pairs, (b, w) => idleOnce(b, pdd, 10, w, true));
  o.log(`one tick, 500 badges in view: ${o.pairs} pairs`);
  const tick = await paired(browsers, o.pairs, (b, w) => idleOnce(b, pdd, 500, w, true));
  const splitOf = (xs: { script: number; layout: number; style: number; inView: number }[]) =>
    `script ${median(xs.map((x) => x.script)).toFixed(1)}, layout ${median(xs.map((x) => x.layout)).toFixed(1)}, style ${median(xs.map((x) => x.style)).toFixed(1)}; ${median(xs.map((x) => x.inView))} in view`;
  return [
    {
      name: 'idle, badges ticking (10 in view): main thread per second',
      unit: 'ms',
      budget: { added: 1 },
      with: idle.with.map((x) => x.task),
      without: idle.without.map((x) => x.task),
      note: splitOf(idle.with),
    },
    {
      name: 'one tick with 500 badges in view (1 tick per second)',
      unit: 'ms',
      budget: { added: 1 },
      with: tick.with.map((x) => x.task),
      without: tick.without.map((x) => x.task),
      note: splitOf(tick.with),
    },
  ];
}

/**
 * A 500-ticket 工单 response → its tickets stored: from the moment the response leaves the local server to
 * the `complete` of the read-write IndexedDB transaction that wrote them, in a fresh profile (first load,
 * empty database, worker just started) and on reloads (all 500 stored, nothing changed).
 */
/**
 * Loads the PDD 工单 list with 500 rows twice in `b` (the same response both times): the first load stores
 * them (`firstWrites`: all 500 are new), the second (a reload) finds them stored and unchanged. Returns response → stored and the
 * transaction's own time for both.
 */
/**
 * The extension's service worker as it is now: Chromium stops an idle worker and starts a new one (a new
 * global, without the probe) for the next message, so the probe follows the newest.
 */
const liveWorker = (b: Browser) => b.context.serviceWorkers().at(-1) ?? b.worker!;

async function ingestTwice(
  b: Browser,
  log: (m: string) => void,
  firstWrites = true,
): Promise<{ first: number; firstTx: number; again: number; againTx: number; rewrote: number }> {
  const pdd = LISTS.find((l) => l.id === 'pdd')!;
  const now = Date.now();
  const out = { first: 0, firstTx: 0, again: 0, againTx: 0, rewrote: 0 };
  for (let j = 0, tries = 0; j < 2; j++) {
    let sent = 0;
    const page = await b.context.newPage();
    try {
      await pdd.serve(page, 500, { now, onData: (at) => (sent = at) });
      await watchTicketWrites(liveWorker(b));
      await page.goto(pdd.url, { waitUntil: 'commit' });
      const tx = await waitFor(async () => {
        const all = await ticketWrites(liveWorker(b));
        // The list was reset just before this load; a few ms of slack for two processes' clocks.
        return all.find((t) => sent > 0 && t.start >= sent - 20 && (j > 0 || !firstWrites || t.puts >= 500));
      }, 15_000).catch(async (e: unknown) => {
        // Seen right after install: the first navigation of a fresh profile sometimes gets no content script.
        const seen = JSON.stringify(await ticketWrites(liveWorker(b)).catch(() => 'worker gone'));
        const badges = await page.locator('[data-ticket-key]').count();
        if (tries++ > 0) throw e;
        log(
          `ingest load ${j + 1}: nothing stored in 15 s (sent ${sent > 0}, badges ${badges}, writes ${seen}); once more`,
        );
        return undefined;
      });
      if (!tx) {
        j--;
        continue;
      }
      if (j === 0) Object.assign(out, { first: tx.end - sent, firstTx: tx.end - tx.start });
      else Object.assign(out, { again: tx.end - sent, againTx: tx.end - tx.start, rewrote: tx.puts });
    } finally {
      await page.close();
    }
  }
  return out;
}

/**
 * A 500-ticket 工单 response → its tickets stored: from the moment the response leaves the local server to
 * the `complete` of the read-write IndexedDB transaction that wrote them, in a fresh profile (first load,
 * empty database, worker just started) and on reloads (all 500 stored, nothing changed).
 */
async function ingestFigures(ext: string, o: BrowserBenchOptions): Promise<Figure[]> {
  const runs: Awaited<ReturnType<typeof ingestTwice>>[] = [];
  for (let i = 0; i < o.runs; i++) {
    o.log(`ingest, fresh profile ${i + 1}/${o.runs}`);
    const b = await launch({ extension: ext });
    try {
      await watchTicketWrites(liveWorker(b));
      // A run whose write the probe missed is left out (logged), not the whole section.
      const r = await ingestTwice(b, o.log).catch(
        (e: unknown) => void o.log(`ingest run ${i + 1} left out: ${String(e)}`),
      );
      if (r) runs.push(r);
    } finally {
      await b.close();
    }
  }
  return [
    {
      name: 'ingest: 500-ticket response → stored, fresh profile',
      unit: 'ms',
      budget: { max: 50 },
      with: runs.map((r) => r.first),
      without: [],
      note: `transaction ${median(runs.map((r) => r.firstTx)).toFixed(0)} ms`,
    },
    {
      name: 'ingest: 500-ticket response → stored, reload',
      unit: 'ms',
      budget: { max: 50 },
      with: runs.map((r) => r.again),
      without: [],
      note: `transaction ${median(runs.map((r) => r.againTx)).toFixed(0)} ms; ${median(runs.map((r) => r.rewrote))} rows rewritten`,
    },
  ];
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

/** Navigation → the first element matching `selector` exists (MutationObserver, page clock). */
const firstScript = (selector: string) => `(() => {
  const b = (window.__benchFirst = { at: 0, longest: 0 });
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longest = Math.max(b.longest, e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
  const mo = new MutationObserver(() => { if (!b.at && document.querySelector(${JSON.stringify(selector)})) { b.at = performance.now(); mo.disconnect(); } });
  mo.observe(document, { childList: true, subtree: true });
})();`;

async function firstOnce(
  b: Browser,
  path: string,
  selector: string,
): Promise<{ at: number; longest: number; busy: number }> {
  const page = await b.context.newPage();
  try {
    await page.addInitScript(firstScript(selector));
    const m = await mainThread(page);
    await page.goto(`chrome-extension://${b.extensionId}/${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __benchFirst?: { at: number } }).__benchFirst?.at, null, {
      polling: 100,
      timeout: 60_000,
    });
    await sleep(1000);
    const a = await m.read();
    await sleep(3000);
    const busy = ((await m.read()).task - a.task) / 3;
    await m.stop();
    const r = await page.evaluate(
      () => (window as unknown as { __benchFirst: { at: number; longest: number } }).__benchFirst,
    );
    return { ...r, busy };
  } finally {
    await page.close();
  }
}

/** `popupOnly`: the popup's first-row figures alone (`--only=popup`), without the ingest and overview runs. */
async function storeFigures(ext: string, o: BrowserBenchOptions, popupOnly = false): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const stored of [200, o.large]) {
    const b = await launch({ extension: ext });
    try {
      o.log(`seeding ${stored} tickets`);
      // The write probe goes in before the seed: hooked only after it, the probe saw none of the ingest's
      // transactions afterwards (the "reload, 50,000 stored" figure came out empty on 2026-12-02). Its
      // keep-alive also holds the worker through the popup runs.
      await watchTicketWrites(b.worker!);
      const t0 = Date.now();
      const count = await seed(b.worker!, stored);
      o.log(`seeded ${count} in ${Math.round((Date.now() - t0) / 1000)} s`);
      const popup: { at: number; longest: number; busy: number }[] = [];
      for (let i = 0; i < o.runs; i++) popup.push(await firstOnce(b, 'popup.html', '[data-ticket-key]'));
      const n = stored.toLocaleString('en');
      figures.push({
        name: `popup: first ticket row, ${n} stored`,
        unit: 'ms',
        budget: { max: 100 },
        with: popup.map((x) => x.at),
        without: [],
        note: `longest task ${median(popup.map((x) => x.longest)).toFixed(0)} ms; afterwards ${median(popup.map((x) => x.busy)).toFixed(0)} ms/s busy`,
      });
      if (stored === o.large && !popupOnly) {
        const ing: Awaited<ReturnType<typeof ingestTwice>>[] = [];
        for (let i = 0; i < Math.min(o.runs, 3); i++)
          ing.push(
            await ingestTwice(b, o.log, false).catch((e: unknown) => {
              o.log(`ingest with ${stored} stored, run ${i + 1} left out: ${String(e)}`);
              return { again: Number.NaN, againTx: Number.NaN } as never;
            }),
          );
        figures.push({
          name: `ingest: 500-ticket response → stored, reload, ${n} stored`,
          unit: 'ms',
          budget: { max: 50 },
          with: ing.map((r) => r.again),
          without: [],
          note: `transaction ${median(ing.map((r) => r.againTx)).toFixed(0)} ms`,
        });
        const opts: { at: number; longest: number; busy: number }[] = [];
        for (let i = 0; i < o.runs; i++)
          opts.push(await firstOnce(b, 'options.html#overview', '[id^="overview-"][id$="-title"]'));
        figures.push({
          name: `options: overview shown, ${n} stored`,
          unit: 'ms',
          with: opts.map((x) => x.at),
          without: [],
          note: `longest task ${median(opts.map((x) => x.longest)).toFixed(0)} ms; afterwards ${median(opts.map((x) => x.busy)).toFixed(0)} ms/s busy`,
        });
      }
    } finally {
      await b.close();
    }
  }
  return figures;
}

/** Content scripts as shipped: raw and gzip bytes. */
export function bundleFigures(ext: string): Figure[] {
  const dir = join(ext, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      return {
        name: `content script ${f}: size`,
        unit: 'KB',
        budget: { max: 100 },
        with: [buf.length / 1024],
        without: [],
        note: `${(gzipSync(buf).length / 1024).toFixed(1)} KB gzip`,
      };
    });
}

export type Section = 'lists' | 'ingest' | 'store' | 'bundle' | 'popup';
/** `popup` is a subset of `store` (the popup's figures alone), so a plain run does not measure it twice. */
export const SECTIONS: readonly Section[] = ['lists', 'ingest', 'store', 'bundle'];
export const KNOWN_SECTIONS: readonly Section[] = [...SECTIONS, 'popup'];

export async function runBrowserBench(
  o: BrowserBenchOptions,
  sections: readonly Section[] = SECTIONS,
): Promise<Figure[]> {
  const ext = snapshotExtension();
  try {
    const figures: Figure[] = [];
    // A section that fails is reported and skipped: the others' figures still print.
    const run = async (section: Section, what: string, fn: () => Promise<Figure[]>) => {
      if (!sections.includes(section)) return;
      try {
        const got = await withLock(what, fn);
        figures.push(...got);
        o.onSection?.(section, got);
      } catch (e) {
        o.log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        figures.push({
          name: `${what}: failed (see log)`,
          unit: '',
          budget: { max: 0 },
          with: [Number.NaN],
          without: [],
        });
      }
    };
    // Shortest first: a run cut short still has the ingest and store figures.
    await run('ingest', 'ingest', () => ingestFigures(ext, o));
    await run('store', 'popup and options', () => storeFigures(ext, o));
    if (!sections.includes('store')) await run('popup', 'popup', () => storeFigures(ext, o, true));
    await run('lists', 'list pages and ticking', () => listFigures(ext, o));
    if (sections.includes('bundle')) figures.push(...bundleFigures(ext));
    return figures;
  } finally {
    rmSync(ext, { recursive: true, force: true });
  }
}

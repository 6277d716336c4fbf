/**
 * Launches Debian's Chromium with the built extension and serves marketplace URLs from fixtures, so
 * manifest matches, MAIN-world scripts at document_start and the pages' own fetch/XHR behave as on the real
 * sites (toolchain.md). Every other host is aborted: tests never touch the network.
 */
import {
  chromium,
  expect,
  type BrowserContext,
  type Frame,
  type Page,
  type Route,
  type Worker,
} from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFixtureApp } from '../support/build-fixture-app';
import { FIXTURE_NOW } from '../support/fixtures';
import { shiftTimes } from '../support/shift-times';
import type { RouteSource, Surface } from '../support/surfaces';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The built extension; TICKET_RADAR_EXTENSION points at a private copy when others rebuild .output meanwhile. */
export const EXTENSION = process.env.TICKET_RADAR_EXTENSION ?? join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { headless?: boolean; userDataDir?: string } = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION, 'manifest.json')))
    throw new Error(`Build the extension first (npm run build): ${EXTENSION}`);
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ticket-radar-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 860 },
    // Chromium on Linux takes its UI language (and so the extension's i18n locale) from LANGUAGE.
    env: { ...process.env, LANGUAGE: process.env.TICKET_RADAR_LANG ?? 'zh_CN', LANG: 'zh_CN.UTF-8' },
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, ...CHROMIUM_ARGS],
  });
  await context.route(/^(?!chrome-extension:|data:|about:)/, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The test-only readiness signal (lib/overlay/readiness.ts): pages announce what they have done, so tests
  // wait for it instead of sleeping.
  // The key is TEST_READINESS_KEY of lib/overlay/page-settings.ts (not imported: it pulls in wxt/browser).
  await worker.evaluate(() => chrome.storage.local.set({ 'ticket-radar:test-readiness': true }));
  return { context, worker, extensionId, close: () => context.close() };
}

/**
 * The page session's readiness counter `name` in a page or frame (`page`, `starts`, `reads`, `tickets`,
 * `scans`, `detects`, `badges`; lib/overlay/readiness.ts), as a number (NaN while unset).
 */
export async function readiness(scope: Page | Frame, name: string): Promise<number> {
  const v = await scope.locator('html').getAttribute(`data-ticket-radar-${name}`);
  return v === null ? NaN : Number(v);
}

/** Waits until the readiness counter `name` is above `than` (event-driven: no sleeping). */
export async function readinessAbove(scope: Page | Frame, name: string, than: number): Promise<number> {
  await expect.poll(() => readiness(scope, name).then((v) => (Number.isNaN(v) ? -1 : v))).toBeGreaterThan(than);
  return readiness(scope, name);
}

export type Responder = (route: Route, url: URL) => Promise<void> | void;

/** Serves a fixture file; JSON is shifted from FIXTURE_NOW to now. */
export function fixture(platform: string, name: string, opts: { shift?: boolean; status?: number } = {}): Responder {
  return (route) => {
    const path = join(FIXTURES, platform, name);
    let body = readFileSync(path, 'utf8');
    let contentType = 'text/html; charset=utf-8';
    if (name.endsWith('.json')) {
      contentType = 'application/json; charset=utf-8';
      if (opts.shift !== false) {
        try {
          body = JSON.stringify(shiftTimes(JSON.parse(body), Date.now() - FIXTURE_NOW));
        } catch {
          /* malformed fixtures are served as they are */
        }
      }
    }
    return route.fulfill({ status: opts.status ?? 200, contentType, body });
  };
}

/**
 * Routes an origin: `routes` maps a pathname (exact) or a RegExp on the pathname to a responder.
 * Unknown paths on that origin get a 404 like a real server.
 */
export async function serve(
  context: BrowserContext | Page,
  origin: string,
  routes: [string | RegExp, Responder][],
): Promise<void> {
  // A Page works too: its routes win over the context's, so one page can serve a variant of a path.
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const hit = routes.find(([p]) => (typeof p === 'string' ? p === url.pathname : p.test(url.pathname)));
    if (hit) return hit[1](route, url);
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

/** Reads a whole Dexie table of the extension's database from the service worker (the real IndexedDB). */
export async function readTable<T = Record<string, unknown>>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((res, rej) => {
        const open = indexedDB.open('ticket-radar');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(name)) return res([]);
          const req = idb.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            res(req.result as T[]);
            idb.close();
          };
          req.onerror = () => rej(req.error);
        };
      }),
    table,
  );
}

export async function openPopup(l: Launched): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/popup.html`);
  return page;
}

/** Badge hosts on a page (Playwright CSS pierces open shadow roots). */
export const BADGE = '[data-ticket-radar-badge]';

// ---- Responders for SPA stand-ins: bundled fixture apps and pages with time placeholders ----

const apps = new Map<string, Promise<string>>();

/**
 * Bundles a fixture app once per run (tests/support/build-fixture-app.ts) and returns the cached script.
 * Rejects, loudly, when the fixture does not build.
 */
export function fixtureAppScript(tsxPath: string): Promise<string> {
  const abs = resolve(ROOT, tsxPath);
  let js = apps.get(abs);
  if (!js) {
    js = buildFixtureApp(abs);
    apps.set(abs, js);
    js.catch(() => apps.delete(abs)); // a later call may retry after the fixture is fixed
  }
  return js;
}

/**
 * Serves a `.tsx` fixture app (path relative to the repository root, e.g.
 * `tests/fixtures/douyin/service-app.tsx`) bundled with esbuild, as the stand-in pages load it from
 * `/__fixtures__/<platform>/<name>.js`. The bundle starts when the responder is created and is cached per run.
 * A build error is served as a 500 with the message (and logged), so the page stays empty and the test says why.
 */
export function fixtureApp(tsxPath: string): Responder {
  fixtureAppScript(tsxPath).catch(() => undefined); // start early; errors surface when served
  return async (route) => {
    try {
      const body = await fixtureAppScript(tsxPath);
      return await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      console.error(`fixtureApp(${tsxPath}) failed to build: ${msg}`);
      return route.fulfill({ status: 500, contentType: 'text/plain; charset=utf-8', body: msg });
    }
  };
}

type Placeholders = typeof import('../support/time-placeholders');
let placeholders: Promise<Placeholders> | undefined;

/**
 * tests/support/time-placeholders.ts imports lib/time, whose extensionless `dayjs/plugin/*` imports plain
 * Node ESM (the Playwright runner) cannot resolve. Bundled with esbuild once per run, it loads anywhere.
 */
function loadPlaceholders(): Promise<Placeholders> {
  placeholders ??= (async () => {
    const out = await build({
      entryPoints: [join(ROOT, 'tests', 'support', 'time-placeholders.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'ticket-radar-placeholders-')), 'time-placeholders.mjs');
    writeFileSync(file, out.outputFiles[0]?.text ?? '');
    return (await import(pathToFileURL(file).href)) as Placeholders;
  })();
  return placeholders;
}

/** Fills `{{T-2h}}`-style placeholders of a text with Beijing time around `now` (time-placeholders.ts). */
export async function fillTimes(text: string, now = Date.now()): Promise<string> {
  return (await loadPlaceholders()).fillTimePlaceholders(text, now);
}

/**
 * Serves an HTML fixture whose `{{T…}}` placeholders are filled relative to the moment it is served
 * (Taobao stand-ins: `refund-list--base.html`, `task-tickets--base.html`).
 */
export function fixtureWithTimes(platform: string, name: string, opts: { status?: number } = {}): Responder {
  return async (route) => {
    const body = await fillTimes(readFileSync(join(FIXTURES, platform, name), 'utf8'), Date.now());
    return route.fulfill({ status: opts.status ?? 200, contentType: 'text/html; charset=utf-8', body });
  };
}

/** Serves a string (HTML unless told otherwise). */
export function text(body: string, contentType = 'text/html; charset=utf-8'): Responder {
  return (route) => route.fulfill({ status: 200, contentType, body });
}

/** Answers after `ms`: to order responses the way a real SPA's would arrive. */
export function delayed(ms: number, responder: Responder): Responder {
  return async (route, url) => {
    await new Promise((r) => setTimeout(r, ms));
    return responder(route, url);
  };
}

/** The responder a surface route source names (tests/support/surfaces.ts). */
export function responderFor(source: RouteSource): Responder {
  const isPair = (s: RouteSource): s is readonly [string, string] => Array.isArray(s);
  if (isPair(source)) return fixture(source[0], source[1]);
  if ('app' in source) return fixtureApp(source.app);
  const [platform, name] = source.file;
  const status = source.status ?? 200;
  if (source.times) return fixtureWithTimes(platform, name, { status });
  return fixture(platform, name, { status, shift: source.shift !== false });
}

/** Serves one surface's routes on a context, or on a page (page routes win, so surfaces sharing a path can coexist). */
export async function serveSurface(target: BrowserContext | Page, surface: Surface): Promise<void> {
  await serve(
    target,
    surface.origin,
    surface.routes.map(([path, source]) => [path, responderFor(source)]),
  );
}

/**
 * Opens a demo surface in a new page of `l` (served from its fixtures) and waits up to `timeout` for what shows
 * it is ready (its `ready` selector, else a badge), in its frame when it has one. Used by the demo and the
 * acceptance run; never throws for a page that does not get ready (`shown` says).
 */
export async function openSurface(l: Launched, surface: Surface, timeout: number) {
  const page = await l.context.newPage();
  await serveSurface(page, surface);
  await page.goto(surface.url);
  const scope = surface.frame ? page.frameLocator(surface.frame) : page;
  const ready = surface.ready ?? BADGE;
  const shown = await scope
    .locator(ready)
    .first()
    .waitFor({ timeout })
    .then(() => true)
    .catch(() => false);
  return { page, scope, ready, shown };
}

/** Diagnostics the extension recorded (health table codes, e.g. `not-logged-in`). */
export async function healthCodes(worker: Worker): Promise<string[]> {
  return (await readTable<{ code: string }>(worker, 'health')).map((h) => h.code);
}

/** A stored ticket as the tests read it (lib/model/ticket.ts `Ticket`, the fields the specs check). */
export interface StoredTicket {
  key: string;
  nativeId: string;
  kind: string;
  title: string;
  status: string;
  shopId: string;
  orderId?: string;
  buyer?: string;
  product?: string;
  createdAt?: number;
  platformDueAt?: number;
  dueAt?: number;
  dueSource?: string;
  urgent: boolean;
  tags: string[];
  trackingNo?: string;
  amountFen?: number;
  deadlineUnreadable?: true;
}

/** The stored tickets of the extension (service worker's Dexie), by nativeId. */
export async function ticketsById(worker: Worker): Promise<Map<string, StoredTicket>> {
  return new Map((await readTable<StoredTicket>(worker, 'tickets')).map((t) => [t.nativeId, t]));
}

/** Default templates are seeded by the worker on install: waits until they are stored. */
export async function templatesStored(worker: Worker): Promise<void> {
  await expect
    .poll(
      () =>
        worker.evaluate(
          () =>
            new Promise<number>((res) => {
              const open = indexedDB.open('ticket-radar');
              open.onsuccess = () => {
                const idb = open.result;
                if (!idb.objectStoreNames.contains('templates')) return res(0);
                const r = idb.transaction('templates').objectStore('templates').count();
                r.onsuccess = () => res(r.result);
              };
              open.onerror = () => res(0);
            }),
        ),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(5);
}

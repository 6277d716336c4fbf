/**
 * Launches Debian's Chromium with the built extension and serves marketplace URLs from fixtures, so
 * manifest matches, MAIN-world scripts at document_start and the pages' own fetch/XHR behave as on the real
 * sites (toolchain.md). Every other host is aborted: tests never touch the network.
 */
import { chromium, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURE_NOW } from '../support/fixtures';
import { shiftTimes } from '../support/shift-times';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
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
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${EXTENSION}`);
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
  return { context, worker, extensionId, close: () => context.close() };
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
export async function serve(context: BrowserContext, origin: string, routes: [string | RegExp, Responder][]): Promise<void> {
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

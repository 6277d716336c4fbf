/**
 * `npm run acceptance` (issue 10, "Acceptance"): the built extension in Chromium, N fresh profiles in turn
 * (default 20, `--profiles=N`), each through every demo page (tests/support/surfaces.ts: the real URLs served
 * from the fixtures, as `npm run demo` and the browser tests serve them). Counts, per profile:
 *
 * - duplicate tickets: one platform record (platform + surface + nativeId) stored under two keys;
 * - duplicate notifications: one ticket's alert for one threshold (`<key>|<threshold>`, lib/alarms/plan.ts)
 *   raised twice, or one ticket announced as new twice (lib/freshness), the ticket taken by its record, so a
 *   re-keyed ticket notified under both keys counts too;
 * - whether the toolbar (badge text and its title's three counts), the popup's counts and the overview's
 *   counts agree.
 *
 * Not part of `npm test` (a run takes minutes). Run it beside CPU load to see races: the figures of the last
 * run are in BENCHMARKS.md ("Acceptance"). Writes test-results/acceptance.json. Exit code 1 when any profile
 * has a duplicate or a disagreement. Build first (`npm run build`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { launchWithExtension, openPopup, openSurface, readTable, ROOT, type Launched } from '../tests/e2e/harness';
import { SURFACES } from '../tests/support/surfaces';

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  process.env[`ACCEPTANCE_${name.toUpperCase()}`];
const PROFILES = Number(arg('profiles') ?? 20);

interface Row {
  key: string;
  platform: string;
  surface: string;
  nativeId: string;
}
interface AlertLogEntry {
  notificationId: string;
  alertIds: string[];
}
interface AnnounceEntry {
  id: string;
  keys: string[];
}
type Counts = [overdue: number, soon: number, today: number];

interface ProfileResult {
  profile: number;
  tickets: number;
  duplicateTickets: string[];
  notifications: number;
  duplicateNotifications: string[];
  toolbar: { text: string; counts: Counts | null };
  popup: Counts | null;
  overview: Counts | null;
  countsEqual: boolean;
  pageProblems: string[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `read` gives the same value twice `quietMs` apart (the background finished its work). */
async function settled<T>(read: () => Promise<T>, quietMs = 1500, maxMs = 30_000): Promise<T> {
  const end = Date.now() + maxMs;
  let last = JSON.stringify(await read());
  for (;;) {
    await sleep(quietMs);
    const now = await read();
    const s = JSON.stringify(now);
    if (s === last || Date.now() > end) return now;
    last = s;
  }
}

const storageLog = <T>(w: Worker, key: string) =>
  w.evaluate(async (k) => ((await chrome.storage.local.get(k))[k] ?? []) as T[], key);

async function visitSurfaces(l: Launched): Promise<string[]> {
  const problems: string[] = [];
  for (const s of SURFACES) {
    const { ready, shown } = await openSurface(l, s, 30_000);
    if (!shown) problems.push(`${s.id}: ${ready} never appeared`);
    // Pages stay open, as a merchant's tabs do: their sessions keep reading while the next one loads.
  }
  return problems;
}

const toolbarOf = (w: Worker) =>
  w.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

/** The three counts of the toolbar title (`工单雷达：1 个已逾期，2 个即将到期，3 个今天到期`); null when idle. */
function titleCounts(title: string): Counts | null {
  const m = /(\d+) 个已逾期，(\d+) 个即将到期，(\d+) 个今天到期/.exec(title);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

async function popupCounts(l: Launched): Promise<Counts | null> {
  const popup = await openPopup(l);
  try {
    const cells = popup.locator('[data-counts] tr[data-scope="all"] td');
    await cells.first().waitFor({ timeout: 15_000 });
    const n = (await cells.allTextContents()).map(Number);
    return [n[0] ?? NaN, n[1] ?? NaN, n[2] ?? NaN];
  } catch {
    return null;
  } finally {
    await popup.close();
  }
}

async function overviewCounts(l: Launched): Promise<Counts | null> {
  const page: Page = await l.context.newPage();
  try {
    await page.goto(`chrome-extension://${l.extensionId}/options.html#overview`);
    // #overview-totals: open, overdue, due soon, due today, … (AnalyticsTab), the same state() as the popup.
    const values = page.locator('[data-section="overview-totals"] .opt-stat__value');
    await values.nth(3).waitFor({ timeout: 30_000 });
    const n = (await values.allTextContents()).map((v) => Number(v.trim()));
    return [n[1] ?? NaN, n[2] ?? NaN, n[3] ?? NaN];
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

async function runProfile(i: number): Promise<ProfileResult> {
  const started = Date.now();
  const l = await launchWithExtension();
  try {
    const pageProblems = await visitSurfaces(l);
    const rows = await settled(() => readTable<Row>(l.worker, 'tickets'));
    // The toolbar is re-planned after ingests; wait for it to settle too.
    const toolbar = await settled(() => toolbarOf(l.worker), 1000);

    const identity = new Map(rows.map((r) => [r.key, `${r.platform}|${r.surface}|${r.nativeId}`]));
    const keysOf = new Map<string, string[]>();
    for (const r of rows) keysOf.set(identity.get(r.key)!, [...(keysOf.get(identity.get(r.key)!) ?? []), r.key]);
    const duplicateTickets = [...keysOf]
      .filter(([, keys]) => keys.length > 1)
      .map(([id, keys]) => `${id}: ${keys.join(' + ')}`);

    const alerts = await storageLog<AlertLogEntry>(l.worker, 'ticket-radar:alert-log');
    const announced = await storageLog<AnnounceEntry>(l.worker, 'ticket-radar:fresh-announce-log');
    const seen = new Map<string, number>();
    const note = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    // A key no longer stored was re-keyed (fallback shop → real shop): its record is the part after the shop.
    const who = (key: string) =>
      identity.get(key) ??
      key
        .split(':')
        .filter((_, j) => j !== 1)
        .join('|');
    for (const e of alerts)
      for (const id of new Set(e.alertIds)) {
        const bar = id.lastIndexOf('|');
        note(`alert ${who(id.slice(0, bar))} @${id.slice(bar + 1)}`);
      }
    for (const e of announced.filter((a) => a.id.startsWith('ticket-radar:alert:new:')))
      for (const k of new Set(e.keys)) note(`new ${who(k)}`);
    const duplicateNotifications = [...seen].filter(([, n]) => n > 1).map(([what, n]) => `${what} ×${n}`);

    const popup = await popupCounts(l);
    const overview = await overviewCounts(l);
    const tb = titleCounts(toolbar.title) ?? ([0, 0, 0] as Counts);
    const badgeOk = toolbar.text === (tb[0] ? String(tb[0]) : tb[1] ? String(tb[1]) : '');
    const countsEqual =
      badgeOk && JSON.stringify(tb) === JSON.stringify(popup) && JSON.stringify(tb) === JSON.stringify(overview);
    return {
      profile: i,
      tickets: rows.length,
      duplicateTickets,
      notifications: alerts.length + announced.length,
      duplicateNotifications,
      toolbar: { text: toolbar.text, counts: titleCounts(toolbar.title) },
      popup,
      overview,
      countsEqual,
      pageProblems,
      ms: Date.now() - started,
    };
  } finally {
    await l.close();
  }
}

const results: ProfileResult[] = [];
for (let i = 1; i <= PROFILES; i++) {
  const r = await runProfile(i);
  results.push(r);
  console.log(
    `profile ${String(i).padStart(2)}: ${r.tickets} tickets, ${r.duplicateTickets.length} duplicate tickets, ` +
      `${r.notifications} notifications, ${r.duplicateNotifications.length} duplicate notifications, toolbar ` +
      `"${r.toolbar.text}" ${JSON.stringify(r.toolbar.counts)} popup ${JSON.stringify(r.popup)} overview ` +
      `${JSON.stringify(r.overview)} → ${r.countsEqual ? 'equal' : 'DIFFERENT'} (${(r.ms / 1000).toFixed(1)} s)`,
  );
  for (const d of [...r.duplicateTickets, ...r.duplicateNotifications, ...r.pageProblems]) console.log(`    ${d}`);
}

const summary = {
  profiles: results.length,
  duplicateTickets: results.reduce((n, r) => n + r.duplicateTickets.length, 0),
  profilesWithDuplicateTickets: results.filter((r) => r.duplicateTickets.length).length,
  duplicateNotifications: results.reduce((n, r) => n + r.duplicateNotifications.length, 0),
  profilesWithDuplicateNotifications: results.filter((r) => r.duplicateNotifications.length).length,
  countsEqual: results.filter((r) => r.countsEqual).length,
  pageProblems: results.reduce((n, r) => n + r.pageProblems.length, 0),
};
console.log(
  `\n${summary.profiles} profiles: ${summary.duplicateTickets} duplicate tickets (${summary.profilesWithDuplicateTickets} profiles), ` +
    `${summary.duplicateNotifications} duplicate notifications (${summary.profilesWithDuplicateNotifications} profiles), ` +
    `toolbar = popup = overview in ${summary.countsEqual}/${summary.profiles}, ${summary.pageProblems} page problems`,
);
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results', 'acceptance.json'), JSON.stringify({ summary, results }, null, 2));
process.exit(
  summary.duplicateTickets || summary.duplicateNotifications || summary.countsEqual < summary.profiles ? 1 : 0,
);

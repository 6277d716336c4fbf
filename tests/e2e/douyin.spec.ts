/**
 * 抖店 (fxg.jinritemai.com) in the browser with the built extension: the 售后 workbench (direct, in a same-origin
 * iframe, logged out, 时效延长) and the 服务工单 list (React row records, and the DOM-text fallback).
 * Pages are the SPA stand-ins of tests/fixtures/douyin served at the real URLs (tests/support/surfaces.ts).
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { FIXTURE_NOW } from '../support/fixtures';
import { surface } from '../support/surfaces';
import {
  BADGE,
  delayed,
  fixture,
  FIXTURES,
  healthCodes,
  launchWithExtension,
  readTable,
  serve,
  serveSurface,
  text,
  ticketsById,
  type Launched,
  type Responder,
} from './harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { douyinWindowDue } from '../support/douyin-clock';

const ORIGIN = 'https://fxg.jinritemai.com';
const WORKBENCH = `${ORIGIN}/ffa/merchant-aftersale-workbench/aftersale/list`;
const SERVICE = `${ORIGIN}/ffa/task-order/service`;
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const DAY = 24 * H;

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => {
  await l?.close();
});

/**
 * aftersale-list--base.json (and --ms) relative to FIXTURE_NOW: `status_deadline` − now. Finished items have
 * `status_deadline: 0` (Douyin's "none"): their badge says 已处理 with no due time.
 */
const AFTERSALES = [
  { id: '7441250812345678901', offset: 79_950 * S, state: 'ok' }, // 待商家处理, 22 h 12 min 30 s
  { id: '7441187654321098765', offset: 518_700 * S, state: 'none' }, // 待买家退货, ~6 days: the buyer's node, shown grey, never overdue for the merchant
  { id: '7441098765432109876', offset: 10 * H, state: 'ok' }, // 待商家收货
  { id: '7440987654321987654', offset: -2 * H, state: 'overdue' }, // 待商家处理, 2 h late
  { id: '7440876543210876543', offset: undefined, state: 'none' }, // 退款成功
  { id: '7440765432109765432', offset: undefined, state: 'none' }, // 售后关闭
] as const;

/** Checks the six 售后 badges in `scope` against the fixture, deadlines shifted to `t0` (when it was served). */
async function expectAftersaleBadges(scope: Page | FrameLocator, t0: number) {
  await expect(scope.locator(BADGE)).toHaveCount(AFTERSALES.length);
  for (const e of AFTERSALES) {
    // The content row carries the after-sale id (data-row-key); the badge sits in its status cell.
    const badge = scope.locator(`tr[data-row-key="${e.id}"] ${BADGE}`);
    await expect(badge).toHaveCount(1);
    await expect(badge).toHaveAttribute('data-ticket-key', new RegExp(`^douyin:[^:]+:aftersale:${e.id}$`));
    await expect(badge).toHaveAttribute('data-state', e.state);
    const due = await badge.getAttribute('data-due-at');
    if (e.offset === undefined) expect(due).toBe('');
    else expect(Math.abs(Number(due) - (t0 + e.offset))).toBeLessThan(15 * S);
    // The badge is in the 售后状态 cell, next to the page's own countdown, not in another column.
    await expect(scope.locator(`tr[data-row-key="${e.id}"] td`, { has: scope.locator(BADGE) })).toContainText(
      /待|退款成功|售后关闭/,
    );
  }
}

for (const v of [
  { name: 'XHR, seconds', query: '', json: 'aftersale-list--base.json' },
  { name: 'fetch, milliseconds', query: '?__transport=fetch', json: 'aftersale-list--ms.json' },
  { name: 'aurora kit', query: '?__kit=aurora', json: 'aftersale-list--base.json' },
]) {
  test(`抖店 售后 workbench (${v.name}): badges on each row with the status_deadline, stored in Dexie`, async () => {
    await serve(l.context, ORIGIN, [
      ['/ffa/merchant-aftersale-workbench/aftersale/list', fixture('douyin', 'aftersale-list--base.html')],
      ['/after_sale/pc/list', fixture('douyin', v.json)],
    ]);
    const page = await l.context.newPage();
    const t0 = Date.now();
    await page.goto(WORKBENCH + v.query);
    await expectAftersaleBadges(page, t0);
    await expect(page.locator(`${BADGE}[data-ticket-key$=":7440987654321987654"] .b`)).toContainText(
      /^已逾期 (1小时59分|2小时0[01]分)/,
    );

    const tickets = await ticketsById(l.worker);
    expect([...tickets.keys()].sort()).toEqual(AFTERSALES.map((e) => e.id).sort());
    const open = tickets.get('7441250812345678901')!;
    expect(open).toMatchObject({ status: 'pending', dueSource: 'platform', orderId: '6941239876543210123' });
    expect(open.shopId).toBe('98765432'); // order_info.shop_id of the response
    expect(tickets.get('7441187654321098765')).toMatchObject({ status: 'processing', dueSource: 'platform' });
    expect(tickets.get('7440876543210876543')).toMatchObject({ status: 'done' });
    // status_deadline 0 is Douyin's "none": no platform deadline is stored for the finished item.
    expect(tickets.get('7440876543210876543')!.platformDueAt).toBeUndefined();
  });
}

test('抖店 售后 with a slow list response: one ticket and one badge per row, all under the real shop', async () => {
  // This stand-in renders its rows from the response, so a slow response alone does not put the DOM read
  // first; the DOM-before-JSON order itself is made certain in tests/unit/runtime/session.test.ts.
  await serve(l.context, ORIGIN, [
    ['/ffa/merchant-aftersale-workbench/aftersale/list', fixture('douyin', 'aftersale-list--base.html')],
    ['/after_sale/pc/list', delayed(2500, fixture('douyin', 'aftersale-list--base.json'))],
  ]);
  const page = await l.context.newPage();
  await page.goto(WORKBENCH);
  await expect
    .poll(async () => (await readTable<{ shopId: string }>(l.worker, 'tickets')).map((t) => t.shopId))
    .toContain('98765432');
  // One badge per row, each under the real shop's key (the stand-in's badges were replaced, not kept beside).
  // Deadlines are not compared to the JSON here: the DOM text's, within the merge's 90 s jitter, may stay.
  await expect(page.locator(BADGE)).toHaveCount(AFTERSALES.length);
  for (const e of AFTERSALES)
    await expect(page.locator(`tr[data-row-key="${e.id}"] ${BADGE}`)).toHaveAttribute(
      'data-ticket-key',
      `douyin:98765432:aftersale:${e.id}`,
    );
  const rows = await readTable<{ key: string; shopId: string }>(l.worker, 'tickets');
  expect(rows.map((t) => t.shopId)).toEqual(AFTERSALES.map(() => '98765432'));
  expect(rows).toHaveLength(AFTERSALES.length);
});

test('抖店 售后 list in a same-origin iframe: badges inside the frame, the shell reports no drift', async () => {
  await serveSurface(l.context, surface('douyin-aftersale-iframe'));
  const page = await l.context.newPage();
  const t0 = Date.now();
  await page.goto(WORKBENCH);
  const frame = page.frameLocator('iframe[title="售后列表"]');
  await expectAftersaleBadges(frame, t0);
  // The shell itself has no rows and no badges.
  await expect(page.locator(BADGE)).toHaveCount(0);
  const inner = page.frames().find((f) => f.url().includes('/ffa/maftersale/aftersale/list'));
  expect(inner, 'the list frame').toBeDefined();
  expect(await inner!.locator(BADGE).count()).toBe(AFTERSALES.length);

  expect((await ticketsById(l.worker)).size).toBe(AFTERSALES.length);
  // The shell receives no list response (the frame does), so it holds no tickets: its drift check, which
  // needs tickets read and no row matched, can never fire.
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-page', 'douyin.aftersale-list');
  await expect(page.locator('html')).not.toHaveAttribute('data-ticket-radar-tickets', /.*/);
  expect(await healthCodes(l.worker)).not.toContain('no-rows');
});

test('抖店 售后 logged out (code 10008): no badges, not-logged-in recorded', async () => {
  await serve(l.context, ORIGIN, [
    ['/ffa/merchant-aftersale-workbench/aftersale/list', fixture('douyin', 'aftersale-list--base.html')],
    ['/after_sale/pc/list', fixture('douyin', 'aftersale-list--logged-out.json')],
  ]);
  const page = await l.context.newPage();
  await page.goto(WORKBENCH);
  await expect(page.getByText('登录已失效，请重新登录')).toBeVisible();
  await expect.poll(() => healthCodes(l.worker)).toContain('not-logged-in');
  await expect(page.locator(BADGE)).toHaveCount(0);
  expect(await readTable(l.worker, 'tickets')).toEqual([]);
});

test('抖店 售后 时效延长: a later status_deadline replaces the stored one, the change is kept', async () => {
  let json = 'aftersale-list--base.json';
  const api: Responder = (route, url) => fixture('douyin', json)(route, url);
  await serve(l.context, ORIGIN, [
    ['/ffa/merchant-aftersale-workbench/aftersale/list', fixture('douyin', 'aftersale-list--base.html')],
    ['/after_sale/pc/list', api],
  ]);
  const page = await l.context.newPage();
  const t0 = Date.now();
  await page.goto(WORKBENCH);
  const badge = page.locator(`tr[data-row-key="7441250812345678901"] ${BADGE}`);
  await expect(badge).toHaveCount(1);
  const before = Number(await badge.getAttribute('data-due-at'));
  expect(Math.abs(before - (t0 + 79_950 * S))).toBeLessThan(15 * S);

  json = 'aftersale-list--extended.json'; // the same item, deadline one day later, tagged 时效延长
  await page.evaluate(() => (window as unknown as { __reloadList(): void }).__reloadList());
  await expect.poll(async () => Number(await badge.getAttribute('data-due-at'))).toBeGreaterThan(before + DAY - 15 * S);
  const t = (
    await readTable<{ nativeId: string; dueAt: number; tags: string[]; dueHistory: { from: number; to: number }[] }>(
      l.worker,
      'tickets',
    )
  ).find((x) => x.nativeId === '7441250812345678901')!;
  expect(t.dueAt - before).toBeGreaterThan(DAY - 15 * S);
  expect(t.tags).toContain('时效延长');
  expect(t.dueHistory).toEqual([expect.objectContaining({ from: before, to: t.dueAt })]);
});

// ---- 服务工单 ----

/** service--records.json relative to FIXTURE_NOW. */
const SERVICE_TICKETS = [
  '7440112233445566001',
  '7440112233445566002',
  '7440112233445566003',
  '7440112233445566004',
  '7440112233445566005',
];

test('抖店 服务工单 (real React): tickets read from the row records, rule deadline without a platform one', async () => {
  await serveSurface(l.context, surface('douyin-service'));
  const page = await l.context.newPage();
  const t0 = Date.now();
  await page.goto(SERVICE);
  await expect(page.locator(BADGE)).toHaveCount(SERVICE_TICKETS.length);
  const t1 = Date.now();
  for (const id of SERVICE_TICKETS) {
    // The badge sits in the 处理进度 cell of the row whose 工单ID it is.
    const row = page.locator('tbody tr', { hasText: `工单ID: ${id}` });
    await expect(row.locator(BADGE)).toHaveAttribute('data-ticket-key', new RegExp(`:${id}$`));
    await expect(row.locator('td', { has: page.locator(BADGE) })).toContainText(/待处理|处理中|已逾期|已完结/);
  }
  await expect(page.locator(`${BADGE}[data-ticket-key$=":7440112233445566001"]`)).toHaveAttribute('data-state', 'soon');
  await expect(page.locator(`${BADGE}[data-ticket-key$=":7440112233445566003"]`)).toHaveAttribute(
    'data-state',
    'overdue',
  );
  await expect(page.locator(`${BADGE}[data-ticket-key$=":7440112233445566005"]`)).toHaveAttribute('data-state', 'none');

  const tickets = await ticketsById(l.worker);
  expect([...tickets.keys()].sort()).toEqual(SERVICE_TICKETS);
  // delay_end_time from the record is to the second (due in 1 h 12 min 30 s); the row only shows
  // 剩余1小时12分, which would put it 30 s earlier. So this deadline came from the record.
  const urgent = tickets.get('7440112233445566001')!;
  expect(urgent).toMatchObject({
    buyer: '夏**',
    kind: 'urge-ship',
    status: 'pending',
    urgent: true,
    dueSource: 'platform',
  });
  expect(urgent.dueAt!).toBeGreaterThanOrEqual(t0 + 4350 * S - 2 * S);
  expect(urgent.dueAt!).toBeLessThanOrEqual(t1 + 4350 * S + 2 * S);
  expect(urgent.tags).toEqual(expect.arrayContaining(['紧急', '催', '服务请求']));
  expect(tickets.get('7440112233445566002')).toMatchObject({
    buyer: 'l***n',
    status: 'processing',
    dueSource: 'platform',
  });
  // delay_time_left −7200 s: two hours late.
  const late = tickets.get('7440112233445566003')!;
  expect(Math.abs(late.dueAt! - (t0 - 2 * H))).toBeLessThan(15 * S);

  // No delay_end_time / time left: the 09:00–21:00 service rule from the creation time (今天 … , moved to now − 20 min).
  const ruled = tickets.get('7440112233445566004')!;
  expect(ruled.dueSource).toBe('rule:douyin-service-normal');
  expect(Math.abs(ruled.createdAt! - (t0 - 20 * MIN))).toBeLessThan(2 * MIN);
  expect(ruled.dueAt).toBe(douyinWindowDue(ruled.createdAt!, 24 * H));
  await expect(page.locator(`${BADGE}[data-ticket-key$=":7440112233445566004"] .src`)).toHaveText('按规则');
  expect(tickets.get('7440112233445566005')).toMatchObject({ status: 'done' });

  // The records themselves reached the content script (the capture keeps them, buyer names redacted).
  const capture = await l.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://fxg.jinritemai.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'capture/collect' });
  });
  expect(capture.page).toBe('douyin.service-tickets');
  expect(capture.records).toHaveLength(SERVICE_TICKETS.length);
  expect(capture.records[0]).toMatchObject({ orderService: { service_id: '7440112233445566001' } });
  expect(JSON.stringify(capture.records)).not.toContain('夏**');
});

/** service--rendered.html: the React app's output at FIXTURE_NOW, with no script, so no row records exist. */
const RENDERED = readFileSync(join(FIXTURES, 'douyin', 'service--rendered.html'), 'utf8');

/**
 * Like the real SPA, the rows arrive after the document loaded: a plain script (no React, so no fiber
 * expandos and no records) takes the rendered table out while the page parses and puts it back 100 ms later.
 */
function rendersLater(html: string): string {
  const script = `<script>(function () {
    var root = document.getElementById('root'), rows = root.innerHTML;
    root.innerHTML = '<div class="auxo-spin auxo-spin-spinning">加载中…</div>';
    setTimeout(function () { root.innerHTML = rows; }, 100);
  })();</script>`;
  return html.replace('</body>', `${script}</body>`);
}

test('抖店 服务工单 without React records: the DOM text gives the same tickets', async () => {
  await serve(l.context, ORIGIN, [['/ffa/task-order/service', text(rendersLater(RENDERED))]]);
  const page = await l.context.newPage();
  const t0 = Date.now();
  await page.goto(SERVICE);
  await expect(page.locator(BADGE)).toHaveCount(SERVICE_TICKETS.length);
  const tickets = await ticketsById(l.worker);
  expect([...tickets.keys()].sort()).toEqual(SERVICE_TICKETS);
  // 剩余1小时12分 read from the row: minute precision, counted from when the row was read.
  const urgent = tickets.get('7440112233445566001')!;
  expect(urgent).toMatchObject({ buyer: '夏**', urgent: true, dueSource: 'platform' });
  expect(Math.abs(urgent.dueAt! - (t0 + 72 * MIN))).toBeLessThan(30 * S);
  expect(Math.abs(tickets.get('7440112233445566003')!.dueAt! - (t0 - 2 * H))).toBeLessThan(30 * S);
  expect(tickets.get('7440112233445566004')!.dueSource).toBe('rule:douyin-service-normal');
  expect(tickets.get('7440112233445566005')).toMatchObject({ status: 'done' });
  // Static text: the rendered times are FIXTURE_NOW's (创建时间 2026-11-25 09:12:30 Beijing).
  expect(urgent.createdAt).toBe(FIXTURE_NOW - 47 * MIN - 30 * S);
  for (const id of SERVICE_TICKETS) {
    await expect(page.locator('tbody tr', { hasText: `工单ID: ${id}` }).locator(BADGE)).toHaveAttribute(
      'data-ticket-key',
      new RegExp(`:${id}$`),
    );
  }
});

test('抖店 服务工单 紧急 row without a countdown: the 2 h urgent rule', async () => {
  // A variant of the rendered page where the urgent ticket shows no time left.
  const html = RENDERED.replace('<div class="index_timeout__3HqPz">剩余1小时12分</div>', '');
  expect(html).not.toBe(RENDERED);
  await serve(l.context, ORIGIN, [['/ffa/task-order/service', text(rendersLater(html))]]);
  const page = await l.context.newPage();
  await page.goto(SERVICE);
  await expect(page.locator(BADGE)).toHaveCount(SERVICE_TICKETS.length);
  const urgent = (await ticketsById(l.worker)).get('7440112233445566001')!;
  expect(urgent).toMatchObject({ urgent: true, dueSource: 'rule:douyin-service-urgent' });
  expect(urgent.dueAt).toBe(douyinWindowDue(urgent.createdAt!, 2 * H));
});

test('抖店 服务工单 served as static HTML (rows present at load, no later mutation): badges appear', async () => {
  await serve(l.context, ORIGIN, [['/ffa/task-order/service', text(RENDERED)]]);
  const page = await l.context.newPage();
  await page.goto(SERVICE);
  await expect(page.locator(BADGE)).toHaveCount(SERVICE_TICKETS.length);
});

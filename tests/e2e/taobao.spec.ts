/**
 * 淘宝/天猫 seller center (myseller.taobao.com, qn.taobao.com) in the browser with the built extension: the
 * refund list (deadlines from countdown text and from a timeout timestamp), task tickets (催揽收/催发货) found by
 * content with rule deadlines, same-host pages that are not task pages, and the logged-out page.
 * Pages are the SPA stand-ins of tests/fixtures/taobao, their `{{T-2h}}` times filled at serve time.
 */
import { expect, test, type Page } from '@playwright/test';
import { surface, TAOBAO_TASK_TICKETS_URL } from '../support/surfaces';
import {
  BADGE,
  fixture,
  fixtureWithTimes,
  healthCodes,
  launchWithExtension,
  readTable,
  serve,
  serveSurface,
  ticketsById,
  type Launched,
  readiness,
  readinessAbove,
} from './harness';

const ORIGIN = 'https://myseller.taobao.com';
const REFUNDS = `${ORIGIN}/home.htm/trade-platform/refund-list`;
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

const badgeOf = (page: Page, id: string) => page.locator('tr.next-table-row', { hasText: id }).locator(BADGE);
const dueOf = async (page: Page, id: string) => Number(await badgeOf(page, id).getAttribute('data-due-at'));

// ---- refund list ----

for (const host of ['myseller.taobao.com', 'qn.taobao.com']) {
  test(`退款列表 on ${host}: deadlines from the countdown text and from the timeout timestamp`, async () => {
    await serve(l.context, `https://${host}`, [
      ['/home.htm/trade-platform/refund-list', fixtureWithTimes('taobao', 'refund-list--base.html')],
    ]);
    const page = await l.context.newPage();
    const t0 = Date.now();
    await page.goto(`https://${host}/home.htm/trade-platform/refund-list`);
    await expect(page.locator(BADGE)).toHaveCount(4);
    const now = Date.now();

    // 001: ticking 剩余1天01时32分…秒 → time left read at `now`, to the minute.
    await expect(badgeOf(page, '204812345670001001')).toHaveAttribute('data-state', 'ok');
    expect(Math.abs((await dueOf(page, '204812345670001001')) - (now + DAY + H + 32 * MIN))).toBeLessThan(MIN);
    // 002: 超时时间：<served + 1 day> → the timestamp, to the second.
    await expect(badgeOf(page, '204812345670001002')).toHaveAttribute('data-state', 'ok');
    expect(Math.abs((await dueOf(page, '204812345670001002')) - (t0 + DAY))).toBeLessThan(5 * S);
    // 003: 已超时2小时15分 → 2 h 15 min late.
    await expect(badgeOf(page, '204812345670001003')).toHaveAttribute('data-state', 'overdue');
    expect(Math.abs((await dueOf(page, '204812345670001003')) - (now - 2 * H - 15 * MIN))).toBeLessThan(MIN);
    // 004: 退款成功 → finished: a grey 已处理 badge, no due time.
    await expect(badgeOf(page, '204812345670001004')).toHaveAttribute('data-state', 'none');
    await expect(badgeOf(page, '204812345670001004')).toHaveAttribute('data-due-at', '');
    // Badges sit in the 退款状态 cell, beside the page's own countdown.
    await expect(page.locator('tr.next-table-row td', { has: page.locator(BADGE) }).first()).toContainText(
      '等待卖家同意',
    );

    const tickets = await ticketsById(l.worker);
    expect([...tickets.keys()].sort()).toEqual([
      '204812345670001001',
      '204812345670001002',
      '204812345670001003',
      '204812345670001004',
    ]);
    expect(tickets.get('204812345670001001')).toMatchObject({
      kind: 'refund',
      status: 'pending',
      orderId: '4061234567890123456',
      amountFen: 5990,
      dueSource: 'platform',
    });
    expect(tickets.get('204812345670001002')).toMatchObject({ kind: 'return', dueSource: 'platform' });
    expect(tickets.get('204812345670001003')).toMatchObject({ kind: 'exchange', dueSource: 'platform' });
    expect(tickets.get('204812345670001004')).toMatchObject({ status: 'done' });
    expect(tickets.get('204812345670001004')!.platformDueAt).toBeUndefined();
    // Shop from the header nick 暖居家纺旗舰店:小美 (shop name, not the sub-account).
    expect(new Set([...tickets.values()].map((t) => t.shopId)).size).toBe(1);
    const shops = await readTable<{ name?: string }>(l.worker, 'shops');
    expect(shops.map((s) => s.name)).toEqual(['暖居家纺旗舰店']);
  });
}

test('退款列表 countdown text ticking every second does not move the deadline', async () => {
  await serveSurface(l.context, surface('taobao-refunds'));
  const page = await l.context.newPage();
  await page.goto(REFUNDS);
  await expect(page.locator(BADGE)).toHaveCount(4);
  const first = await dueOf(page, '204812345670001001');
  const countdown = page.locator('tr.next-table-row', { hasText: '204812345670001001' }).locator('.refund-timeout');
  const shown = await countdown.textContent();
  await expect.poll(() => countdown.textContent()).not.toBe(shown); // the page ticks…
  const ticked = await countdown.textContent();
  const changes = await readiness(page, 'changes');
  await expect.poll(() => countdown.textContent()).not.toBe(ticked); // …and ticks again…
  // …which the overlay does not take for a change to re-read (only running countdowns moved: issue 12)…
  expect(await readiness(page, 'changes')).toBe(changes);
  await expect(page.locator('html')).toHaveAttribute('data-ticket-radar-badges', '4');
  expect(await dueOf(page, '204812345670001001')).toBe(first); // …and the deadline stays put
  const stored = (await ticketsById(l.worker)).get('204812345670001001')!;
  expect(stored.dueAt).toBe(first);
});

test('退款列表 logged out: the login box, no badges, not-logged-in recorded', async () => {
  await serve(l.context, ORIGIN, [
    ['/home.htm/trade-platform/refund-list', fixtureWithTimes('taobao', 'refund-list--base.html')],
  ]);
  const page = await l.context.newPage();
  await page.goto(`${REFUNDS}?__state=logged-out`);
  await expect(page.locator('#fm-login-id')).toBeVisible();
  await expect.poll(() => healthCodes(l.worker)).toContain('not-logged-in');
  await expect(page.locator(BADGE)).toHaveCount(0);
  expect(await readTable(l.worker, 'tickets')).toEqual([]);
});

// ---- task tickets (催揽收 / 催发货), found by content ----

test('任务工单 found by content: 催揽收 due 24 h after creation (taobao-urge-pickup), shown countdown wins', async () => {
  await serveSurface(l.context, surface('taobao-task-tickets'));
  const page = await l.context.newPage();
  const t0 = Date.now();
  await page.goto(TAOBAO_TASK_TICKETS_URL);
  await expect(page.locator(BADGE)).toHaveCount(5);
  const now = Date.now();
  const tickets = await ticketsById(l.worker);
  expect([...tickets.keys()].sort()).toEqual([
    '8810000123451',
    '8810000123452',
    '8810000123453',
    '8810000123454',
    '8810000123455',
  ]);

  // 催揽收 created 17 h 40 min ago, no countdown shown: the rule, 24 h calendar from creation.
  const pickup = tickets.get('8810000123451')!;
  expect(pickup).toMatchObject({
    kind: 'urge-pickup',
    status: 'pending',
    dueSource: 'rule:taobao-urge-pickup',
    trackingNo: 'YT7512345678901',
  });
  expect(Math.abs(pickup.createdAt! - (t0 - 17 * H - 40 * MIN))).toBeLessThan(5 * S);
  expect(pickup.dueAt).toBe(pickup.createdAt! + DAY);
  await expect(badgeOf(page, '8810000123451')).toHaveAttribute('data-due-at', String(pickup.createdAt! + DAY));
  await expect(badgeOf(page, '8810000123451').locator('.src')).toHaveText('按规则');

  // 催揽收 showing 已超时30分钟: the page's own countdown is the platform deadline.
  const late = tickets.get('8810000123453')!;
  expect(late).toMatchObject({ kind: 'urge-pickup', dueSource: 'platform' });
  expect(Math.abs(late.dueAt! - (now - 30 * MIN))).toBeLessThan(MIN);
  await expect(badgeOf(page, '8810000123453')).toHaveAttribute('data-state', 'overdue');

  // 催发货 before shipping: taobao-pickup-after-urge-ship starts only once shipped, so the default 24 h rule applies.
  const ship = tickets.get('8810000123452')!;
  expect(ship).toMatchObject({ kind: 'urge-ship', status: 'pending', dueSource: 'rule:default' });
  expect(ship.dueAt).toBe(ship.createdAt! + DAY);

  // 已回复 → done; 协同工单 → a service request with the default rule.
  expect(tickets.get('8810000123454')).toMatchObject({ kind: 'urge-pickup', status: 'done' });
  await expect(badgeOf(page, '8810000123454')).toHaveAttribute('data-state', 'none');
  expect(tickets.get('8810000123455')).toMatchObject({ kind: 'service-request', status: 'processing' });
});

test('same-host pages that are not task pages (已卖出的宝贝, 商家成长任务) get no badges', async () => {
  await serve(l.context, ORIGIN, [
    ['/home.htm/trade-platform/tp/sold', fixture('taobao', 'sold-orders--rendered.html')],
    ['/home.htm/growth/task-center', fixture('taobao', 'task-center--rendered.html')],
    // The positive control, served the same way (static HTML): the detector does run on such pages.
    ['/home.htm/work-task/static', fixture('taobao', 'task-tickets--rendered.html')],
  ]);
  const page = await l.context.newPage();
  await page.goto(`${ORIGIN}/home.htm/work-task/static`);
  await expect(page.locator(BADGE)).toHaveCount(5);
  const stored = (await readTable(l.worker, 'tickets')).length;

  for (const path of ['/home.htm/trade-platform/tp/sold', '/home.htm/growth/task-center']) {
    const other = await l.context.newPage();
    await other.goto(ORIGIN + path);
    await expect(other.locator('tr.next-table-row').first()).toBeVisible();
    // Content detection is debounced (300 ms) on DOM changes: wait until it checked the rendered rows.
    await readinessAbove(other, 'detects', 0);
    await expect(other.locator('html')).toHaveAttribute('data-ticket-radar-page', '');
    await expect(other.locator(BADGE)).toHaveCount(0);
  }
  expect((await readTable(l.worker, 'tickets')).length).toBe(stored);
});

import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { BADGE, fixture, launchWithExtension, readTable, serve, type Launched } from './harness';

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => l.close());

test('editing a rule recomputes stored rule deadlines; platform deadlines and unreadable ones stay', async () => {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    // 9001002 has no deadline (→ default rule, 24 h from creation); 9001003's deadline is unreadable.
    ['/strickland/sop/mms/todoList', fixture('pdd', 'work-order-list--fields-missing.json')],
  ]);
  const page = await l.context.newPage();
  await page.goto('https://mms.pinduoduo.com/aftersales/work_order/list');
  await expect(page.locator(BADGE)).toHaveCount(2);
  type Row = { nativeId: string; createdAt: number; dueAt?: number; dueSource?: string };
  const byId = async () => Object.fromEntries((await readTable<Row>(l.worker, 'tickets')).map((t) => [t.nativeId, t]));
  const before = await byId();
  expect(before['9001002']).toMatchObject({
    dueSource: 'rule:default',
    dueAt: before['9001002']!.createdAt + 24 * 3600_000,
  });
  expect(before['9001003']!.dueAt).toBeUndefined();
  await expect(page.locator('[data-ticket-key$=":9001003"]')).toHaveAttribute('data-state', 'none');

  // The merchant changes the default rule to 48 h on the options page (the same storage write).
  const edited = structuredClone(DEFAULT_SETTINGS);
  edited.rules.find((r) => r.id === 'default')!.budgetMs = 48 * 3600_000;
  await l.worker.evaluate((settings) => chrome.storage.local.set({ settings }), edited);
  await expect
    .poll(async () => (await byId())['9001002']!.dueAt, { timeout: 10_000 })
    .toBe(before['9001002']!.createdAt + 48 * 3600_000);
  const after = await byId();
  expect(after['9001003']!.dueAt).toBeUndefined();
  expect(after['9001001']).toBeUndefined(); // dropped by validation (no instanceId): never guessed
});

import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { douyinWindowDue } from '../support/douyin-clock';
import { surface } from '../support/surfaces';
import { BADGE, fixture, launchWithExtension, readTable, serve, serveSurface, type Launched } from './harness';

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => l.close());

test('editing a rule recomputes stored rule deadlines; on PDD 工单 a missing platform deadline stays none', async () => {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    // 9001002 has no deadline: on PDD 工单 only the platform sets them, so none (never the 24 h default);
    // 9001003's deadline is unreadable.
    ['/strickland/sop/mms/todoList', fixture('pdd', 'work-order-list--fields-missing.json')],
  ]);
  await serveSurface(l.context, surface('douyin-service'));
  const page = await l.context.newPage();
  await page.goto('https://mms.pinduoduo.com/aftersales/work_order/list');
  await expect(page.locator(BADGE)).toHaveCount(2);
  const service = await l.context.newPage();
  await service.goto('https://fxg.jinritemai.com/ffa/task-order/service');
  await expect(service.locator(BADGE)).toHaveCount(5);
  type Row = { nativeId: string; createdAt: number; dueAt?: number; dueSource?: string };
  const byId = async () => Object.fromEntries((await readTable<Row>(l.worker, 'tickets')).map((t) => [t.nativeId, t]));
  const before = await byId();
  expect(before['9001002']!.dueAt).toBeUndefined();
  expect(before['9001002']!.dueSource).toBeUndefined();
  expect(before['9001003']!.dueAt).toBeUndefined();
  await expect(page.locator('[data-ticket-key$=":9001003"]')).toHaveAttribute('data-state', 'none');
  await expect(page.locator('[data-ticket-key$=":9001002"]')).toHaveAttribute('data-state', 'none');
  // The 服务工单 without a platform deadline: 24 h on the 09:00–21:00 clock.
  const ruled = before['7440112233445566004']!;
  expect(ruled.dueSource).toBe('rule:douyin-service-normal');

  // The merchant changes 抖店服务工单 to 12 h and the default rule to 48 h (the options page's storage write).
  const edited = structuredClone(DEFAULT_SETTINGS);
  edited.rules.find((r) => r.id === 'douyin-service-normal')!.budgetMs = 12 * 3600_000;
  edited.rules.find((r) => r.id === 'default')!.budgetMs = 48 * 3600_000;
  await l.worker.evaluate((settings) => chrome.storage.local.set({ settings }), edited);
  await expect
    .poll(async () => (await byId())['7440112233445566004']!.dueAt, { timeout: 10_000 })
    .toBe(douyinWindowDue(ruled.createdAt, 12 * 3600_000));
  // Its badge follows the stored row (the page's badges show the views of its last read: reload).
  await service.reload();
  await expect(service.locator('[data-ticket-key$=":7440112233445566004"]')).toHaveAttribute(
    'data-due-at',
    String(douyinWindowDue(ruled.createdAt, 12 * 3600_000)),
  );
  const after = await byId();
  expect(after['9001002']!.dueAt).toBeUndefined();
  expect(after['9001003']!.dueAt).toBeUndefined();
  expect(after['9001001']).toBeUndefined(); // dropped by validation (no instanceId): never guessed
});

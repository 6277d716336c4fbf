/**
 * The options page in the built extension: rules saved to chrome.storage.local, health entries recorded by a
 * real (fixture-served) marketplace page, shops muted in the extension's IndexedDB, and a backup round trip.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BADGE, fixture, launchWithExtension, readTable, serve, type Launched } from './harness';

const LIST = 'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav';
const SHOP_KEY = 'pdd:445566778';
const H = 3600_000;

interface StoredRule {
  id: string;
  budgetMs: number;
}

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => {
  await l.close();
});

async function servePdd(todo = 'work-order-list--base.json') {
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
    ['/strickland/sop/mms/todoList', fixture('pdd', todo)],
  ]);
}

async function openOptions(hash: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/options.html#${hash}`);
  return page;
}

/** The settings as stored by the extension (WXT storage item `local:settings`). */
const storedRules = () =>
  l.worker.evaluate(async () => {
    const got = await chrome.storage.local.get('settings');
    return ((got.settings as { rules?: StoredRule[] } | undefined)?.rules ?? []).map((r) => ({
      id: r.id,
      budgetMs: r.budgetMs,
    }));
  });

test('rules tab: a deep link opens it, an edited budget is validated, saved and stored', async () => {
  const page = await openOptions('rules');
  await expect(page.getByRole('tab', { name: '时效规则' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('第一条匹配的规则生效')).toBeVisible();

  const rule = page.locator('[data-rule-id="default"]');
  await rule.getByRole('button', { name: /^默认规则/ }).click();
  const hours = rule.getByLabel('时限（小时）');
  const minutes = rule.getByLabel('时限（分钟）');
  await expect(hours).toHaveValue('24');

  // Invalid first: nothing allowed is refused inline and not saved.
  await hours.fill('0');
  await minutes.fill('0');
  await expect(rule.getByRole('alert')).toContainText('时限须大于 0');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '需要修正' })).toBeVisible();
  expect((await storedRules()).find((r) => r.id === 'default')?.budgetMs ?? 24 * H).toBe(24 * H);

  // Then 6 h 30 min: the live preview follows the edit before anything is saved.
  await hours.fill('6');
  await minutes.fill('30');
  await rule.getByLabel('起算时间（北京时间）').fill('2026-11-24T20:00');
  await expect(rule.getByTestId('preview-due')).toHaveText('截止 2026-11-25 02:30（北京时间）');
  await expect(rule.getByRole('list', { name: '计算过程' })).toContainText('时限 6 小时 30 分');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect.poll(async () => (await storedRules()).find((r) => r.id === 'default')?.budgetMs).toBe(6.5 * H);
  // The other rules were saved as they were.
  expect((await storedRules()).find((r) => r.id === 'taobao-urge-pickup')?.budgetMs).toBe(24 * H);

  // A fresh page shows the stored value.
  await page.reload();
  await page
    .locator('[data-rule-id="default"]')
    .getByRole('button', { name: /^默认规则/ })
    .click();
  await expect(page.locator('[data-rule-id="default"]').getByLabel('时限（小时）')).toHaveValue('6');
});

test('diagnostics tab: lists the health entry a logged-out PDD page recorded, and clears the log', async () => {
  await servePdd('work-order-list--logged-out.json');
  const pdd = await l.context.newPage();
  await pdd.goto(LIST);
  await expect
    .poll(async () => (await readTable<{ code: string }>(l.worker, 'health')).map((h) => h.code))
    .toContain('not-logged-in');

  const page = await openOptions('diagnostics');
  const row = page.locator('[data-code="not-logged-in"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('拼多多');
  await expect(row).toContainText('拼多多 工单列表');
  await expect(row.locator('td.num')).toHaveText(/^\d+$/);

  // The supported surfaces come from the adapter registry, with their confidence.
  await expect(page.locator('[data-surface="pdd.work-order-list"]')).toContainText('多方印证');
  await expect(page.locator('[data-surface="taobao.task-tickets"]')).toContainText('推测');

  await page.getByRole('button', { name: '清空记录' }).click();
  await page.getByRole('button', { name: '清空', exact: true }).click();
  await expect(page.getByText('没有记录，一切正常。')).toBeVisible();
  expect(await readTable(l.worker, 'health')).toEqual([]);
});

test('shops tab: a shop seen on the PDD list can be renamed and muted', async () => {
  await servePdd();
  const pdd = await l.context.newPage();
  await pdd.goto(LIST);
  await expect(pdd.locator(BADGE)).toHaveCount(4);
  await expect
    .poll(async () => (await readTable<{ key: string }>(l.worker, 'shops')).map((s) => s.key))
    .toEqual([SHOP_KEY]);

  const page = await openOptions('shops');
  const row = page.locator(`[data-shop-key="${SHOP_KEY}"]`);
  await expect(row).toContainText('445566778');
  await expect(row.locator('td.num')).toHaveText('4');
  await expect(row).not.toContainText('未能从页面识别店铺 ID');

  await row.getByRole('button', { name: '静音', exact: true }).click();
  await expect(row.getByRole('button', { name: '取消静音' })).toBeVisible();
  await expect.poll(async () => (await readTable<{ muted: boolean }>(l.worker, 'shops'))[0]?.muted).toBe(true);

  const alias = row.getByRole('textbox');
  await alias.fill('  家纺主店 ');
  await alias.press('Enter');
  await expect.poll(async () => (await readTable<{ alias?: string }>(l.worker, 'shops'))[0]?.alias).toBe('家纺主店');

  await row.getByRole('button', { name: '取消静音' }).click();
  await expect.poll(async () => (await readTable<{ muted: boolean }>(l.worker, 'shops'))[0]?.muted).toBe(false);
});

test('diagnostics tab: export all data, then import an edited backup after a dry-run', async () => {
  const outDir = test.info().outputDir;
  await servePdd();
  const pdd = await l.context.newPage();
  await pdd.goto(LIST);
  await expect(pdd.locator(BADGE)).toHaveCount(4);
  await expect.poll(async () => (await readTable(l.worker, 'shops')).length).toBe(1);

  const page = await openOptions('diagnostics');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部数据' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ticket-radar-backup-\d{8}-\d{4}\.json$/);
  const exported = join(outDir, 'backup.json');
  await download.saveAs(exported);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as {
    format: string;
    tickets: { key: string }[];
    shops: { alias?: string }[];
  };
  expect(file.format).toBe('ticket-radar/backup');
  expect(file.tickets).toHaveLength(4);

  // Edit the backup: one shop alias changed, one ticket broken.
  file.shops[0]!.alias = '备份里的名字';
  (file.tickets[0] as Record<string, unknown>).status = 'lost';
  const edited = join(outDir, 'edited.json');
  writeFileSync(edited, JSON.stringify(file));

  await page.getByTestId('backup-file').setInputFiles(edited);
  const plan = page.getByTestId('backup-dry-run');
  await expect(plan).toBeVisible();
  await expect(plan.locator('[data-table="shops"] [data-col="changed"]')).toHaveText('1');
  await expect(plan.locator('[data-table="tickets"] [data-col="unchanged"]')).toHaveText('3');
  await expect(plan.locator('[data-table="tickets"] [data-col="invalid"]')).toHaveText('1');
  await expect(plan.locator('[data-table="settings"]')).toContainText('与当前相同');

  await plan.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByText(/已导入：工单 0、店铺 1、模板 0/)).toBeVisible();
  expect((await readTable<{ alias?: string }>(l.worker, 'shops'))[0]?.alias).toBe('备份里的名字');
  // The invalid ticket was skipped: the stored one keeps its status.
  const tickets = await readTable<{ key: string; status: string }>(l.worker, 'tickets');
  expect(tickets.find((t) => t.key === file.tickets[0]!.key)?.status).toBe('pending');
});

test('notifications tab: changes from NotificationSettings are stored', async () => {
  const page = await openOptions('notifications');
  const enabled = page.getByRole('checkbox', { name: /启用到期提醒/ });
  await expect(enabled).toBeChecked();
  await enabled.uncheck();
  await expect
    .poll(() =>
      l.worker.evaluate(async () => {
        const got = await chrome.storage.local.get('settings');
        return (got.settings as { notifications?: { enabled: boolean } } | undefined)?.notifications?.enabled;
      }),
    )
    .toBe(false);
});

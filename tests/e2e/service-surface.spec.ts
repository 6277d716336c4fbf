/**
 * Issue 9 in the browser: a 服务工单 page whose rows are of every ordinary business kind (sla-rules.md), with
 * type cells of two lines, one line or none, and no platform deadline. Every badge's `data-due-at` is the
 * 09:00–21:00 computation from the row's creation time (urgent words: 2 h), never the 24 h calendar default.
 */
import { expect, test } from '@playwright/test';
import { douyinWindowDue } from '../support/douyin-clock';
import { BADGE, fixture, launchWithExtension, readTable, serve, type Launched } from './harness';

let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
});
test.afterEach(async () => l?.close());

const H = 3600_000;

test('抖店 服务工单 of every ordinary kind: each badge is due on the 09:00–21:00 clock', async () => {
  await serve(l.context, 'https://fxg.jinritemai.com', [
    ['/ffa/task-order/service', fixture('douyin', 'service--ordinary-kinds.html')],
  ]);
  const page = await l.context.newPage();
  await page.goto('https://fxg.jinritemai.com/ffa/task-order/service');
  await expect(page.locator(BADGE)).toHaveCount(13);
  type Row = { key: string; nativeId: string; surface: string; createdAt: number; urgent: boolean; tags: string[] };
  await expect.poll(async () => (await readTable<Row>(l.worker, 'tickets')).length).toBe(13);
  const rows = await readTable<Row>(l.worker, 'tickets');
  for (const t of rows) {
    expect(t.surface).toBe('douyin.service-tickets');
    expect(t.key).toMatch(new RegExp(`^douyin:[^:]+:service:${t.nativeId}$`));
    const urgent = t.urgent || t.tags.includes('风险商品');
    const badge = page.locator(`${BADGE}[data-ticket-key="${t.key}"]`);
    await expect(badge).toHaveAttribute('data-due-at', String(douyinWindowDue(t.createdAt, urgent ? 2 * H : 24 * H)));
  }
  // The example: 商品相关 created 07:46 is due 21:00 the next day (2026-11-26 21:00 Beijing).
  const first = rows.find((t) => t.nativeId.endsWith('00001'))!;
  await expect(page.locator(`${BADGE}[data-ticket-key="${first.key}"]`)).toHaveAttribute(
    'data-due-at',
    String(Date.UTC(2026, 10, 26, 13, 0)),
  );
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { launchWithExtension, openPopup } from './harness';
import { seedTickets } from './console-seed';

test('overview: on-time rate, trend and products as text; counts equal the popup; CSV with BOM and no formulas', async () => {
  const l = await launchWithExtension();
  try {
    const first = await openPopup(l);
    await expect(first.locator('[data-first-run]')).toBeVisible();
    await seedTickets(l.worker, { count: 400, now: Date.now(), finishedShare: 0.4 });
    // A buyer's text that Excel would run as a formula.
    await l.worker.evaluate(
      () =>
        new Promise<void>((res) => {
          const open = indexedDB.open('ticket-radar');
          open.onsuccess = () => {
            const tx = open.result.transaction('tickets', 'readwrite');
            const store = tx.objectStore('tickets');
            const get = store.get('pdd:445566778:workorder:100000');
            get.onsuccess = () => store.put({ ...get.result, title: '=HYPERLINK("http://x","点我")' });
            tx.oncomplete = () => res();
            tx.onerror = () => res();
          };
        }),
    );
    await first.reload();
    await first.waitForSelector('[data-open-count]');
    const popupAll = (await first.locator('[data-counts] tr[data-scope="all"] td').allTextContents()).map(Number);

    const page = await l.context.newPage();
    await page.goto(`chrome-extension://${l.extensionId}/options.html#overview`);
    await expect(page.locator('[data-on-time-text]')).toContainText(/按时处理率 \d+(\.\d)?%/);
    const stat = (label: string) =>
      page
        .locator('.opt-stat', { has: page.locator('.opt-stat__label', { hasText: label }) })
        .locator('.opt-stat__value');
    // The same counts, under the same names, as the popup header (state()): overdue, due soon, due today.
    // Web-first assertions: a missing label fails within the expect timeout and names the locator, where a
    // bare textContent() would wait out the whole test (how this test once "hung" on a mislabelled stat).
    await expect(stat('已逾期')).toHaveText(String(popupAll[0]));
    await expect(stat('即将到期')).toHaveText(String(popupAll[1]));
    await expect(stat('今天到期')).toHaveText(String(popupAll[2]));
    await page.getByText('查看数值').click();
    await expect(page.locator('[data-trend-table] tbody tr')).toHaveCount(14);
    await expect(page.locator('[data-section="overview-products"] [data-bar]').first()).toBeVisible();
    // Display names, never internal ids.
    await expect(page.locator('[data-section="overview-shops"]')).toContainText('好物旗舰店');

    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.locator('[data-action="export-tickets"]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(401);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    const figures = page.waitForEvent('download', { timeout: 15_000 });
    await page.locator('[data-action="export-figures"]').click();
    expect(readFileSync((await (await figures).path())!, 'utf8')).toMatch(/^\uFEFF类别,项目,指标,数值\r\n/);

    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: 'docs/screenshot-overview.png', fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 25)');
  } finally {
    await l.close();
  }
});

test('overview with 50,000 stored: computed in a worker, the page stays responsive', async () => {
  test.setTimeout(180_000);
  const l = await launchWithExtension();
  try {
    const first = await openPopup(l);
    await expect(first.locator('[data-first-run]')).toBeVisible();
    await seedTickets(l.worker, { count: 50_000, now: Date.now(), finishedShare: 0.36 });
    const page = await l.context.newPage();
    await page.goto(`chrome-extension://${l.extensionId}/options.html#overview`);
    // Long tasks on the page's main thread while the worker reads and sums 50,000 rows.
    await page.evaluate(() => {
      (window as unknown as { longest: number }).longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          (window as unknown as { longest: number }).longest = Math.max(
            (window as unknown as { longest: number }).longest,
            e.duration,
          );
      }).observe({ type: 'longtask', buffered: true });
    });
    await expect(page.locator('[data-on-time-text]')).toBeVisible({ timeout: 60_000 });
    const ms = await page.evaluate(() => performance.now());
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(
      `overview with 50,000: shown ${Math.round(ms)} ms after navigation; longest main-thread task ${Math.round(longest)} ms`,
    );
    expect(longest).toBeLessThan(500);
  } finally {
    await l.close();
  }
});

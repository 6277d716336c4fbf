import { expect, test } from '@playwright/test';
import { launchWithExtension, openPopup } from './harness';
import { seedTickets } from './console-seed';

/**
 * The options page in English and dark, on seeded data: default rule names translated, diagnostics explained in
 * words, shops named (a Taobao shop stored under a stand-in id shows its tickets' shop name, never the id).
 */
test('options in English and dark: rule names, diagnostics and shop names in the merchant’s words', async () => {
  process.env.TICKET_RADAR_LANG = 'en';
  const l = await launchWithExtension();
  try {
    const first = await openPopup(l);
    await expect(first.locator('[data-first-run]')).toBeVisible();
    await seedTickets(l.worker, { count: 200, now: Date.now(), finishedShare: 0.3 });
    await l.worker.evaluate(
      () =>
        new Promise<void>((res, rej) => {
          const open = indexedDB.open('ticket-radar');
          open.onsuccess = () => {
            const tx = open.result.transaction(['health', 'shops', 'tickets'], 'readwrite');
            tx.objectStore('health').put({
              id: 'taobao|taobao.refund-list|deadline-invalid',
              adapter: 'taobao',
              page: 'taobao.refund-list',
              code: 'deadline-invalid',
              detail: 'row 3: timeout text unreadable',
              path: '/home.htm/trade-platform/refund-list',
              count: 3,
              firstAt: Date.now() - 60_000,
              lastAt: Date.now(),
            });
            // A shop first stored under the header-name stand-in, its row without a name.
            const now = Date.now();
            tx.objectStore('shops').put({
              key: 'taobao:name-1uwmft0',
              platform: 'taobao',
              shopId: 'name-1uwmft0',
              muted: false,
              firstSeenAt: now,
              lastSeenAt: now,
            });
            tx.objectStore('tickets').put({
              key: 'taobao:name-1uwmft0:refund:9001',
              platform: 'taobao',
              surface: 'taobao.refund-list',
              shopId: 'name-1uwmft0',
              shopName: '暖居家纺',
              nativeId: '9001',
              kind: 'refund',
              title: '买家申请仅退款',
              status: 'pending',
              urgent: false,
              tags: [],
              url: 'https://myseller.taobao.com/home.htm/refund/detail?id=9001',
              dueHistory: [],
              firstSeenAt: now,
              lastSeenAt: now,
            });
            tx.oncomplete = () => res();
            tx.onerror = () => rej(tx.error);
          };
        }),
    );
    const page = await l.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${l.extensionId}/options.html#overview`);
    await expect(page.locator('[data-on-time-text]')).toContainText(/On-time rate/i);
    await expect(page.locator('[data-section="overview-totals"]')).toContainText('Due soon');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 25)');

    await page.goto(`chrome-extension://${l.extensionId}/options.html#rules`);
    await expect(page.locator('[data-rule-id="douyin-service-urgent"] .opt-rule__name')).toHaveText(
      'Douyin service ticket (urgent)',
    );
    await expect(page.locator('[data-rule-id="default"] .opt-rule__name')).toHaveText('Default rule');

    await page.goto(`chrome-extension://${l.extensionId}/options.html#diagnostics`);
    const health = page.locator('[data-code="deadline-invalid"] [data-health-text]');
    await expect(health).toContainText('could not be read');
    await expect(health).not.toContainText('timeout text unreadable');

    await page.goto(`chrome-extension://${l.extensionId}/options.html#shops`);
    const shop = page.locator('[data-shop-key="taobao:name-1uwmft0"]');
    await expect(shop.locator('[data-shop-name]')).toHaveText('暖居家纺');
    await expect(page.locator('#panel-shops')).not.toContainText('name-1uwmft0');
    await expect(page.locator('[data-shop-key="pdd:445566778"] [data-shop-name]')).toHaveText('好物旗舰店');
  } finally {
    delete process.env.TICKET_RADAR_LANG;
    await l.close();
  }
});

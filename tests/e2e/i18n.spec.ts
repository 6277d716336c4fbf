import { expect, test } from '@playwright/test';
import { BADGE, fixture, launchWithExtension, openPopup, serve } from './harness';

// Chinese first, English second: with an English browser UI the badges, tooltips and popup speak English.
test('an English browser gets English badges, explanations and popup', async () => {
  process.env.TICKET_RADAR_LANG = 'en';
  const l = await launchWithExtension();
  try {
    await serve(l.context, 'https://mms.pinduoduo.com', [
      ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
      ['/strickland/sop/mms/todoList', fixture('pdd', 'work-order-list--base.json')],
    ]);
    const page = await l.context.newPage();
    await page.goto('https://mms.pinduoduo.com/aftersales/work_order/list');
    const overdue = page.locator(`${BADGE}[data-ticket-key$=":9001001"]`);
    await expect(overdue.locator('.b')).toContainText(/^Overdue 1h 0[01]m/);
    await expect(overdue).toHaveAttribute(
      'title',
      /^Due 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d \(Beijing time\)\nPlatform deadline/,
    );
    const popup = await openPopup(l);
    await expect(popup.locator('[data-section="overdue"] h2')).toContainText('Overdue');
    await expect(popup.locator('[data-ticket-key$=":9001001"]')).toContainText('Pinduoduo');
  } finally {
    delete process.env.TICKET_RADAR_LANG;
    await l.close();
  }
});

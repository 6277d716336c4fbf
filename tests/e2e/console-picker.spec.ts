import { expect, test } from '@playwright/test';
import { fixture, launchWithExtension, serve, templatesStored } from './harness';

const CHAT = 'https://mms.pinduoduo.com/chat-merchant/index.html';

for (const [variant, filled] of [
  ['chat--refund-card.html', '¥12.30'],
  ['chat--base.html', undefined],
] as const) {
  test(`{退款金额} on the PDD chat, ${variant}: ${filled ? 'filled from the order card' : 'asked for (the card shows only the price paid)'}`, async () => {
    const l = await launchWithExtension();
    try {
      await serve(l.context, 'https://mms.pinduoduo.com', [['/chat-merchant/index.html', fixture('pdd', variant)]]);
      await templatesStored(l.worker);
      const page = await l.context.newPage();
      await page.goto(CHAT);
      await page.locator('[data-ticket-radar-picker-trigger] button').click();
      const picker = page.locator('[data-ticket-radar-picker]');
      await expect(picker).toBeVisible();
      // 同意退款: `…{退款金额}将按原支付方式退回…`
      await picker.locator('input').first().fill('同意退款');
      const preview = picker.getByTestId('preview');
      if (filled) {
        await expect(preview.locator('[data-variable-filled="refundAmount"]')).toHaveText(filled);
        await page.keyboard.press('Enter');
        await expect(page.locator('#replyTextarea')).toHaveValue(/¥12\.30将按原支付方式退回/);
      } else {
        await expect(preview.locator('input[data-variable="refundAmount"]')).toHaveAttribute('placeholder', '退款金额');
        await expect(preview.locator('[data-variable-filled="refundAmount"]')).toHaveCount(0);
      }
    } finally {
      await l.close();
    }
  });
}

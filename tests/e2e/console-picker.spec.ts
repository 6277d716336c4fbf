import { expect, test } from '@playwright/test';
import { fixture, launchWithExtension, readinessAbove, serve, templatesStored } from './harness';

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
      // The picker is a closed shadow root (issue 11): a trusted click on the trigger's host, the readiness
      // signal for its templates, and the test-only mirror of its preview on the host (template-picker-panel.tsx).
      await page.locator('[data-ticket-radar-picker-trigger]').click();
      const picker = page.locator('[data-ticket-radar-picker]');
      await expect(picker).toBeVisible();
      await readinessAbove(page, 'picker-templates', 0);
      // 同意退款: `…{退款金额}将按原支付方式退回…`
      await page.keyboard.type('同意退款');
      if (filled) {
        await expect(picker).toHaveAttribute('data-test-filled', /refundAmount/);
        await expect(picker).toHaveAttribute(
          'data-test-preview',
          new RegExp(`${filled.replace('.', '\\.')}将按原支付方式退回`),
        );
        await page.keyboard.press('Enter');
        await expect(page.locator('#replyTextarea')).toHaveValue(/¥12\.30将按原支付方式退回/);
      } else {
        await expect(picker).toHaveAttribute('data-test-asks', /refundAmount/);
        await expect(picker).not.toHaveAttribute('data-test-filled', /refundAmount/);
      }
    } finally {
      await l.close();
    }
  });
}

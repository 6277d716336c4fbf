/**
 * Page features switched in the options page (提醒 → 页面功能, components/options/FeatureToggles.tsx) leave
 * and return to an open seller page without a reload: the page watches the stored settings.
 */
import { expect, test } from '@playwright/test';
import { BADGE, launchWithExtension, readinessAbove, serveSurface } from './harness';
import { surface } from '../support/surfaces';

const FRESHNESS = '[data-ticket-radar-freshness]';

test('turning a feature off in the options page removes it from the seller page; on brings it back', async () => {
  const l = await launchWithExtension();
  try {
    const s = surface('pdd-work-orders');
    const seller = await l.context.newPage();
    await serveSurface(seller, s);
    await seller.goto(s.url);
    await expect(seller.locator(BADGE).first()).toBeVisible();
    const badges = await seller.locator(BADGE).count();
    // The worker watches this list tab (keep fresh is on by default), so the indicator shows.
    await expect(seller.locator(FRESHNESS)).toHaveCount(1);

    const options = await l.context.newPage();
    await options.goto(`chrome-extension://${l.extensionId}/options.html#notifications`);
    const toggle = (id: string) => options.locator(`[data-feature="${id}"] input[role="switch"]`);
    await expect(options.getByRole('heading', { name: '页面功能' })).toBeVisible();
    await expect(toggle('countdown-badge')).toBeChecked();

    await toggle('countdown-badge').uncheck();
    await expect(seller.locator(BADGE)).toHaveCount(0);
    await expect(seller.locator(FRESHNESS)).toHaveCount(1); // the others stay

    await toggle('freshness-indicator').uncheck();
    await expect(seller.locator(FRESHNESS)).toHaveCount(0);

    await toggle('countdown-badge').check();
    await toggle('freshness-indicator').check();
    await expect(seller.locator(BADGE)).toHaveCount(badges);
    await expect(seller.locator(FRESHNESS)).toHaveCount(1);

    // Stored, so a page opened later starts without a switched-off feature.
    await toggle('countdown-badge').uncheck();
    const later = await l.context.newPage();
    await serveSurface(later, s);
    await later.goto(s.url);
    // Once its tickets are read (the readiness signal), not before: no badge is mounted.
    await readinessAbove(later, 'tickets', 0);
    await expect(later.locator(FRESHNESS)).toHaveCount(1);
    await expect(later.locator(BADGE)).toHaveCount(0);
  } finally {
    await l.close();
  }
});

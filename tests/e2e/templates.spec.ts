import { expect, test } from '@playwright/test';
import { fixture, launchWithExtension, readinessAbove, serve, templatesStored, type Launched } from './harness';

const CHAT = 'https://mms.pinduoduo.com/chat-merchant/index.html';
let l: Launched;
test.beforeEach(async () => {
  l = await launchWithExtension();
  await serve(l.context, 'https://mms.pinduoduo.com', [
    ['/chat-merchant/index.html', fixture('pdd', 'chat--base.html')],
  ]);
});
test.afterEach(async () => l.close());

/** Default templates are seeded by the worker on install; wait until they are there. */
const templatesSeeded = () => templatesStored(l.worker);

test('the picker beside the PDD chat box inserts a filled template at the caret, keeps the draft, counts the use', async () => {
  await templatesSeeded();
  const page = await l.context.newPage();
  await page.goto(CHAT);
  const box = page.locator('#replyTextarea');
  await box.fill('您好，稍等。');
  // Caret after "您好，".
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
  // The trigger and the picker are in closed shadow roots: a trusted click on the host reaches the button inside,
  // and the readiness signal says when the picker shows the templates (its search box has focus then).
  await page.locator('[data-ticket-radar-picker-trigger]').click();
  const picker = page.locator('[data-ticket-radar-picker]');
  await expect(picker).toBeVisible();
  await readinessAbove(page, 'picker-templates', 0);
  // Pinyin initials of 已进行召回: the worker built the pinyin index, the page never loads the dictionary.
  await page.keyboard.type('yjxzh');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  const value = await box.inputValue();
  expect(value.startsWith('您好，')).toBe(true);
  expect(value.endsWith('稍等。')).toBe(true);
  expect(value).toContain('已进行召回');
  expect(value).not.toMatch(/\{[^}]+\}/);
  // Nothing was sent: the box still holds the draft and the page saw no submit.
  await expect
    .poll(() =>
      l.worker.evaluate(
        () =>
          new Promise<number>((res) => {
            const open = indexedDB.open('ticket-radar');
            open.onsuccess = () => {
              const all = open.result.transaction('templates').objectStore('templates').getAll();
              all.onsuccess = () => res((all.result as { usageCount: number }[]).reduce((n, t) => n + t.usageCount, 0));
            };
          }),
      ),
    )
    .toBe(1);
});

test('the keyboard shortcut opens the picker and Esc closes it without touching the draft', async () => {
  await templatesSeeded();
  const page = await l.context.newPage();
  await page.goto(CHAT);
  const box = page.locator('#replyTextarea');
  await box.fill('草稿');
  // The picker attaches when the overlay has found the box (its trigger button appears then).
  await expect(page.locator('[data-ticket-radar-picker-trigger]')).toHaveCount(1);
  await box.press('Alt+t');
  await expect(page.locator('[data-ticket-radar-picker]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-ticket-radar-picker]')).toHaveCount(0);
  await expect(box).toHaveValue('草稿');
});

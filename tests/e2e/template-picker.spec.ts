/**
 * Template insertion in a real browser, into a page that uses real React: the page's own state must
 * see the inserted text, the draft around the caret must survive, and nothing may be sent.
 *
 * Self-contained: bundles tests/fixtures/react-reply/app.tsx (with lib/templates/insert.ts and the
 * picker) with esbuild, serves it from a fake origin through page.route, and launches its own
 * Chromium. It does not need the built extension.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// Only modules without runtime imports of dayjs here: the spec runs as plain Node ESM, where
// `dayjs/plugin/utc` does not resolve. Rendering runs in the page (window.__tr.renderText).
import { defaultTemplates } from '../../lib/templates/defaults';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'react-reply');
const ORIGIN = 'https://reply-fixture.test';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
let appJs: string;

test.beforeAll(async () => {
  const out = await build({
    entryPoints: [join(FIXTURE, 'app.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    jsx: 'automatic',
    // React's production build: the development build warns about act() and is slower.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  appJs = out.outputFiles[0]?.text ?? '';
  expect(appJs.length).toBeGreaterThan(1000);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

test.afterAll(async () => {
  await browser?.close();
});

async function openFixture(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Only the fixture origin answers; nothing reaches the network.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('internetdisconnected');
    if (url.pathname === '/app.js')
      return route.fulfill({ body: appJs, contentType: 'text/javascript; charset=utf-8' });
    return route.fulfill({
      body: readFileSync(join(FIXTURE, 'index.html'), 'utf8'),
      contentType: 'text/html; charset=utf-8',
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ORIGIN}/reply`);
  await expect(page.locator('#reply')).toBeVisible();
  expect(errors).toEqual([]);
  return page;
}

/** Types a draft and puts the caret `back` characters before its end. */
async function draftWithCaret(page: Page, selector: string, draft: string, back: number): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(draft);
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

const agreedRefund = defaultTemplates().find((t) => t.id === 'default-general-refund-agreed');

test.describe('insertAtCursor in a React page', () => {
  test('textarea: React state gets the text at the caret, the draft stays, nothing is sent', async () => {
    const page = await openFixture();
    await draftWithCaret(page, '#reply', '您好，请稍等', 3);
    const { rendered, result } = await page.evaluate((body) => {
      const r = window.__tr.renderText(body, { refundAmount: '¥12.30' });
      if (!r.ok) return { rendered: r, result: undefined };
      return {
        rendered: r,
        result: window.__tr.insertAtCursor(document.querySelector('#reply') as HTMLTextAreaElement, r.text),
      };
    }, agreedRefund?.body ?? '');
    if (!rendered.ok) throw new Error('template did not render');
    expect(rendered.text).toBe('您好，您的退款申请我们已同意，¥12.30将按原支付方式退回，请留意到账通知。');
    expect(result).toEqual({ ok: true, method: 'value-setter' });
    const expected = `您好，${rendered.text}请稍等`;
    await expect(page.locator('#state')).toHaveText(expected);
    // Caret after the inserted text: typing continues there, and React still owns the value
    // (had React missed the change, this keystroke's re-render would have wiped the insertion).
    await page.keyboard.type('！');
    await expect(page.locator('#state')).toHaveText(`您好，${rendered.text}！请稍等`);
    await expect(page.locator('#sent')).toHaveText('0');
  });

  test('replaces a selection inside a React-controlled input', async () => {
    const page = await openFixture();
    await page.locator('#line').click();
    await page.keyboard.type('单号：待定，谢谢');
    await page.locator('#line').evaluate((el: HTMLInputElement) => el.setSelectionRange(3, 5));
    await page.evaluate(() =>
      window.__tr.insertAtCursor(document.querySelector('#line') as HTMLInputElement, 'YT12345678'),
    );
    await expect(page.locator('#line-state')).toHaveText('单号：YT12345678，谢谢');
  });

  test('contenteditable: inserts at the remembered caret after focus moved away', async () => {
    const page = await openFixture();
    await draftWithCaret(page, '#rich', '您好请稍等', 3);
    const result = await page.evaluate(() => {
      const rich = document.querySelector('#rich') as HTMLElement;
      const saved = window.__tr.captureSelection(rich);
      (document.querySelector('#line') as HTMLInputElement).focus(); // the picker takes focus
      return window.__tr.insertAtCursor(rich, '，小明，', saved);
    });
    expect(result).toEqual({ ok: true, method: 'exec-command' });
    await expect(page.locator('#rich-state')).toHaveText('您好，小明，请稍等');
    await expect(page.locator('#sent')).toHaveText('0');
  });

  test('contenteditable: falls back to a Range insert plus an input event when execCommand refuses', async () => {
    const page = await openFixture();
    await draftWithCaret(page, '#rich', 'AB', 1);
    const result = await page.evaluate(() => {
      document.execCommand = () => false; // as in documents where the command is unsupported
      return window.__tr.insertAtCursor(document.querySelector('#rich') as HTMLElement, '第一行\n第二行');
    });
    expect(result).toEqual({ ok: true, method: 'range' });
    await expect(page.locator('#rich-state')).toHaveText('A第一行\n第二行B');
    // The caret sits after the inserted text.
    await page.keyboard.type('!');
    await expect(page.locator('#rich-state')).toHaveText('A第一行\n第二行!B');
  });
});

test.describe('the picker on a reply box', () => {
  const attach = async (page: Page) => {
    await page.evaluate(
      (templates) =>
        window.__tr.attachPicker(document.querySelector('#reply') as HTMLTextAreaElement, {
          templates,
          context: { buyer: '小明', orderId: '250301-556677889900' },
        }),
      defaultTemplates(),
    );
  };

  test('Alt+T opens it, tk finds 退款, a missing amount is asked for, Enter inserts at the caret', async () => {
    const page = await openFixture();
    await attach(page);
    await draftWithCaret(page, '#reply', '您好，请稍等', 3);
    await page.keyboard.press('Alt+KeyT');
    const search = page.locator('#tr-picker-host input[type="search"]');
    await expect(search).toBeFocused();
    await page.keyboard.type('tk');
    await expect(page.locator('#tr-picker-host [role="option"][aria-selected="true"]')).toContainText('同意退款');
    const insert = page.locator('#tr-picker-host .tr-picker__insert');
    await expect(insert).toBeDisabled();
    // Enter with a variable missing: nothing inserted, the amount's input is focused instead.
    await page.keyboard.press('Enter');
    const amount = page.locator('#tr-picker-host input[data-variable="refundAmount"]');
    await expect(amount).toBeFocused();
    await expect(page.locator('#state')).toHaveText('您好，请稍等');
    await page.keyboard.type('¥12.30');
    await expect(insert).toBeEnabled();
    await page.keyboard.press('Enter');
    await expect(page.locator('#tr-picker-host .tr-picker')).toHaveCount(0);
    await expect(page.locator('#state')).toHaveText(
      '您好，您好，您的退款申请我们已同意，¥12.30将按原支付方式退回，请留意到账通知。请稍等',
    );
    await expect(page.locator('#sent')).toHaveText('0');
    expect(await page.evaluate(() => (window as unknown as { __inserted: string[] }).__inserted)).toEqual([
      'default-general-refund-agreed',
    ]);
  });

  test('arrow keys choose, Esc closes without touching the draft', async () => {
    const page = await openFixture();
    await attach(page);
    await draftWithCaret(page, '#reply', '草稿', 0);
    await page.keyboard.press('Alt+KeyT');
    await page.keyboard.type('zh');
    const selected = page.locator('#tr-picker-host [role="option"][aria-selected="true"]');
    const first = await selected.textContent();
    await page.keyboard.press('ArrowDown');
    await expect(selected).not.toHaveText(first ?? '');
    await page.keyboard.press('Escape');
    await expect(page.locator('#tr-picker-host .tr-picker')).toHaveCount(0);
    await expect(page.locator('#reply')).toBeFocused();
    await expect(page.locator('#state')).toHaveText('草稿');
    await expect(page.locator('#sent')).toHaveText('0');
  });

  test('a buyer name with markup is shown as text', async () => {
    const page = await openFixture();
    await page.evaluate(
      (templates) =>
        window.__tr.attachPicker(document.querySelector('#reply') as HTMLTextAreaElement, {
          templates,
          context: { buyer: '<img src=x onerror="window.__pwned=1">' },
        }),
      defaultTemplates().filter((t) => t.id === 'default-general-personalised'),
    );
    await page.locator('#reply').click();
    await page.keyboard.press('Alt+KeyT');
    await expect(page.locator('#tr-picker-host mark[data-variable-filled="buyer"]')).toHaveText(
      '<img src=x onerror="window.__pwned=1">',
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

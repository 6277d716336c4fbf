/**
 * `npm run demo`: builds the extension, serves realistic local copies of the marketplace seller pages at
 * their real URLs, and opens Chromium with the extension loaded there. With a display it stays open for
 * you to click around (Ctrl+C to quit); without one it runs headless and saves screenshots of every page
 * and of the popup into demo-output/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BADGE, fixture, launchWithExtension, openPopup, ROOT, serve } from '../tests/e2e/harness';
import { SURFACES } from '../tests/support/surfaces';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const out = join(ROOT, 'demo-output');

console.log('构建扩展 / building the extension …');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
if (build.status !== 0) process.exit(build.status ?? 1);

const l = await launchWithExtension({ headless: !headed });
const origins = new Map<string, typeof SURFACES>();
for (const s of SURFACES) origins.set(s.origin, [...(origins.get(s.origin) ?? []), s]);
for (const [origin, surfaces] of origins) {
  await serve(
    l.context,
    origin,
    surfaces.flatMap((s) => s.routes.map(([path, [platform, file]]) => [path, fixture(platform, file)] as const)).map(([p, r]) => [p, r]),
  );
}

mkdirSync(out, { recursive: true });
for (const s of SURFACES) {
  const page = await l.context.newPage();
  await page.goto(s.url);
  await page.locator(BADGE).first().waitFor({ timeout: 15_000 }).catch(() => console.warn(`  ${s.title}: no badge appeared`));
  const n = await page.locator(BADGE).count();
  console.log(`✔ ${s.title}: ${n} 个倒计时徽标 (${s.url})`);
  if (!headed) await page.screenshot({ path: join(out, `${s.id}.png`), fullPage: true });
}
const popup = await openPopup(l);
await popup.setViewportSize({ width: 420, height: 640 });
await popup.waitForTimeout(500);
if (!headed) {
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`\n截图已保存 / screenshots saved in ${out}`);
  await l.close();
} else {
  console.log('\nChromium 已打开，扩展已加载。按 Ctrl+C 退出。 / Chromium is open with the extension; Ctrl+C to quit.');
  process.on('SIGINT', () => void l.close().then(() => process.exit(0)));
  await new Promise(() => undefined);
}

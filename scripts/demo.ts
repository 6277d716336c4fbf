/**
 * `npm run demo`: builds the extension, serves realistic local copies of the marketplace seller pages at
 * their real URLs, and opens Chromium with the extension loaded there. With a display it stays open for
 * you to click around (Ctrl+C to quit); without one it runs headless and saves screenshots of every page
 * and of the popup into demo-output/.
 *
 * Each surface is served on its own page (page routes win over the context's), because two surfaces may
 * share a path with different content (the Douyin 售后 workbench, direct and with the list in an iframe).
 * `--headless` forces headless mode; `--only=<id>,<id>` limits the surfaces (tests/support/surfaces.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BADGE, launchWithExtension, openPopup, openSurface, ROOT } from '../tests/e2e/harness';
import { SURFACES } from '../tests/support/surfaces';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const surfaces = only ? SURFACES.filter((s) => only.includes(s.id)) : SURFACES;
const out = join(ROOT, 'demo-output');

console.log('构建扩展 / building the extension …');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
if (build.status !== 0) process.exit(build.status ?? 1);

const l = await launchWithExtension({ headless: !headed });
mkdirSync(out, { recursive: true });
for (const s of surfaces) {
  const { page, scope, ready, shown } = await openSurface(l, s, 15_000);
  // Badges are mounted row by row as the SPA renders: give the last rows a moment before counting.
  await page.waitForTimeout(800);
  const n = await scope.locator(BADGE).count();
  const what = s.ready ? (shown ? '已就绪' : `未出现 ${ready}`) : `${n} 个倒计时徽标`;
  if (!shown) console.warn(`  ${s.title}: nothing appeared (${ready})`);
  console.log(`${shown ? '✔' : '✘'} ${s.title}: ${what}${s.ready && n ? `，${n} 个徽标` : ''} (${s.url})`);
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

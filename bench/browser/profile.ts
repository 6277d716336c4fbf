/**
 * A CPU profile of one list-page load with the built extension (the figures say how much; this says where):
 * the same pages, rows and window as the bench's list figures (navigation → rows + 3 s), V8's sampling
 * profiler over CDP, self time summed per function of the extension's scripts, biggest first.
 *
 *   npx tsx bench/browser/profile.ts douyin 500 [--top=30] [--all]
 *
 * `--all` also lists the page's own functions. Build first (an unminified build names the functions:
 * `npx wxt build` with `build.minify` off); takes the shared Chromium lock.
 */
import { writeFileSync } from 'node:fs';
import { launch, probeScript, snapshotExtension, waitProbe } from './chromium';
import { LISTS } from './lists';
import { withLock } from './lock';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const [id = 'douyin', rowsArg = '500'] = args.filter((a) => !a.startsWith('--'));
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 30);
const all = args.includes('--all');
const list = LISTS.find((l) => l.id === id);
if (!list) throw new Error(`unknown list ${id} (${LISTS.map((l) => l.id).join(', ')})`);
const n = Number(rowsArg);

const ext = snapshotExtension();
await withLock('profile', async () => {
  const b = await launch({ extension: ext });
  try {
    // A warm-up load: the first navigation of a browser pays for its own start-up.
    for (let i = 0; i < 2; i++) {
      const page = await b.context.newPage();
      await list.serve(page, i === 0 ? 20 : n);
      await page.addInitScript(probeScript(list.rowSelector, i === 0 ? 20 : n));
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const t0 = Date.now();
      await page.goto(list.url, { waitUntil: 'commit' });
      await waitProbe(page, 'rowsAt');
      await new Promise((r) => setTimeout(r, 3000));
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const probe = await page.evaluate(
        () => (window as unknown as { __bench: { badges: number; longTasks: { duration: number }[] } }).__bench,
      );
      await page.close();
      if (i === 0) continue;
      writeFileSync(`/tmp/profile-${id}-${n}.cpuprofile`, JSON.stringify(profile));
      const self = new Map<number, number>();
      profile.samples.forEach((s, k) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
      const byFn = new Map<string, number>();
      let extTotal = 0;
      for (const node of profile.nodes) {
        const ms = self.get(node.id) ?? 0;
        const f = node.callFrame;
        const ours = f.url.startsWith('chrome-extension:');
        if (ours) extTotal += ms;
        if (!ours && !all) continue;
        const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + ms);
      }
      console.log(
        `${list.title}, ${n} rows: ${Date.now() - t0} ms wall; extension self time ${extTotal.toFixed(1)} ms; ` +
          `${probe.badges} badges; long tasks ${probe.longTasks.map((t) => Math.round(t.duration)).join(', ') || 'none'}`,
      );
      for (const [k, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
    }
  } finally {
    await b.close();
  }
});

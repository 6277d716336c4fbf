/**
 * A Chromium trace of a list page with the built extension (profile.ts says which functions; this says which
 * kind of work and how often): the renderer main thread's top-level events (timers, animation frames, style,
 * layout, paint, …) summed by name, with counts, over one of two windows:
 *
 *   npx tsx bench/browser/trace.ts pdd 500 load   navigation → rows + 3 s (the list figures' window)
 *   npx tsx bench/browser/trace.ts pdd 10 idle    4 s while idle, every row in view (the ticking figures)
 *
 * `--without` measures the page without the extension. Writes the raw trace to /tmp/trace-<id>-<n>-<mode>.json
 * (open it in DevTools' Performance panel). Takes the shared Chromium lock.
 */
import { writeFileSync } from 'node:fs';
import { launch, probeScript, snapshotExtension, waitProbe } from './chromium';
import { LISTS } from './lists';
import { withLock } from './lock';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; frame?: string } };
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const [id = 'pdd', rowsArg = '10', mode = 'idle'] = args.filter((a) => !a.startsWith('--'));
const without = args.includes('--without');
const list = LISTS.find((l) => l.id === id);
if (!list) throw new Error(`unknown list ${id} (${LISTS.map((l) => l.id).join(', ')})`);
const n = Number(rowsArg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ext = without ? undefined : snapshotExtension();
await withLock('trace', async () => {
  const b = await launch(ext ? { extension: ext } : {});
  try {
    // A warm-up load: the first navigation of a browser pays for its own start-up.
    const warm = await b.context.newPage();
    await list.serve(warm, 20);
    await warm.addInitScript(probeScript(list.rowSelector, 20));
    await warm.goto(list.url, { waitUntil: 'commit' });
    await waitProbe(warm, 'rowsAt');
    await sleep(1000);
    await warm.close();

    const page = await b.context.newPage();
    await list.serve(page, n);
    await page.addInitScript(probeScript(list.rowSelector, n));
    const cdp = await b.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const start = async () => {
      await cdp.send('Profiler.start');
      await cdp.send('Tracing.start', {
        traceConfig: {
          includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'],
        },
        transferMode: 'ReportEvents',
      });
    };
    let profile: Profile | undefined;
    const stop = async () => {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    };
    if (mode === 'load') {
      await start();
      await page.goto(list.url, { waitUntil: 'commit' });
      await waitProbe(page, 'rowsAt');
      await sleep(3000);
      await stop();
    } else {
      await page.goto(list.url, { waitUntil: 'commit' });
      await waitProbe(page, 'rowsAt');
      if (ext) await waitProbe(page, 'badgesAt', 30_000);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1280, height: Math.min(Math.max(860, height + 20), 60_000) });
      await sleep(1500);
      await start();
      await sleep(4000);
      await stop();
    }
    if (profile) writeFileSync(`/tmp/trace-${id}-${n}-${mode}.cpuprofile`, JSON.stringify(profile));
    writeFileSync(`/tmp/trace-${id}-${n}-${mode}${without ? '-without' : ''}.json`, JSON.stringify(events));
    // The renderer's main thread of the page: the thread named CrRendererMain that ran the most.
    const names = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const busy = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
        busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
    const main = [...busy].sort((a, c) => c[1] - a[1])[0]?.[0];
    const mine = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, c) => a.ts - c.ts);
    // Top-level tasks, and within them every event by name (self-nesting counted once).
    let taskTotal = 0;
    let tasks = 0;
    for (const e of mine) {
      if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
      taskTotal += e.dur ?? 0;
      tasks++;
    }
    const byName = new Map<string, { ms: number; count: number }>();
    const open: TraceEvent[] = [];
    for (const e of mine) {
      while (open.length && open.at(-1)!.ts + (open.at(-1)!.dur ?? 0) <= e.ts) open.pop();
      const nested = open.some((o) => o.name === e.name);
      open.push(e);
      if (nested) continue;
      const key =
        e.name === 'FunctionCall' || e.name === 'EvaluateScript'
          ? `${e.name} ${(e.args?.data?.url ?? '')
              .replace(/^chrome-extension:\/\/[a-z]+/, 'ext:')
              .replace(/^https?:\/\/[^/]+/, 'page:')
              .slice(0, 60)} ${e.args?.data?.functionName ?? ''}`
          : e.name;
      const r = byName.get(key) ?? { ms: 0, count: 0 };
      r.ms += (e.dur ?? 0) / 1000;
      r.count++;
      byName.set(key, r);
    }
    console.log(
      `${list.title}, ${n} rows, ${mode}${without ? ' (without)' : ''}: ${tasks} tasks, ${(taskTotal / 1000).toFixed(1)} ms`,
    );
    for (const [k, r] of [...byName].sort((a, c) => c[1].ms - a[1].ms).slice(0, 40))
      console.log(`${r.ms.toFixed(2).padStart(9)} ms ${String(r.count).padStart(5)}×  ${k}`);
    if (profile) {
      // The extension's functions by self time (an unminified build names them).
      const self = new Map<number, number>();
      profile.samples.forEach((x, k) => self.set(x, (self.get(x) ?? 0) + (profile!.timeDeltas[k] ?? 0) / 1000));
      const byFn = new Map<string, number>();
      for (const node of profile.nodes) {
        const f = node.callFrame;
        if (!f.url.startsWith('chrome-extension:')) continue;
        const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
      }
      console.log('extension functions, self time:');
      for (const [k, ms] of [...byFn].sort((a, c) => c[1] - a[1]).slice(0, 25))
        console.log(`${ms.toFixed(2).padStart(9)} ms  ${k}`);
    }
  } finally {
    await b.close();
  }
});

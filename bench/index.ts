/**
 * `npm run bench`: the project's speed numbers. First the pure-logic benches (deadline engine, store on
 * fake-indexeddb), then the browser figures of issue 12 measured on the built extension in Chromium
 * (bench/browser/figures.ts), printed as figure / budget / with / without / ratio / verdict.
 *
 *   npm run bench                      everything (build first: npx wxt build); ~10 min, Chromium lock per section
 *   npm run bench -- --check           exit 1 when a budget is missed
 *   npm run bench -- --only=ingest,bundle --pairs=5 --runs=5 --large=50000 --no-browser
 *   npm run bench -- --only=popup      the popup's first-row figures alone (200 and --large stored)
 *   npm run bench -- --only=lists --pages=douyin:500,taobao --pairs=2   some list pages (ticking: with pdd)
 *
 * The bench takes /tmp/chromium.lock itself, per section: do not wrap it in `flock` (it would wait for itself).
 */
import { runSlaBench, SLA_BENCH_GOAL_MS } from './sla.bench';
import { runStoreBench } from './store.bench';
import { KNOWN_SECTIONS, runBrowserBench, SECTIONS, type Section } from './browser/figures';
import { missed, table } from './browser/stats';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, fallback: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  const v = a ? Number(a.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} wants a positive integer`);
  return v;
};
const only = args
  .find((x) => x.startsWith('--only='))
  ?.slice(7)
  .split(',') as Section[] | undefined;
for (const s of only ?? [])
  if (!KNOWN_SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (${KNOWN_SECTIONS.join(', ')})`);

const pages = args
  .find((x) => x.startsWith('--pages='))
  ?.slice(8)
  .split(',')
  .filter(Boolean);

const print = (rs: { name: string; value: number; unit: string }[]) => {
  for (const r of rs) console.log(`${r.name.padEnd(36)} ${String(r.value).padStart(10)} ${r.unit}`);
};

if (!only) {
  console.log('# deadline engine (goal: recompute 10,000 open tickets ≤ ' + SLA_BENCH_GOAL_MS + ' ms)');
  print(runSlaBench());
  console.log('\n# storage and popup (fake-indexeddb: relative numbers only)');
  print(await runStoreBench());
}

if (!flag('no-browser')) {
  const started = Date.now();
  console.log(`\n# in Chromium with the built extension (${new Date().toISOString()})`);
  const figures = await runBrowserBench(
    {
      pairs: opt('pairs', 5),
      runs: opt('runs', 5),
      large: opt('large', 50_000),
      ...(pages ? { pages } : {}),
      log: (m) => process.stderr.write(`[bench] ${m}\n`),
      onSection: (s, f) => process.stderr.write(`[bench] ${s} done:\n${table(f)}\n`),
    },
    only ?? SECTIONS,
  );
  console.log(table(figures));
  console.log(
    `\n${Math.round((Date.now() - started) / 1000)} s; medians; "ratio" is the median of the pairs' ratios and differences`,
  );
  const bad = missed(figures);
  if (bad.length) console.log(`budgets missed: ${bad.length} of ${figures.filter((f) => f.budget).length}`);
  if (flag('check') && bad.length) process.exitCode = 1;
}

/**
 * Deadline engine throughput: recompute the deadlines of 10,000 open tickets with a mixed rule table
 * (platform deadlines, Douyin 09:00–21:00 windows, calendar rules, a workdays clock across National Day),
 * as the background does after a settings change or on start-up. Goal: ≤ 20 ms for 10,000.
 *
 *   npx tsx bench/sla.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_RULES, computeDeadline, explain, type DeadlineInput, type Rule } from '../lib/sla/index';
import { H, MIN, bj } from '../lib/sla/testing';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/** The goal from the engine's brief, checked when run directly. */
export const SLA_BENCH_GOAL_MS = 20;

const OFFICE: Rule = {
  id: 'pdd-consult-office',
  name: '拼多多咨询（工作日办公时间）',
  enabled: true,
  match: { surfaces: [], platforms: ['pdd'], kinds: ['consult'], tagsAny: [] },
  budgetMs: 8 * H,
  clock: {
    type: 'windows',
    segments: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
      { start: '22:00', end: '02:00' },
    ],
    days: 'workdays',
  },
};

/** Settings-like rules: cloned, as they come out of storage. */
const RULES: readonly Rule[] = [OFFICE, ...DEFAULT_RULES].map((r) => structuredClone(r));

/** mulberry32: a small seeded PRNG so every run builds the same tickets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `n` open tickets created between 2026-09-01 and 2026-10-31 (National Day and its make-up days inside). */
export function buildTickets(n: number, seed = 42): DeadlineInput[] {
  const rnd = prng(seed);
  const from = bj('2026-09-01 00:00');
  const span = bj('2026-10-31 00:00') - from;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const tickets: DeadlineInput[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = from + Math.floor((rnd() * span) / MIN) * MIN;
    const base = { status: 'pending' as const, urgent: false, createdAt, firstSeenAt: createdAt, tags: [] as string[] };
    switch (i % 10) {
      case 0:
      case 1: // platform deadline (PDD todoList `deadline`, Douyin `status_deadline`)
        tickets.push({
          ...base,
          platform: pick(['pdd', 'douyin'] as const),
          kind: 'refund',
          platformDueAt: createdAt + 48 * H,
        });
        break;
      case 2:
      case 3:
      case 4: // Douyin service tickets on the 09:00–21:00 clock: normal, urgent, agreed
        tickets.push({
          ...base,
          platform: 'douyin',
          kind: 'service-request',
          urgent: rnd() < 0.2,
          tags: [pick(['进线', '催', '协商时效', '重复'])],
        });
        break;
      case 5: // Douyin provider tickets: calendar
        tickets.push({ ...base, platform: 'douyin', kind: 'other', tags: ['服务商发起工单'] });
        break;
      case 6: // Taobao 催揽收 / 催发货 after shipping: calendar
        tickets.push({ ...base, platform: 'taobao', kind: 'urge-pickup' });
        break;
      case 7:
        tickets.push({ ...base, platform: 'taobao', kind: 'urge-ship', shippedAt: createdAt + 3 * H });
        break;
      case 8: // workdays clock with a lunch break and a night shift
        tickets.push({ ...base, platform: 'pdd', kind: 'consult', createdAt: undefined, firstSeenAt: createdAt });
        break;
      default: // default rule
        tickets.push({ ...base, platform: 'pdd', kind: 'logistics' });
    }
  }
  return tickets;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Time `runs` recomputations of `tickets` deadlines (after `warmup` untimed ones) and `explain()` for a
 * sample; returns named numbers for a bench index.
 */
export function runSlaBench({ tickets = 10_000, runs = 20, warmup = 5 } = {}): BenchResult[] {
  const input = buildTickets(tickets);
  let sink = 0;
  const recompute = (): number => {
    const t0 = performance.now();
    for (const t of input) sink += computeDeadline(t, RULES)?.dueAt ?? 0;
    return performance.now() - t0;
  };
  const first = recompute(); // cold: clock compilation, holiday cache, JIT
  for (let i = 0; i < warmup; i++) recompute();
  const times = Array.from({ length: runs }, recompute).sort((a, b) => a - b);
  const median = percentile(times, 50);

  const sample = input.slice(0, 1000);
  const t0 = performance.now();
  for (const t of sample) sink += explain(t, RULES, t.firstSeenAt + 5 * H).length;
  const explainMs = performance.now() - t0;

  if (sink === 42) console.log(''); // keep the work observable
  return [
    { name: `sla.recompute-${tickets}.median`, value: round(median), unit: 'ms' },
    { name: `sla.recompute-${tickets}.p95`, value: round(percentile(times, 95)), unit: 'ms' },
    { name: `sla.recompute-${tickets}.first`, value: round(first), unit: 'ms' },
    { name: 'sla.per-ticket.median', value: round((median / tickets) * 1000), unit: 'µs' },
    { name: 'sla.explain.per-ticket', value: round((explainMs / sample.length) * 1000), unit: 'µs' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = runSlaBench();
  for (const r of results) console.log(`${r.name.padEnd(28)} ${String(r.value).padStart(10)} ${r.unit}`);
  const median = results[0]!.value;
  console.log(
    `goal ≤ ${SLA_BENCH_GOAL_MS} ms for 10,000 tickets: ${median <= SLA_BENCH_GOAL_MS ? 'met' : 'NOT met'} (median ${median} ms)`,
  );
}

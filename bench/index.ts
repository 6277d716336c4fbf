/** `npm run bench`: prints the project's speed and memory numbers. Targets are in the README, not in tests. */
import { runSlaBench, SLA_BENCH_GOAL_MS } from './sla.bench';
import { runStoreBench } from './store.bench';

const print = (rs: { name: string; value: number; unit: string }[]) => {
  for (const r of rs) console.log(`${r.name.padEnd(36)} ${String(r.value).padStart(10)} ${r.unit}`);
};

console.log('# deadline engine (goal: recompute 10,000 open tickets ≤ ' + SLA_BENCH_GOAL_MS + ' ms)');
print(runSlaBench());
console.log('\n# storage and popup');
print(await runStoreBench());

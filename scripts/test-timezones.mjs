#!/usr/bin/env node
/**
 * Runs the deadline engine's tests with the machine set to three zones (sla-rules.md: a merchant's computer
 * may be set to any zone and the deadline must not change). Each run is a fresh process, so nothing that
 * reads the zone once at start-up (a library building tables at import) can hide.
 *
 *   node scripts/test-timezones.mjs            # lib/sla
 *   node scripts/test-timezones.mjs lib/time   # other paths, passed to vitest
 */
import { spawnSync } from 'node:child_process';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai'];
const paths = process.argv.slice(2);
const args = ['vitest', 'run', ...(paths.length ? paths : ['lib/sla'])];

let passed = 0;
let failed = 0;
for (const tz of ZONES) {
  console.log(`\n── TZ=${tz}: npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
    shell: process.platform === 'win32',
  });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`TZ=${tz} failed (${r.error?.message ?? (r.signal ? `signal ${r.signal}` : `exit ${r.status}`)})`);
  }
}
console.log(`timezones: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

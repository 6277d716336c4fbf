#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (and the time-zone sensitive suites under three zones), build,
// then the browser tests against the built extension. Ends with one line `N passed, N failed` summing
// every runner, so CI can see a run that executed no test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

/** A check that is not a test runner (typecheck, lint, build) counts as one test. */
function check(name, cmd, args) {
  if (run(name, cmd, args)) results.passed++;
  else results.failed++;
}

/** Vitest with a JSON report; counts its tests (a crash before any report counts as one failure). */
function vitest(name, args, env) {
  const out = `test-results/vitest-${name.replace(/\W+/g, '-')}.json`;
  rmSync(out, { force: true });
  const ok = run(
    name,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args],
    env,
  );
  if (!existsSync(out)) {
    results.failed++;
    return;
  }
  const j = JSON.parse(readFileSync(out, 'utf8'));
  results.passed += j.numPassedTests;
  results.failed += j.numFailedTests + (ok || j.numFailedTests ? 0 : 1);
}

function playwright() {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const ok = run('browser tests', 'npx', ['playwright', 'test']);
  if (!existsSync(out)) {
    results.failed++;
    return;
  }
  const s = JSON.parse(readFileSync(out, 'utf8')).stats;
  results.passed += s.expected + s.flaky;
  results.failed += s.unexpected + (ok || s.unexpected ? 0 : 1);
}

const only = process.argv[2]; // `npm test -- unit` runs one stage
const stages = {
  typecheck: () => check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']),
  lint: () => check('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
  format: () => check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']),
  unit: () => vitest('unit', []),
  timezones: () => {
    // The deadline engine and time parsers must give the same results whatever the machine's zone.
    for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai'])
      vitest(`unit TZ=${tz}`, ['lib/sla', 'lib/time'], { TZ: tz });
  },
  build: () => check('build', 'npx', ['wxt', 'build']),
  e2e: () => playwright(),
};

for (const [name, stage] of Object.entries(stages)) if (!only || only === name) stage();
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

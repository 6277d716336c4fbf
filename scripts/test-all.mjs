#!/usr/bin/env node
// `npm test`: typecheck, lint, format, unit tests (and the time-zone sensitive suites under three zones), build,
// then the browser tests against the built extension. Ends with one line `N passed, N failed` summing every
// runner, so CI can see a run that executed no test.
//
// Stages run in three lanes at once (the machine has 2 cores; each lane is mostly one process):
//   static:  typecheck → lint → format → import cycles → time zones
//   unit:    vitest
//   browser: build → Playwright → Firefox build + web-ext lint
// Nothing is retried: a test that passes only on a second try fails the run (playwright.config.ts).
// Each stage's output is buffered and printed whole when it ends, so lanes do not interleave line by line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

/** Runs one command, buffering its output; resolves with whether it exited 0. */
function run(name, cmd, args, env = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, FORCE_COLOR: '0', ...env } });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) => chunks.push(Buffer.from(String(e))));
    child.on('close', (code) => {
      const ok = code === 0;
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n${Buffer.concat(chunks).toString()}`);
      console.log(`${ok ? '✔' : '✘'} ${name} (${secs} s)`);
      if (!ok) failures.push(name);
      resolve(ok);
    });
  });
}

/** A check that is not a test runner (typecheck, lint, build) counts as one test. */
async function check(name, cmd, args) {
  const ok = await run(name, cmd, args);
  if (ok) results.passed++;
  else results.failed++;
  return ok;
}

/** Vitest with a JSON report; counts its tests (a crash before any report counts as one failure). */
async function vitest(name, args, env) {
  const out = `test-results/vitest-${name.replace(/\W+/g, '-')}.json`;
  rmSync(out, { force: true });
  const ok = await run(
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

async function playwright() {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const ok = await run('browser tests', 'npx', ['playwright', 'test']);
  if (!existsSync(out)) {
    results.failed++;
    return;
  }
  const s = JSON.parse(readFileSync(out, 'utf8')).stats;
  // With no retries there is no "flaky" outcome; should one appear anyway it counts as a failure.
  results.passed += s.expected;
  results.failed += s.unexpected + s.flaky + (ok || s.unexpected || s.flaky ? 0 : 1);
}

const stages = {
  typecheck: () => check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']),
  lint: () => check('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
  format: () => check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']),
  // No import cycles from any entrypoint (cycles make module start-up order, and so behaviour, fragile).
  cycles: () =>
    check('import cycles', 'npx', [
      'dpdm',
      '--no-tree',
      '--no-warning',
      '-T',
      '--exit-code',
      'circular:1',
      'entrypoints/**/*.{ts,tsx}',
    ]),
  unit: () => vitest('unit', []),
  timezones: async () => {
    // The deadline engine and time parsers must give the same results whatever the machine's zone
    // (sla-rules.md). Each zone is a fresh process, so nothing that reads the zone once at import can hide.
    for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai'])
      await vitest(`unit TZ=${tz}`, ['lib/sla', 'lib/time'], { TZ: tz });
  },
  build: () => check('build', 'npx', ['wxt', 'build']),
  e2e: () => playwright(),
  // The Firefox build and `web-ext lint` on it: 0 errors, only explained warnings (scripts/firefox-lint.mjs).
  // After the browser tests: two wxt builds at once would both write .wxt/.
  firefox: async () =>
    (await check('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'])) &&
    check('web-ext lint (Firefox)', 'node', ['scripts/firefox-lint.mjs']),
};

const lanes = [['typecheck', 'lint', 'format', 'cycles', 'timezones'], ['unit'], ['build', 'e2e', 'firefox']];

const only = process.argv.slice(2); // `npm test -- unit` (or `-- build e2e`) runs only those stages
const unknown = only.filter((s) => !(s in stages));
if (unknown.length) {
  console.log(`Unknown stage ${unknown.join(', ')}; stages: ${Object.keys(stages).join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const t0 = Date.now();
await Promise.all(
  lanes.map(async (lane) => {
    for (const name of lane) if (!only.length || only.includes(name)) await stages[name]();
  }),
);
console.log(`\nnpm test took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

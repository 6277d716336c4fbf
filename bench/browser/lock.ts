/**
 * The machine's shared Chromium lock (/tmp/chromium.lock, toolchain.md): one browser run at a time on the
 * shared cores. Taken per section of the bench, so others can run between sections. Uses flock(1) through
 * a child that holds the lock until we close its stdin; without flock (another OS) the bench runs unlocked.
 */
import { spawn, spawnSync } from 'node:child_process';

export const LOCK = process.env.CHROMIUM_LOCK ?? '/tmp/chromium.lock';
const hasFlock = () => spawnSync('flock', ['--version']).status === 0;

export async function withLock<T>(what: string, fn: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_NO_LOCK || !hasFlock()) return fn();
  const child = spawn('flock', [LOCK, 'sh', '-c', 'echo locked; cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const t0 = Date.now();
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`flock exited (${code}) before taking ${LOCK}`)));
  });
  const waited = Date.now() - t0;
  process.stderr.write(
    `[bench] ${LOCK} taken for ${what}${waited > 1000 ? ` (waited ${Math.round(waited / 1000)} s)` : ''}\n`,
  );
  try {
    return await fn();
  } finally {
    child.stdin.end();
    await new Promise((r) => child.once('exit', r));
  }
}

/** Every reader under fast-check mutations of the real fixtures (tests/fuzz/readers.ts); `npm run fuzz` runs 10,000 per surface. */
import { describe, expect, it } from 'vitest';
import { fuzzSurface, surfaces } from '../fuzz/readers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const all = surfaces();

describe('fuzz: readers never throw, never yield an invalid ticket or a deadline from garbage', () => {
  it('covers every adapter', () =>
    expect(new Set(all.map((s) => s.name.split(' ')[0]))).toEqual(new Set(['pdd', 'douyin', 'taobao'])));
  for (const s of all)
    it(`${s.name} (${RUNS} cases)`, { timeout: Math.max(60_000, RUNS * 30) }, () => {
      expect(fuzzSurface(s, RUNS, RUNS === 500 ? 1111 : undefined)).toBeGreaterThanOrEqual(RUNS);
    });
});

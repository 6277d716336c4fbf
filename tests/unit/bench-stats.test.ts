/** The benchmark's verdicts (bench/browser/stats.ts): medians of pairs, budgets, the printed table. */
import { describe, expect, it } from 'vitest';
import { median, missed, summarize, table, type Figure } from '../../bench/browser/stats';

const fig = (over: Partial<Figure>): Figure => ({ name: 'f', unit: 'ms', with: [], without: [], ...over });

describe('bench stats', () => {
  it('takes medians of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("uses the median of the pairs' ratios and differences, not the ratio of medians", () => {
    // Pair by pair the extension costs 10 %; a slow moment (third pair) hits both halves.
    const s = summarize(fig({ with: [110, 220, 1100], without: [100, 200, 1000], budget: { ratio: 1.1, added: 20 } }));
    expect(s.ratio).toBeCloseTo(1.1);
    expect(s.added).toBe(20);
    expect(s.pass).toBe(true);
    expect(summarize(fig({ with: [111, 222, 1110], without: [100, 200, 1000], budget: { ratio: 1.1 } })).pass).toBe(
      false,
    );
  });

  it('needs every part of a budget met, and judges counts against nothing by what was added', () => {
    expect(summarize(fig({ with: [105], without: [100], budget: { ratio: 1.1, added: 2 } })).pass).toBe(false);
    const longTasks = summarize(fig({ with: [2, 3, 2], without: [0, 0, 0], budget: { added: 0 } }));
    expect(longTasks).toMatchObject({ added: 2, pass: false });
    expect(longTasks.ratio).toBeUndefined();
    expect(summarize(fig({ with: [0, 0], without: [0, 0], budget: { added: 0 } })).pass).toBe(true);
  });

  it('checks figures without a "without" against their maximum; no budget, no verdict', () => {
    expect(summarize(fig({ with: [40, 60, 45], budget: { max: 50 } })).pass).toBe(true);
    expect(summarize(fig({ with: [40, 60, 55], budget: { max: 50 } })).pass).toBe(false);
    expect(summarize(fig({ with: [Number.NaN], budget: { max: 50 } })).pass).toBe(false);
    expect(summarize(fig({ with: [1] })).pass).toBeUndefined();
  });

  it('prints figure, budget, with, without, ratio and verdict, and lists what missed', () => {
    const figures = [
      fig({ name: 'page', with: [300], without: [100], budget: { ratio: 1.1, added: 20 }, note: 'script 190' }),
      fig({ name: 'bundle', unit: 'KB', with: [40], budget: { max: 100 } }),
    ];
    const lines = table(figures).split('\n');
    expect(lines[0]).toMatch(/^\| figure +\| budget +\| with +\| without +\| ratio +\| verdict \|$/);
    expect(lines[2]).toMatch(
      /\| page .*\| ≤ 1\.10× and ≤ \+20\.0 ms .*\| 300 ms \(script 190\) .*\| 100 ms .*\| 3\.00× \+200 ms .*\| MISSED/,
    );
    expect(lines[3]).toMatch(/\| bundle .*\| ≤ 100 KB .*\| 40\.0 KB .*\| – .*\| ok/);
    expect(missed(figures).map((f) => f.name)).toEqual(['page']);
  });
});

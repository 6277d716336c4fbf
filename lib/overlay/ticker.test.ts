/**
 * When the shared ticker wakes (issue 12): platforms give deadlines in whole seconds, so a seconds countdown
 * changes its text 1 ms after each whole second. The ticker must wake once per second and show every second,
 * never a second late for a whole second (rounding wake-ups to whole seconds woke every other second).
 */
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../messaging/protocol';
import { DEFAULT_TIERS } from '../model/settings-defaults';
import { formatDuration } from '../time/light';
import { nextChangeAt } from '../features/countdown-badge';
import { createTicker, WAKE_GRID_MS } from './ticker';

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);

/** A window with a manual clock: timers run when the test advances time. No IntersectionObserver. */
function fakeWindow() {
  let clock = NOW + 3; // a few ms after a whole second, as a page's scripts run
  const timers = new Map<number, { at: number; fn: () => void }>();
  let ids = 0;
  const win = {
    setTimeout: (fn: () => void, ms: number) => (timers.set(++ids, { at: clock + ms, fn }), ids),
    clearTimeout: (id: number) => void timers.delete(id),
    document: { hidden: false, addEventListener: () => undefined },
  } as unknown as Window & typeof globalThis;
  /** Runs timers in order until `until`, each at its own time (a timer fires 1 ms late, as browsers do). */
  const advance = (until: number) => {
    for (;;) {
      const next = [...timers].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      timers.delete(next[0]);
      clock = next[1].at + 1;
      next[1].fn();
    }
    clock = until;
  };
  return { win, advance, now: () => clock };
}

const view: TicketView = {
  key: 'pdd:S1:workorder:1',
  nativeId: '1',
  status: 'pending',
  // 20 minutes away, in whole seconds (as PDD's `deadline` is given).
  dueAt: NOW + 20 * 60_000,
  explain: [],
  title: '工单',
  kind: 'other',
};

describe('createTicker', () => {
  it('a whole-second deadline under an hour: one wake-up a second, every second shown, late by < a tenth', () => {
    const { win, advance, now } = fakeWindow();
    const wakes: { at: number; text: string }[] = [];
    const ticker = createTicker(
      win,
      new AbortController().signal,
      (at) => {
        wakes.push({ at, text: formatDuration(view.dueAt! - at) });
        return nextChangeAt(view, at, DEFAULT_TIERS);
      },
      now,
    );
    ticker.observe({} as HTMLElement);
    advance(NOW + 10_000);
    // The first wake is the observe; then one per second.
    const ticks = wakes.slice(1);
    expect(ticks.length).toBeGreaterThanOrEqual(9);
    expect(ticks.length).toBeLessThanOrEqual(10);
    const texts = ticks.map((w) => w.text);
    // Every second's text, none skipped, none twice.
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at - ticks[i - 1]!.at).toBe(1000);
    // Each wake is within the grid after the instant its text became due.
    for (const w of ticks) expect((w.at - NOW) % 1000).toBeLessThanOrEqual(WAKE_GRID_MS + 1);
  });

  it('a deadline a day away sleeps until its minute text changes', () => {
    const { win, advance, now } = fakeWindow();
    const far = { ...view, dueAt: NOW + 26 * 3_600_000 };
    let wakes = 0;
    const ticker = createTicker(
      win,
      new AbortController().signal,
      (at) => {
        wakes++;
        return nextChangeAt(far, at, DEFAULT_TIERS);
      },
      now,
    );
    ticker.observe({} as HTMLElement);
    advance(NOW + 30 * 60_000);
    // `1天2小时` changes once an hour: the observe's wake and none in the next half hour.
    expect(wakes).toBe(1);
  });
});

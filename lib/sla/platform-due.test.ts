import { describe, expect, it } from 'vitest';
import type { DueChange } from '../model/ticket';
import { DUE_HISTORY_MAX, DUE_JITTER_MS, mergePlatformDue, type PlatformDueState } from './platform-due';
import { H, bj } from './testing';

const SEEN = bj('2025-11-25 10:00');
const DUE = bj('2025-11-25 20:00');

describe('mergePlatformDue', () => {
  it('a first deadline is set without history', () => {
    const prev: PlatformDueState = { dueHistory: [] };
    const r = mergePlatformDue(prev, DUE, SEEN);
    expect(r).toEqual({ platformDueAt: DUE, dueHistory: [], changed: true });
    expect(r.dueHistory).toBe(prev.dueHistory);
  });

  it('the same deadline again changes nothing (same history array, nothing to write)', () => {
    const prev: PlatformDueState = { platformDueAt: DUE, dueHistory: [] };
    const r = mergePlatformDue(prev, DUE, SEEN);
    expect(r.changed).toBe(false);
    expect(r.platformDueAt).toBe(DUE);
    expect(r.dueHistory).toBe(prev.dueHistory);
  });

  it('时效延长: a later deadline wins and the change is kept', () => {
    const later = DUE + 24 * H;
    const r = mergePlatformDue({ platformDueAt: DUE, dueHistory: [] }, later, SEEN);
    expect(r).toEqual({ platformDueAt: later, dueHistory: [{ from: DUE, to: later, seenAt: SEEN }], changed: true });
    // …and a second extension appends.
    const r2 = mergePlatformDue(r, later + H, SEEN + H);
    expect(r2.dueHistory).toEqual([
      { from: DUE, to: later, seenAt: SEEN },
      { from: later, to: later + H, seenAt: SEEN + H },
    ]);
  });

  it('an earlier deadline also wins (newest value), and is recorded', () => {
    const r = mergePlatformDue({ platformDueAt: DUE, dueHistory: [] }, DUE - 2 * H, SEEN);
    expect(r.platformDueAt).toBe(DUE - 2 * H);
    expect(r.dueHistory).toEqual([{ from: DUE, to: DUE - 2 * H, seenAt: SEEN }]);
  });

  it('a page that shows no deadline this time keeps the stored one', () => {
    const prev: PlatformDueState = { platformDueAt: DUE, dueHistory: [] };
    expect(mergePlatformDue(prev, undefined, SEEN)).toEqual({ platformDueAt: DUE, dueHistory: [], changed: false });
  });

  it('remaining-time jitter under 90 s is not a new deadline; the tolerance is adjustable', () => {
    const prev: PlatformDueState = { platformDueAt: DUE, dueHistory: [] };
    expect(mergePlatformDue(prev, DUE + 1_500, SEEN).changed).toBe(false);
    expect(mergePlatformDue(prev, DUE - DUE_JITTER_MS + 1, SEEN).changed).toBe(false);
    expect(mergePlatformDue(prev, DUE + DUE_JITTER_MS, SEEN).changed).toBe(true);
    expect(mergePlatformDue(prev, DUE + 1_500, SEEN, 0).changed).toBe(true);
  });

  it('keeps at most 50 changes, dropping the oldest', () => {
    const history: DueChange[] = Array.from({ length: DUE_HISTORY_MAX }, (_, i) => ({
      from: DUE + i * H,
      to: DUE + (i + 1) * H,
      seenAt: SEEN + i,
    }));
    const last = DUE + DUE_HISTORY_MAX * H;
    const r = mergePlatformDue({ platformDueAt: last, dueHistory: history }, last + H, SEEN + 1000);
    expect(r.dueHistory).toHaveLength(DUE_HISTORY_MAX);
    expect(r.dueHistory[0]).toEqual(history[1]);
    expect(r.dueHistory.at(-1)).toEqual({ from: last, to: last + H, seenAt: SEEN + 1000 });
    expect(history).toHaveLength(DUE_HISTORY_MAX); // input untouched
  });
});

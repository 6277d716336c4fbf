/**
 * The ticker sleeps until nextChangeAt (issue 12): that is only right if renderBadge writes nothing new
 * before that instant and something new at it. Checked against the real renderBadge (and so the real
 * formatDuration and tiers) on a stand-in host that records what it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../messaging/protocol';
import { DEFAULT_TIERS } from '../model/settings-defaults';
import { nextChangeAt, renderBadge, type BadgeHost } from './countdown-badge';

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

function fakeHost(): BadgeHost {
  const el = () => {
    const attrs = new Map<string, string>();
    return {
      textContent: '',
      className: '',
      getAttribute: (k: string) => attrs.get(k) ?? null,
      setAttribute: (k: string, v: string) => void attrs.set(k, v),
    };
  };
  return { host: el(), box: el(), label: el(), source: el() } as unknown as BadgeHost;
}

/** Everything renderBadge writes, as one string. */
function rendered(view: TicketView, now: number): string {
  const b = fakeHost();
  renderBadge(b, view, now, DEFAULT_TIERS);
  return [b.host.getAttribute('data-state'), b.box.className, b.label.textContent, b.source.textContent].join('|');
}

const view = (dueIn: number, extra: Partial<TicketView> = {}): TicketView => ({
  key: 'pdd:S1:workorder:1',
  nativeId: '1',
  status: 'pending',
  dueAt: NOW + dueIn,
  explain: [],
  title: '工单',
  kind: 'other',
  ...extra,
});

describe('nextChangeAt', () => {
  it('nothing changes before it, something changes at it (any deadline, any moment)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 24 * H, max: 5 * 24 * H }),
        fc.option(fc.integer({ min: M, max: 48 * H }), { nil: undefined }),
        fc.integer({ min: 0, max: 5 * H }),
        (dueIn, budgetMs, at) => {
          const v = view(dueIn, budgetMs === undefined ? {} : { budgetMs });
          const now = NOW + at;
          const next = nextChangeAt(v, now, DEFAULT_TIERS);
          expect(next).toBeGreaterThan(now);
          const before = rendered(v, now);
          expect(rendered(v, next - 1)).toBe(before);
          expect(rendered(v, Math.floor((now + next) / 2))).toBe(before);
          expect(rendered(v, next)).not.toBe(before);
        },
      ),
      // A fixed seed: the same cases every run. Bounded by the test's own timeout, not vitest's 5 s default, which
      // the 2-core machine overran under two busy loops (the cases, not a hang).
      { numRuns: 1000, seed: 20261203 },
    );
  }, 60_000);

  it('a colour boundary that changes no colour is no wake-up (a budget share past the soon window)', () => {
    // soon ≤ 2 h; a 12 h budget's share is 3 h: at 2 h left the colour is already `soon`.
    const v = view(2 * H + 30 * S, { budgetMs: 12 * H });
    expect(nextChangeAt(v, NOW, DEFAULT_TIERS)).toBe(NOW + 30 * S + 1);
  });

  it('steps: every second under an hour, every minute under a day, every hour beyond', () => {
    expect(nextChangeAt(view(10 * M + 500), NOW, DEFAULT_TIERS)).toBe(NOW + 501);
    expect(nextChangeAt(view(5 * H + 30 * S), NOW, DEFAULT_TIERS)).toBe(NOW + 30 * S + 1);
    expect(nextChangeAt(view(3 * 24 * H + 20 * M), NOW, DEFAULT_TIERS)).toBe(NOW + 20 * M + 1);
    // Overdue counts up: the next whole second late.
    expect(nextChangeAt(view(-2500), NOW, DEFAULT_TIERS)).toBe(NOW + 500);
  });

  it('a finished ticket or one without a deadline never changes by itself', () => {
    expect(nextChangeAt(view(H, { status: 'closed' }), NOW, DEFAULT_TIERS)).toBe(Infinity);
    expect(nextChangeAt(view(H, { dueAt: undefined }), NOW, DEFAULT_TIERS)).toBe(Infinity);
  });
});

import { describe, expect, it } from 'vitest';
import { createSessionGuard, type BatchClaim } from './session-guard';

const tab = { tabId: 1, frameId: 0, documentId: 'doc-a' };
const claim = (over: Partial<BatchClaim> = {}): BatchClaim => ({
  platform: 'pdd',
  shopId: 'mall-a',
  pageKind: 'pdd.work-order-list',
  complete: true,
  surfaceMatchesUrl: true,
  ...over,
});

describe('session guard', () => {
  it('binds a session to the first real shop and refuses another', () => {
    let now = 0;
    const g = createSessionGuard(() => (now += 1000));
    expect(g.check(tab, claim())).toEqual({ ok: true, shopId: 'mall-a', complete: true, notes: [] });
    expect(g.check(tab, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: false, reason: 'other-shop' });
    expect(g.check(tab, claim({ platform: 'douyin' }))).toMatchObject({ ok: false, reason: 'other-platform' });
    // Another document in the same tab (a reload, a login as shop B) is a new session.
    expect(g.check({ ...tab, documentId: 'doc-b' }, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: true });
  });

  it('files fallback-shop batches under the session shop, and leaves them alone before one is known', () => {
    let now = 0;
    const g = createSessionGuard(() => (now += 1000));
    expect(g.check(tab, claim({ shopId: 'default' }))).toMatchObject({ ok: true, shopId: 'default' });
    g.check(tab, claim());
    expect(g.check(tab, claim({ shopId: 'name-abc' }))).toMatchObject({ ok: true, shopId: 'mall-a' });
  });

  it('a complete claim for a surface the sender is not on marks nothing', () => {
    const g = createSessionGuard(() => 0);
    const v = g.check(tab, claim({ pageKind: 'pdd.aftersale-list', surfaceMatchesUrl: false }));
    expect(v).toMatchObject({ ok: true, complete: false });
    expect(v.ok && v.notes[0]).toMatch(/not complete/);
  });

  it('rate-limits each session with a retry time, and refills', () => {
    let now = 0;
    const g = createSessionGuard(() => now, { perSecond: 10, burst: 5 });
    for (let i = 0; i < 5; i++) expect(g.check(tab, claim()).ok).toBe(true);
    const refused = g.check(tab, claim());
    expect(refused).toMatchObject({ ok: false, reason: 'rate' });
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
    expect(g.check({ ...tab, frameId: 3 }, claim()).ok).toBe(true); // another frame has its own bucket
    now += 1000;
    expect(g.check(tab, claim()).ok).toBe(true);
  });
});

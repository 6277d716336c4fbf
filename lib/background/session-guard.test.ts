import { describe, expect, it } from 'vitest';
import { createSessionGuard, SESSION_RATE, type BatchClaim, type BindingStore, type Bindings } from './session-guard';

const tab = { tabId: 1, frameId: 0, documentId: 'doc-a' };
const claim = (over: Partial<BatchClaim> = {}): BatchClaim => ({
  platform: 'pdd',
  shopId: 'mall-a',
  pageKind: 'pdd.work-order-list',
  complete: true,
  surfaceMatchesUrl: true,
  ...over,
});

/** storage.session as the worker sees it: it outlives one guard (a worker life) and holds what was saved. */
const memoryStore = (initial?: unknown): BindingStore & { value: unknown; saves: number } => {
  const s = {
    value: initial,
    saves: 0,
    load: async () => s.value,
    save: async (b: Bindings) => {
      s.saves++;
      s.value = structuredClone(b);
    },
  };
  return s;
};

describe('session guard', () => {
  it('binds a session to the first real shop and refuses another', async () => {
    let now = 0;
    const g = createSessionGuard(() => (now += 1000));
    expect(await g.check(tab, claim())).toEqual({ ok: true, shopId: 'mall-a', complete: true, notes: [] });
    expect(await g.check(tab, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: false, reason: 'other-shop' });
    expect(await g.check(tab, claim({ platform: 'douyin' }))).toMatchObject({ ok: false, reason: 'other-platform' });
    // Another document in the same tab (a reload, a login as shop B) is a new session.
    expect(await g.check({ ...tab, documentId: 'doc-b' }, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: true });
  });

  it('files fallback-shop batches under the session shop, and leaves them alone before one is known', async () => {
    let now = 0;
    const g = createSessionGuard(() => (now += 1000));
    expect(await g.check(tab, claim({ shopId: 'default' }))).toMatchObject({ ok: true, shopId: 'default' });
    await g.check(tab, claim());
    expect(await g.check(tab, claim({ shopId: 'name-abc' }))).toMatchObject({ ok: true, shopId: 'mall-a' });
  });

  it('a complete claim for a surface the sender is not on marks nothing', async () => {
    const g = createSessionGuard(() => 0);
    const v = await g.check(tab, claim({ pageKind: 'pdd.aftersale-list', surfaceMatchesUrl: false }));
    expect(v).toMatchObject({ ok: true, complete: false });
    expect(v.ok && v.notes[0]).toMatch(/not complete/);
  });

  it('rate-limits each session with a retry time, and refills', async () => {
    let now = 0;
    const g = createSessionGuard(() => now, { perSecond: 10, burst: 5 });
    for (let i = 0; i < 5; i++) expect((await g.check(tab, claim())).ok).toBe(true);
    const refused = await g.check(tab, claim());
    expect(refused).toMatchObject({ ok: false, reason: 'rate' });
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
    expect((await g.check({ ...tab, frameId: 3 }, claim())).ok).toBe(true); // another frame has its own bucket
    now += 1000;
    expect((await g.check(tab, claim())).ok).toBe(true);
  });
});

describe('session guard: admission before a read', () => {
  it('admit takes the token, so the read it admitted is checked for its shop without paying twice', async () => {
    const g = createSessionGuard(() => 0, { perSecond: 1, burst: 2 });
    expect(await g.admit(tab, 'pdd')).toBeUndefined();
    expect(await g.check(tab, claim(), { admitted: true })).toMatchObject({ ok: true, shopId: 'mall-a' });
    expect(await g.admit(tab, 'pdd')).toBeUndefined();
    expect(await g.admit(tab, 'pdd')).toMatchObject({ ok: false, reason: 'rate' });
    // Admitted or not, another shop is still refused.
    expect(await g.check(tab, claim({ shopId: 'mall-b' }), { admitted: true })).toMatchObject({
      ok: false,
      reason: 'other-shop',
    });
  });
});

describe('session guard across worker restarts', () => {
  it('a restarted worker still refuses another shop from a bound session', async () => {
    const store = memoryStore();
    const first = createSessionGuard(() => 0, SESSION_RATE, store);
    expect(await first.check(tab, claim())).toMatchObject({ ok: true });
    // The worker is stopped; a new one starts with empty globals and the same storage.session.
    const second = createSessionGuard(() => 0, SESSION_RATE, store);
    expect(await second.check(tab, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: false, reason: 'other-shop' });
    expect(await second.check(tab, claim({ shopId: 'name-x' }))).toMatchObject({ ok: true, shopId: 'mall-a' });
    expect(await second.check(tab, claim({ platform: 'taobao' }))).toMatchObject({ reason: 'other-platform' });
  });

  it('writes only when a binding changes, not for every batch', async () => {
    const store = memoryStore();
    const g = createSessionGuard(() => 0, SESSION_RATE, store);
    for (let i = 0; i < 10; i++) await g.check(tab, claim());
    expect(store.saves).toBe(1);
    await g.check({ ...tab, frameId: 2 }, claim({ shopId: 'default' }));
    await g.check({ ...tab, frameId: 2 }, claim({ shopId: 'mall-a' }));
    expect(store.saves).toBe(3); // the new frame's session, then its shop
  });

  it('a closed tab and a replaced document take their bindings with them', async () => {
    const store = memoryStore();
    const g = createSessionGuard(() => 0, SESSION_RATE, store);
    await g.check(tab, claim());
    await g.check({ tabId: 2, frameId: 0, documentId: 'd2' }, claim({ shopId: 'mall-c' }));
    await g.forgetTab(2);
    expect((store.value as Bindings).map(([k]) => k)).toEqual(['1|0|doc-a']);
    // The tab navigates (a new document in its top frame): the old document's binding goes.
    await g.check({ ...tab, documentId: 'doc-b' }, claim({ shopId: 'mall-b' }));
    expect(store.value).toEqual([['1|0|doc-b', { platform: 'pdd', shopId: 'mall-b' }]]);
  });

  it('what storage hands back is validated: a tampered or broken entry binds nothing', async () => {
    for (const bad of ['junk', [['1|0|doc-a', { platform: 7 }]], [[1, 2, 3]], { __proto__: { x: 1 } }]) {
      const g = createSessionGuard(() => 0, SESSION_RATE, memoryStore(bad));
      expect(await g.check(tab, claim({ shopId: 'mall-b' }))).toMatchObject({ ok: true, shopId: 'mall-b' });
    }
    const failing: BindingStore = { load: () => Promise.reject(new Error('no storage')), save: async () => undefined };
    expect(await createSessionGuard(() => 0, SESSION_RATE, failing).check(tab, claim())).toMatchObject({ ok: true });
  });
});

/**
 * A page speaks only for itself. A page session (one document in one frame of one tab: the browser names
 * it, so a page cannot claim another's) may write one platform and one shop: the first real shop it sends,
 * which comes from what the page shows as logged in (the user-info response or the header). Every later
 * batch from that session is checked against it:
 *
 * - another real shop id is refused (a script on shop A's page that makes the page show shop B's list);
 * - a fallback shop id (the page named none) is filed under the session's shop;
 * - a complete-listing claim counts only when the claimed surface is the page the browser says the sender
 *   is on, so a listing can mark unseen only tickets of its own shop and surface;
 * - each session has a token bucket; a batch beyond it is refused with a retry time (the content side waits
 *   and retries, nothing is lost).
 *
 * The bindings (platform and shop per session) outlive the worker: MV3 stops it after 30 s idle, or kills it
 * mid-flood, and a guard that forgot them would let the next batch (a forged other-shop listing) bind the
 * session again. They are kept in a {@link BindingStore} (`storage.session` in the worker: extension pages
 * only, never content scripts; cleared with the browser), read back before the first check after a start,
 * and written before the batch that made them is answered. Validated when read (zod): what storage hands
 * back is input like any other. A tab that closes takes its sessions with it; a new document in a frame
 * (navigation, reload) ends the sessions of the documents it replaced. Rate buckets stay in memory.
 */
import { z } from 'zod';
import { isFallbackShopId } from '../db/shops-repo';

export interface SessionRef {
  tabId: number;
  frameId: number;
  /** Chromium's per-document id; absent in Firefox, where tab + frame + URL origin stand in. */
  documentId?: string | undefined;
}

export interface BatchClaim {
  platform: string;
  shopId: string;
  pageKind: string;
  complete: boolean;
  /** Whether `pageKind` is the page the sender's URL (as the browser reports it) is on. */
  surfaceMatchesUrl: boolean;
}

export type GuardVerdict =
  | { ok: true; shopId: string; complete: boolean; notes: string[] }
  | { ok: false; reason: 'rate' | 'other-shop' | 'other-platform'; detail: string; retryAfterMs?: number };

export const SESSION_RATE = { perSecond: 20, burst: 60 };
export const MAX_SESSIONS = 500;
/** The `storage.session` key of the persisted bindings. */
export const BINDINGS_KEY = 'ticket-radar:session-bindings';

/** Where bindings are kept across worker restarts; the worker's is `storage.session`. */
export interface BindingStore {
  load(): Promise<unknown>;
  save(bindings: Bindings): Promise<void>;
}

const BindingsSchema = z
  .array(
    z.tuple([z.string().max(200), z.object({ platform: z.string().max(40), shopId: z.string().max(200).optional() })]),
  )
  .max(MAX_SESSIONS);
/** Session key → binding, least recently used first. */
export type Bindings = z.infer<typeof BindingsSchema>;

interface Session {
  platform: string;
  shopId?: string;
  tokens: number;
  at: number;
}

export const sessionKey = (s: SessionRef) => `${s.tabId}|${s.frameId}|${s.documentId ?? ''}`;

export function createSessionGuard(now: () => number, rate = SESSION_RATE, store?: BindingStore) {
  const sessions = new Map<string, Session>();
  let saving: Promise<void> = Promise.resolve();
  // Read once per worker life, before the first check; a broken or missing entry starts empty.
  const loaded: Promise<void> = (store?.load() ?? Promise.resolve(undefined)).then(
    (raw) => {
      const parsed = BindingsSchema.safeParse(raw ?? []);
      if (!parsed.success) return;
      const t = now();
      for (const [key, b] of parsed.data)
        sessions.set(key, {
          platform: b.platform,
          ...(b.shopId ? { shopId: b.shopId } : {}),
          tokens: rate.burst,
          at: t,
        });
    },
    () => undefined,
  );

  /** Writes the bindings as they are now, after any write before it; never rejects. */
  const persist = (): Promise<void> => {
    if (!store) return Promise.resolve();
    const snapshot: Bindings = [...sessions].map(([k, s]) => [
      k,
      { platform: s.platform, ...(s.shopId ? { shopId: s.shopId } : {}) },
    ]);
    saving = saving.then(() => store.save(snapshot)).catch(() => undefined);
    return saving;
  };

  /**
   * Checks a batch against the session. `admitted`: its token was taken already, by {@link admit} before the
   * worker read what the batch came from.
   */
  async function check(ref: SessionRef, claim: BatchClaim, opts: { admitted?: boolean } = {}): Promise<GuardVerdict> {
    await loaded;
    const verdict = decide(ref, claim, opts.admitted === true);
    if (verdict.changed) await persist();
    return verdict.verdict;
  }

  /**
   * Takes the session's token for a batch still to be read (`pages/read`): a copy beyond the rate is refused
   * before the worker parses and reads it, not after. Undefined when admitted.
   */
  async function admit(ref: SessionRef, platform: string): Promise<Extract<GuardVerdict, { ok: false }> | undefined> {
    await loaded;
    const { s, changed } = sessionFor(ref, platform);
    const refused = takeToken(s, now());
    if (changed) await persist();
    return refused;
  }

  function sessionFor(ref: SessionRef, platform: string): { s: Session; changed: boolean } {
    const key = sessionKey(ref);
    const t = now();
    let s = sessions.get(key);
    let changed = false;
    if (!s) {
      s = { platform, tokens: rate.burst, at: t };
      changed = true;
      // A frame holds one document at a time: a new one (navigation, reload) ends the sessions before it.
      const frame = `${ref.tabId}|${ref.frameId}|`;
      for (const k of [...sessions.keys()]) if (k.startsWith(frame)) sessions.delete(k);
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    } else sessions.delete(key); // re-inserted below: the map stays in least-recently-used order
    sessions.set(key, s);
    return { s, changed };
  }

  function decide(ref: SessionRef, claim: BatchClaim, admitted: boolean): { verdict: GuardVerdict; changed: boolean } {
    const { s, changed } = sessionFor(ref, claim.platform);
    const shopBefore = s.shopId;
    const verdict = (!admitted && takeToken(s, now())) || judge(s, claim);
    return { verdict, changed: changed || s.shopId !== shopBefore };
  }

  /** One token of the session's bucket, or the refusal with when to come back. */
  function takeToken(s: Session, t: number): Extract<GuardVerdict, { ok: false }> | undefined {
    s.tokens = Math.min(rate.burst, s.tokens + ((t - s.at) / 1000) * rate.perSecond);
    s.at = t;
    if (s.tokens < 1) {
      return {
        ok: false,
        reason: 'rate',
        detail: `more than ${rate.perSecond} batches/s`,
        retryAfterMs: Math.ceil(((1 - s.tokens) / rate.perSecond) * 1000),
      };
    }
    s.tokens -= 1;
    return undefined;
  }

  function judge(s: Session, claim: BatchClaim): GuardVerdict {
    if (claim.platform !== s.platform)
      return { ok: false, reason: 'other-platform', detail: `${claim.platform} from a ${s.platform} page` };
    const notes: string[] = [];
    let shopId = claim.shopId;
    if (isFallbackShopId(shopId)) {
      if (s.shopId) shopId = s.shopId;
    } else if (!s.shopId) {
      s.shopId = shopId;
    } else if (s.shopId !== shopId) {
      return { ok: false, reason: 'other-shop', detail: `shop ${shopId.slice(0, 40)} from shop ${s.shopId}'s page` };
    }
    let complete = claim.complete;
    if (complete && !claim.surfaceMatchesUrl) {
      complete = false;
      notes.push(`complete listing for ${claim.pageKind.slice(0, 60)} from another page: not complete`);
    }
    return { ok: true, shopId, complete, notes };
  }

  /** A tab closed: its sessions end. */
  async function forgetTab(tabId: number): Promise<void> {
    await loaded;
    const before = sessions.size;
    for (const k of [...sessions.keys()]) if (k.startsWith(`${tabId}|`)) sessions.delete(k);
    if (sessions.size !== before) await persist();
  }

  return { check, admit, forgetTab };
}
export type SessionGuard = ReturnType<typeof createSessionGuard>;

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
 * Pure apart from the clock it is given; state is in memory (a worker restart forgets sessions, and the next
 * batch of a session binds it again from the same page).
 */
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
const MAX_SESSIONS = 500;

interface Session {
  platform: string;
  shopId?: string;
  tokens: number;
  at: number;
}

export const sessionKey = (s: SessionRef) => `${s.tabId}|${s.frameId}|${s.documentId ?? ''}`;

export function createSessionGuard(now: () => number, rate = SESSION_RATE) {
  const sessions = new Map<string, Session>();

  function check(ref: SessionRef, claim: BatchClaim): GuardVerdict {
    const key = sessionKey(ref);
    const t = now();
    let s = sessions.get(key);
    if (!s) {
      s = { platform: claim.platform, tokens: rate.burst, at: t };
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    } else sessions.delete(key); // re-inserted below: the map stays in least-recently-used order
    sessions.set(key, s);

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

  /** A tab closed or navigated: its sessions end. */
  function forgetTab(tabId: number) {
    for (const k of [...sessions.keys()]) if (k.startsWith(`${tabId}|`)) sessions.delete(k);
  }

  return { check, forgetTab };
}
export type SessionGuard = ReturnType<typeof createSessionGuard>;

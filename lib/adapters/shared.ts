/**
 * Helpers every adapter uses: stable shop fallbacks, text and money parsing, the DOM readers' last step.
 * Pure and free of zod: the content scripts bundle it (validation is validate.ts, in the worker).
 */
import type { Platform, RawTicket } from '../model/ticket';
import type { EndpointDef, EndpointRef, ReadIssue, ReadResult, ShopIdentity } from './types';
import { clipTicketFields } from './clip';

/**
 * The last step of a DOM-text reader, which runs on the page: over-long display text clipped (clip.ts), and
 * nothing validated here. The worker validates every ticket of a batch with the model schema when it is
 * ingested (lib/background/handlers.ts, validate.ts) and drops, and records, the invalid ones: so the page
 * bundles no zod, and a ticket is validated once.
 */
export function candidateTickets(candidates: readonly unknown[], issues: ReadIssue[]): RawTicket[] {
  const out: RawTicket[] = [];
  candidates.forEach((c, i) => {
    // The one shape the page side relies on (row pairing, stand-in hand-over): an id it can key by.
    const id = c && typeof c === 'object' ? (c as { nativeId?: unknown }).nativeId : undefined;
    if (typeof id === 'string' && id.length > 0 && id.length <= 64) out.push(clipTicketFields(c) as RawTicket);
    else issues.push({ code: 'item-invalid', detail: `item ${i}: nativeId` });
  });
  return out;
}

/** FNV-1a, enough to turn a shop name into a short stable id. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * When no shop id is found: a name seen on the page keeps shops apart (`name-<hash>`); with no name
 * either, one `default` shop per platform. Never random, so reloads land in the same shop.
 */
export function fallbackShop(name: string | undefined | null): ShopIdentity {
  const n = name?.trim();
  return n
    ? { shopId: `name-${hashString(n)}`, name: n, confidence: 'fallback' }
    : { shopId: 'default', confidence: 'fallback' };
}

export const emptyResult = (issues: ReadIssue[] = []): ReadResult => ({ tickets: [], issues });

/** Reads a value as trimmed text (numbers are ids too); anything else gives undefined. */
export function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Yuan as text or number → fen, without float drift ("12.3" → 1230). */
export function yuanToFen(v: unknown): number | undefined {
  const s = typeof v === 'number' ? v.toFixed(2) : typeof v === 'string' ? v.replace(/[¥,\s]/g, '') : '';
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const MERCHANT_TURN = /待商家|待卖家|等待商家|等待卖家|商家待处理|卖家待处理/g;
const BUYER_TURN = /待买家|等待买家|买家待|买家处理中/g;
const PLATFORM_TURN = /待平台|平台处理|平台介入|平台审核|小二介入|客服介入|仲裁/g;

/**
 * Whose move an after-sale status text describes. The current step is written last
 * (`商家拒绝，待买家处理`, `卖家已同意退款，等待买家退货`), so the latest mention wins. Undefined when the
 * words name no party.
 */
export function turnOf(statusText: string | undefined): 'merchant' | 'buyer' | 'platform' | undefined {
  if (!statusText) return undefined;
  const last = (re: RegExp) => Math.max(-1, ...[...statusText.matchAll(re)].map((m) => m.index ?? -1));
  const found = (
    [
      ['merchant', last(MERCHANT_TURN)],
      ['buyer', last(BUYER_TURN)],
      ['platform', last(PLATFORM_TURN)],
    ] as const
  ).filter(([, i]) => i >= 0);
  if (!found.length) return undefined;
  return found.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export type { Platform };

/** [modelled] Anti-bot and verification paths the platforms redirect to (captcha, slider, security check). */
export const isVerificationPath = (url: URL): boolean =>
  /(^|\/)(_____tmd_____|punish|captcha|verify|security-check)/.test(url.pathname.toLowerCase());

/**
 * An adapter's endpoints (endpoints.ts: ids and paths, what the content script knows) with their readers and
 * evidence (index.ts, what the worker runs). Typed so that every endpoint has exactly one reader.
 */
export function withReaders<const E extends readonly EndpointRef[]>(
  endpoints: E,
  readers: { [K in E[number]['id']]: Pick<EndpointDef, 'read' | 'evidence'> },
): EndpointDef[] {
  return endpoints.map((e) => ({ ...e, ...readers[e.id as E[number]['id']] }));
}

/**
 * The popup's filters and search, pure. Search finds a ticket by order number, ticket id, buyer, title,
 * product or shop, and by the pinyin initials of the Chinese ones (`tk` finds 退款); the initials come from
 * the caller (pinyin-pro stays in extension pages, never in content scripts).
 */
import type { Platform, Ticket, TicketKind } from '../model/ticket';
// From the zod-free core: the popup's early first-rows script runs this module (components/popup/early.ts).
import { shopKey } from '../model/ticket-core';

/** What the merchant chose in the popup; remembered between opens (lib/tickets/popup-view.ts). */
export interface QueueFilter {
  platform?: Platform;
  /** `platform:shopId` */
  shop?: string;
  kind?: TicketKind;
  query: string;
}

export const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Whether `t` passes the filter. `initials(text)` gives the pinyin initials of a Chinese text. */
export function matches(
  t: Ticket,
  f: QueueFilter,
  shopLabel: (key: string) => string,
  initials: (text: string) => string,
): boolean {
  if (f.platform && t.platform !== f.platform) return false;
  if (f.shop && shopKey(t.platform, t.shopId) !== f.shop) return false;
  if (f.kind && t.kind !== f.kind) return false;
  const q = norm(f.query).replace(/^#/, '');
  if (q === '') return true;
  const shop = shopLabel(shopKey(t.platform, t.shopId));
  const texts = [t.title, t.buyer, t.product, shop];
  for (const v of [t.orderId, t.nativeId, ...texts]) if (v && norm(v).includes(q)) return true;
  // Letters only: try the pinyin initials of the Chinese fields.
  if (/^[a-z]+$/.test(q)) for (const v of texts) if (v && initials(v).includes(q)) return true;
  return false;
}

/** `…4417`: the last digits an order number is told by on the phone and in notifications. */
export const shortOrder = (orderId: string | undefined): string | undefined =>
  orderId === undefined ? undefined : orderId.length > 6 ? `…${orderId.slice(-6)}` : orderId;

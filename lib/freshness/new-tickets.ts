/**
 * New tickets (issue 14): which tickets of a read are new, and the one aggregated notification of a burst.
 * Pure: the worker passes the stored freshness row as it was before the read, the merged tickets and `now`.
 */
import { isOpenStatus, shopKey, type Ticket } from '../model/ticket';
import type { Shop } from '../model/shop';
import type { FreshnessSettings } from '../model/settings';
import { platformName, t } from '../i18n';
import { MAX_ITEMS, ticketLabel, type NotificationPayload } from '../alarms/notify';
import type { FreshRow } from './schedule';

/** A ticket created this long before the previous read but not in it still counts as new (platform indexing lag). */
export const CREATED_SLACK_MS = 10 * 60_000;

/**
 * Tickets first seen in this read (`firstSeenAt === now`, the ingest's own clock) that are new:
 * - after a complete listing of the shop and surface, every open ticket first seen is new (it was not listed);
 * - after any earlier read, an open ticket first seen is new when it was created after that read (less
 *   {@link CREATED_SLACK_MS}). PDD's 工单 list opens on its 待处理 tab, which is not a complete listing
 *   (lib/adapters/pdd/list-scope.ts), yet every new 工单 appears there: the creation time says it is new, while
 *   an old ticket met on page 2 or another tab is not announced.
 * The first read after install is the baseline: nothing is new then. Closed tickets are never announced.
 */
export function newTickets(before: FreshRow | undefined, tickets: readonly Ticket[], now: number): Ticket[] {
  const lastRead = before?.lastReadAt;
  if (lastRead === undefined) return [];
  const complete = before?.lastCompleteAt !== undefined;
  return tickets.filter(
    (tk) =>
      tk.firstSeenAt === now &&
      isOpenStatus(tk.status) &&
      tk.unseenSince === undefined &&
      (complete || (tk.createdAt !== undefined && tk.createdAt >= lastRead - CREATED_SLACK_MS)),
  );
}

/** Whether the merchant wants new tickets of this platform and surface announced. */
export const announces = (s: FreshnessSettings, platform: Ticket['platform'], surface: string): boolean =>
  s.announce[platform] && s.announceSurfaces[surface] !== false;

// In the zod-free core: the popup's early first-rows script marks new tickets too.
export { isMarkedNew } from '../model/ticket-core';

const shopName = (tk: Ticket, shops: ReadonlyMap<string, Shop>) => {
  const shop = shops.get(shopKey(tk.platform, tk.shopId));
  return shop?.alias ?? shop?.name ?? tk.shopName ?? tk.shopId;
};

export interface NewTicketsNotification {
  options: NotificationPayload;
  openUrl: string;
  ticketKeys: string[];
}

/** `新工单 3 · 拼多多 暖居家纺 …` with one line per ticket and an open button; undefined for no ticket. */
export function buildNewTicketsNotification(
  tickets: readonly Ticket[],
  shops: ReadonlyMap<string, Shop>,
  opts: { rich: boolean; iconUrl: string },
): NewTicketsNotification | undefined {
  const first = tickets[0];
  if (!first) return undefined;
  const shopKeys = new Set(tickets.map((tk) => shopKey(tk.platform, tk.shopId)));
  const where = `${platformName(first.platform)} ${shopName(first, shops)}${shopKeys.size > 1 ? ' …' : ''}`;
  const title = t('freshNewTitle', tickets.length, where);
  const items = tickets.slice(0, MAX_ITEMS).map((tk) => ({
    title: ticketLabel(tk, shops.get(shopKey(tk.platform, tk.shopId))),
    message: tk.title,
  }));
  const more = tickets.length > MAX_ITEMS ? t('alertMore', tickets.length - MAX_ITEMS) : undefined;
  const lines = items.map((i) => `${i.title}：${i.message}`);
  if (more) lines.push(more);
  const options: NotificationPayload = opts.rich
    ? {
        type: 'list',
        iconUrl: opts.iconUrl,
        title,
        message: lines[0] ?? '',
        items: more ? [...items, { title: more, message: '' }] : items,
        buttons: [{ title: t('alertOpen') }],
        priority: 1,
      }
    : { type: 'basic', iconUrl: opts.iconUrl, title, message: lines.join('\n') };
  return { options, openUrl: first.url, ticketKeys: tickets.map((tk) => tk.key) };
}

/** `拼多多 暖居家纺：登录已失效，请重新登录`. */
export function loggedOutText(platform: Ticket['platform'], shop: Shop | undefined, shopId: string): string {
  return t('freshLoggedOut', platformName(platform), shop?.alias ?? shop?.name ?? shopId);
}

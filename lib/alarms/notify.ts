/**
 * The aggregated deadline notification: one per burst, listing its tickets (platform, shop, kind, time left),
 * most urgent first. Pure apart from i18n lookups (lib/i18n returns keys outside an extension, so tests assert
 * on keys). Chrome gets a `list` notification with buttons; Firefox supports only `basic` (text lines, no
 * buttons), so `rich: false` builds that instead.
 */
import { kindKey, platformName, t } from '../i18n';
import type { Shop } from '../model/shop';
import { shopKey, type Ticket } from '../model/ticket';
import { shortOrder } from '../tickets/filter';
import type { Alert } from './plan';

/** At most this many tickets are listed; the rest are counted in one line (Chrome shows about five items). */
export const MAX_ITEMS = 5;

/** Button order in {@link AlertNotification.options}; notification button events report this index. */
export const BUTTON_OPEN = 0;
export const BUTTON_SNOOZE = 1;

/** The subset of `chrome.notifications.NotificationCreateOptions` we use; Firefox accepts the `basic` form. */
export interface NotificationPayload {
  type: 'list' | 'basic';
  iconUrl: string;
  title: string;
  message: string;
  items?: { title: string; message: string }[];
  buttons?: { title: string }[];
  priority?: number;
  requireInteraction?: boolean;
}

export interface AlertNotification {
  options: NotificationPayload;
  /** The most urgent ticket: what a click opens. */
  openKey: string;
  openUrl: string;
  /** Tickets listed, most urgent first. */
  ticketKeys: string[];
}

export interface NotificationInput {
  /** Alerts to deliver, most urgent first (planAlerts orders them). */
  alerts: readonly Alert[];
  tickets: ReadonlyMap<string, Ticket>;
  shops: ReadonlyMap<string, Shop>;
  now: number;
  iconUrl: string;
  /** Chrome: `list` type, buttons, priority. Firefox: `basic` only. */
  rich: boolean;
}

/** A coarse span for notifications and tooltips: `1天3小时`, `2小时5分钟`, `10分钟`, `不到1分钟`. */
export function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) return t('spanUnderMinute');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('spanDays', d, h);
  if (h > 0) return t('spanHours', h, m);
  return t('spanMinutes', m);
}

/** `剩余 10分钟`, `已逾期 1小时0分钟` or `已到截止时间` (within a minute either side of the deadline). */
export function leftText(dueAt: number, now: number): string {
  const left = dueAt - now;
  if (Math.abs(left) < 60_000) return t('alertDueNow');
  // Round time left up and time overdue down, so a 10-minute alert firing a second late still reads 10 minutes.
  return left > 0 ? t('alertLeft', spanText(left + 59_999)) : t('alertOverdueBy', spanText(left));
}

/** `拼多多 · 店铺名 · 退款`: the merchant's alias wins over the page's shop name; never the internal id. */
export function ticketLabel(ticket: Ticket, shop: Shop | undefined): string {
  const shopName = shop?.alias ?? shop?.name ?? ticket.shopName ?? t('shopUnnamed');
  return t('alertItemTitle', platformName(ticket.platform), shopName, t(kindKey(ticket.kind)));
}

function flagText(a: Alert): string | undefined {
  if (a.snoozed) return t('alertSnoozed');
  if (a.held) return t('alertHeld');
  if (a.late) return t('alertLate');
  return undefined;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The notification for a burst, or `undefined` when none of its tickets is known. */
export function buildNotification(input: NotificationInput): AlertNotification | undefined {
  const rows = input.alerts.flatMap((a) => {
    const ticket = input.tickets.get(a.ticketKey);
    return ticket ? [{ a, ticket }] : [];
  });
  const first = rows[0];
  if (!first) return undefined;

  const overdue = rows.filter((r) => r.a.dueAt <= input.now).length;
  const soon = rows.length - overdue;
  const title =
    overdue && soon
      ? t('alertTitleMixed', overdue, soon)
      : overdue
        ? t('alertTitleOverdue', overdue)
        : t('alertTitleSoon', soon);

  const items = rows.slice(0, MAX_ITEMS).map(({ a, ticket }) => {
    // Title and short order number tell alike lines apart (`退款 · 退款` used to be all a list said).
    const order = shortOrder(ticket.orderId);
    const parts = [clip(ticket.title, 24), ...(order ? [`#${order}`] : []), leftText(a.dueAt, input.now)];
    const flag = flagText(a);
    if (flag) parts.push(flag);
    return {
      title: ticketLabel(ticket, input.shops.get(shopKey(ticket.platform, ticket.shopId))),
      message: parts.join(' · '),
    };
  });
  const more = rows.length > MAX_ITEMS ? t('alertMore', rows.length - MAX_ITEMS) : undefined;
  const lines = items.map((i) => `${i.title}：${i.message}`);
  if (more) lines.push(more);

  const iconUrl = input.iconUrl;
  const options: NotificationPayload = input.rich
    ? {
        type: 'list',
        iconUrl,
        title,
        // Shown where list items are not (macOS shows only the first item): the most urgent ticket.
        message: lines[0] ?? '',
        items: more ? [...items, { title: more, message: '' }] : items,
        buttons: [{ title: t('alertOpen') }, { title: t('alertSnooze') }],
        priority: overdue ? 2 : 1,
        // An overdue ticket is a penalty risk: keep it on screen until the merchant acts.
        ...(overdue ? { requireInteraction: true } : {}),
      }
    : { type: 'basic', iconUrl, title, message: lines.join('\n') };

  return { options, openKey: first.ticket.key, openUrl: first.ticket.url, ticketKeys: rows.map((r) => r.ticket.key) };
}

/**
 * The toolbar badge: overdue count in red, else due-soon count in amber, empty when clear; the tooltip sums it
 * up and names the most urgent ticket. Pure apart from i18n lookups (keys are returned outside an extension).
 */
import { othersTurn } from '../tickets/turn';
import { leftText, ticketLabel } from '../alarms/notify';
import { t } from '../i18n';
import type { Settings } from '../model/settings';
import type { Shop } from '../model/shop';
import { shopKey, type Ticket } from '../model/ticket';
import { computeDeadline, tierOf } from '../sla';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
  overdue: number;
  soon: number;
}

export const BADGE_RED = '#D93026';
export const BADGE_AMBER = '#E37400';

/**
 * The badge for the open tickets at `now`. Tickets a complete listing stopped showing and informational rules
 * (pdd-order-review) are not counted, as in the popup. `shops` supplies the merchant's shop aliases.
 */
export function badgeFor(
  openTickets: readonly Ticket[],
  settings: Settings,
  now: number,
  shops: ReadonlyMap<string, Shop> = new Map(),
): BadgeState {
  let overdue = 0;
  let soon = 0;
  let urgent: { ticket: Ticket; dueAt: number } | undefined;
  for (const t of openTickets) {
    if (t.unseenSince || t.dueAt === undefined || othersTurn(t)) continue;
    const d = computeDeadline(t, settings.rules);
    if (d?.informational) continue;
    const tier = tierOf({ dueAt: t.dueAt, budgetMs: d?.budgetMs }, now, settings.tiers);
    if (tier === 'overdue') overdue++;
    else if (tier === 'soon' || tier === 'critical') soon++;
    else continue;
    if (!urgent || t.dueAt < urgent.dueAt) urgent = { ticket: t, dueAt: t.dueAt };
  }
  const text = overdue ? String(Math.min(overdue, 999)) : soon ? String(Math.min(soon, 999)) : '';
  let title = overdue || soon ? t('toolbarTitleBusy', overdue, soon) : t('toolbarTitleClear');
  if (urgent) {
    const { ticket } = urgent;
    const label = ticketLabel(ticket, shops.get(shopKey(ticket.platform, ticket.shopId)));
    title += `\n${t('toolbarTitleNext', label, leftText(urgent.dueAt, now))}`;
  }
  return { text, color: overdue ? BADGE_RED : BADGE_AMBER, title, overdue, soon };
}

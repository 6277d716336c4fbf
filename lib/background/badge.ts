/**
 * The toolbar badge: overdue count in red, else due-soon count in amber, empty when clear; the tooltip sums it
 * up and names the most urgent ticket. Built from the popup's own summary (lib/tickets/summary.ts, which asks
 * state()), so the toolbar, the popup header and the overview count the same tickets by construction.
 * Pure apart from i18n lookups (keys are returned outside an extension).
 */
import { leftText, ticketLabel } from '../alarms/notify';
import { t } from '../i18n';
import type { Settings } from '../model/settings';
import type { Shop } from '../model/shop';
import { shopKey, type Ticket } from '../model/ticket';
import type { SetAside, StateCounts } from '../tickets/state';
import { summarize } from '../tickets/summary';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
  overdue: number;
  soon: number;
  /** The same counts as the popup header (overdue, due soon, due today, …). */
  counts: StateCounts;
}

export const BADGE_RED = '#D93026';
export const BADGE_AMBER = '#E37400';

/**
 * The badge for the open tickets at `now`. Tickets a complete listing stopped showing, set-aside ones and
 * informational rules (pdd-order-review) are not counted, as in the popup. `shops` supplies the shop aliases.
 */
export function badgeFor(
  openTickets: readonly Ticket[],
  settings: Settings,
  now: number,
  shops: ReadonlyMap<string, Shop> = new Map(),
  setAside: ReadonlyMap<string, SetAside> = new Map(),
): BadgeState {
  const s = summarize(openTickets, settings, now, setAside);
  const { overdue, dueSoon: soon } = s.counts;
  const text = overdue ? String(Math.min(overdue, 999)) : soon ? String(Math.min(soon, 999)) : '';
  let title =
    overdue || soon ? t('toolbarTitleBusy', overdue, soon, s.counts.dueToday) : t('toolbarTitleClear', s.counts.open);
  const urgent: Ticket | undefined = s.overdue[0]?.ticket ?? s.soon[0]?.ticket;
  if (urgent?.dueAt !== undefined) {
    const label = ticketLabel(urgent, shops.get(shopKey(urgent.platform, urgent.shopId)));
    title += `\n${t('toolbarTitleNext', label, leftText(urgent.dueAt, now))}`;
  }
  return { text, color: overdue ? BADGE_RED : BADGE_AMBER, title, overdue, soon, counts: s.counts };
}

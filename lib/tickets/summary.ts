/** What the popup lists: overdue and due-soon tickets across every platform and shop. Pure. */
import type { Settings } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { computeDeadline, tierOf, type Tier } from '../sla';
import { othersTurn } from './turn';

export interface SummaryItem {
  ticket: Ticket;
  tier: Tier;
  informational: boolean;
}

export interface Summary {
  overdue: SummaryItem[];
  soon: SummaryItem[];
  /** Open tickets with no deadline we can trust: listed so they are not forgotten, never with a guess. */
  noDeadline: SummaryItem[];
  /** Open tickets a complete listing stopped showing; kept, probably handled elsewhere. */
  unseen: SummaryItem[];
  /** The buyer's or the platform's turn: their countdown, listed apart, never overdue for the merchant. */
  waiting: SummaryItem[];
  open: number;
}

/** `tickets` must be open tickets (openTickets()); muted shops are left out of the alerts, not the counts. */
export function summarize(tickets: readonly Ticket[], settings: Settings, now: number): Summary {
  const s: Summary = { overdue: [], soon: [], noDeadline: [], unseen: [], waiting: [], open: tickets.length };
  for (const ticket of tickets) {
    const d = ticket.dueAt !== undefined ? computeDeadline(ticket, settings.rules) : undefined;
    const tier =
      ticket.dueAt === undefined ? 'none' : tierOf({ dueAt: ticket.dueAt, budgetMs: d?.budgetMs }, now, settings.tiers);
    const item: SummaryItem = { ticket, tier, informational: d?.informational === true };
    if (ticket.unseenSince) s.unseen.push(item);
    else if (othersTurn(ticket)) s.waiting.push(item);
    else if (tier === 'none') s.noDeadline.push(item);
    else if (tier === 'overdue') s.overdue.push(item);
    else if (tier === 'soon' || tier === 'critical' || (ticket.dueAt ?? Infinity) - now <= settings.popupHorizonMs)
      s.soon.push(item);
  }
  const byDue = (a: SummaryItem, b: SummaryItem) => (a.ticket.dueAt ?? Infinity) - (b.ticket.dueAt ?? Infinity);
  s.overdue.sort(byDue);
  s.soon.sort(byDue);
  s.unseen.sort(byDue);
  s.waiting.sort(byDue);
  s.noDeadline.sort((a, b) => b.ticket.lastSeenAt - a.ticket.lastSeenAt);
  return s;
}

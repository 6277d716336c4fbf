/** The toolbar badge: overdue count in red, else due-soon count in amber, empty when clear. Pure. */
import type { Settings } from '../model/settings';
import type { Ticket } from '../model/ticket';
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

export function badgeFor(openTickets: readonly Ticket[], settings: Settings, now: number): BadgeState {
  let overdue = 0;
  let soon = 0;
  for (const t of openTickets) {
    if (t.unseenSince || t.dueAt === undefined) continue;
    const d = computeDeadline(t, settings.rules);
    if (d?.informational) continue;
    const tier = tierOf({ dueAt: t.dueAt, budgetMs: d?.budgetMs }, now, settings.tiers);
    if (tier === 'overdue') overdue++;
    else if (tier === 'soon' || tier === 'critical') soon++;
  }
  const text = overdue ? String(Math.min(overdue, 999)) : soon ? String(Math.min(soon, 999)) : '';
  const title = overdue || soon ? `工单雷达：${overdue} 个已逾期，${soon} 个即将到期` : '工单雷达：暂无逾期或即将到期的工单';
  return { text, color: overdue ? BADGE_RED : BADGE_AMBER, title, overdue, soon };
}

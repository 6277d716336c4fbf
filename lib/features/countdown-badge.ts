/**
 * The countdown badge next to a ticket row. A host `<span>` carrying the testability hooks
 * (`data-ticket-key`, `data-due-at`, `data-state`) with an open shadow root, so page CSS and ours never
 * collide. Page text reaches it only through `textContent`.
 */
import type { TicketView } from '../messaging/protocol';
import type { TierSettings } from '../model/settings';
import { isOpenStatus } from '../model/ticket';
import { tierOf, type Tier } from '../sla';
import { formatBeijing, formatDuration } from '../time';
import { t, uiLocale } from '../i18n';
import { othersTurn } from '../tickets/turn';

export const BADGE_ATTR = 'data-ticket-radar-badge';

const CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin-left: 8px; max-width: 100%; }
.b { display: inline-flex; align-items: center; gap: 4px; font: 600 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
     padding: 1px 8px; border-radius: 10px; cursor: help; border: 1px solid transparent;
     /* Narrow table cells: the source note wraps below the countdown instead of running under the buttons. */
     flex-wrap: wrap; row-gap: 0; }
.b > span { white-space: nowrap; }
.b::before { content: ""; width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
.ok { color: #1e7d32; background: #e8f5e9; border-color: #c8e6c9; }
.soon { color: #a15c00; background: #fff4e0; border-color: #ffd699; }
.critical { color: #c62828; background: #ffebee; border-color: #ffcdd2; }
.overdue { color: #fff; background: #d32f2f; }
.overdue::before { background: #fff; }
.none { color: #666; background: #f2f2f2; border-color: #e0e0e0; }
.src { font-weight: 400; opacity: .75; font-size: 11px; }
`;

export interface BadgeHost {
  host: HTMLElement;
  label: HTMLElement;
  source: HTMLElement;
}

export function createBadge(doc: Document, key: string): BadgeHost {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTR, '');
  host.setAttribute('data-ticket-key', key);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const b = doc.createElement('span');
  b.className = 'b none';
  b.setAttribute('part', 'badge');
  const label = doc.createElement('span');
  const source = doc.createElement('span');
  source.className = 'src';
  b.append(label, source);
  root.append(style, b);
  return { host, label, source };
}

/** The state a view is in at `now`; finished tickets and untrusted deadlines are `none`. */
export function badgeState(view: TicketView, now: number, tiers: TierSettings): Tier {
  // The buyer's or platform's countdown is theirs: shown in grey, never amber or red for the merchant.
  if (!isOpenStatus(view.status) || view.dueAt === undefined || othersTurn(view)) return 'none';
  return tierOf({ dueAt: view.dueAt, budgetMs: view.budgetMs }, now, tiers);
}

/** Writes the badge for `now`. Cheap: runs every second for each visible badge. */
export function renderBadge(b: BadgeHost, view: TicketView, now: number, tiers: TierSettings): void {
  const state = badgeState(view, now, tiers);
  const { host, label, source } = b;
  if (host.getAttribute('data-ticket-key') !== view.key) host.setAttribute('data-ticket-key', view.key);
  const due = view.dueAt !== undefined && isOpenStatus(view.status) ? String(view.dueAt) : '';
  if (host.getAttribute('data-due-at') !== due) host.setAttribute('data-due-at', due);
  if (host.getAttribute('data-state') !== state) {
    host.setAttribute('data-state', state);
    (label.parentElement as HTMLElement).className = `b ${state}`;
  }
  const locale = uiLocale();
  let text: string;
  if (!isOpenStatus(view.status)) text = t('badgeDone');
  else if (view.dueAt === undefined) text = t('badgeNone');
  else if (view.dueAt <= now) text = t('badgeOverdue', formatDuration(now - view.dueAt, locale));
  else text = t('badgeLeft', formatDuration(view.dueAt - now, locale));
  if (othersTurn(view) && isOpenStatus(view.status))
    text = `${t(view.turn === 'buyer' ? 'turnBuyer' : 'turnPlatform')} · ${text}`;
  if (label.textContent !== text) label.textContent = text;
  const src =
    view.dueAt === undefined || !isOpenStatus(view.status) ? '' : view.dueSource === 'platform' ? '' : t('badgeRule');
  if (source.textContent !== src) source.textContent = src;
}

/** Tooltip: the deadline in Beijing time and how it was found. Set when the view changes, not per tick. */
export function badgeTooltip(view: TicketView): string {
  const head =
    view.dueAt !== undefined ? t('tooltipDue', formatBeijing(view.dueAt, 'YYYY-MM-DD HH:mm:ss')) : t('badgeNone');
  return [head, ...view.explain].join('\n');
}

/**
 * The popup's list as flat rows for a virtual list: section headers, optional shop sub-headers, and tickets,
 * filtered. Pure. Folded sections show their header (with the count) and no rows.
 */
// From the zod-free core: the popup's early first-rows script runs this module (components/popup/early.ts).
import { shopKey } from '../model/ticket-core';
import type { StateSettings } from './state';
import { endOfBeijingDay } from './state';
import { SECTIONS, type SectionId, type Summary, type SummaryItem } from './summary';

export type QueueRow =
  /** `partial`: more of its tickets may be unread (certainRows), so `count` is not shown. */
  | { type: 'section'; id: SectionId; count: number; folded: boolean; partial?: true }
  | { type: 'shop'; key: string; count: number; partial?: true }
  | { type: 'ticket'; item: SummaryItem; section: SectionId };

/** Sections that need no action now start folded. */
export const FOLDED_BY_DEFAULT: readonly SectionId[] = ['waiting', 'unseen', 'setAside'];

export function queueRows(
  s: Summary,
  keep: (item: SummaryItem) => boolean,
  opts: { groupByShop: boolean; unfolded: readonly string[] },
): QueueRow[] {
  const out: QueueRow[] = [];
  for (const id of SECTIONS) {
    const items = s[id].filter(keep);
    if (items.length === 0) continue;
    const folded = FOLDED_BY_DEFAULT.includes(id) && !opts.unfolded.includes(id);
    out.push({ type: 'section', id, count: items.length, folded });
    if (folded) continue;
    if (!opts.groupByShop) {
      for (const item of items) out.push({ type: 'ticket', item, section: id });
      continue;
    }
    // Shops in the order of their most urgent ticket (items are sorted already).
    const byShop = new Map<string, SummaryItem[]>();
    for (const item of items) {
      const k = shopKey(item.ticket.platform, item.ticket.shopId);
      let list = byShop.get(k);
      if (!list) byShop.set(k, (list = []));
      list.push(item);
    }
    for (const [key, list] of byShop) {
      out.push({ type: 'shop', key, count: list.length });
      for (const item of list) out.push({ type: 'ticket', item, section: id });
    }
  }
  return out;
}

/** The index of the next (dir 1) or previous (dir -1) ticket row from `from`, or `from` when there is none. */
export function stepTicket(rows: readonly QueueRow[], from: number, dir: 1 | -1): number {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (rows[i]!.type === 'ticket') return i;
  return from;
}

/**
 * Which sections a partial read holds whole, when it holds every open ticket due at or before `through`
 * (and none without a deadline): a section is whole when none of its tickets can be due after `through`.
 * Overdue ones are due by `now`; 即将到期 ones within the widest soon window (the tiers' or a rule's share of
 * its budget); today's before Beijing midnight. `later` is whole only when every dated ticket was read;
 * the others (no deadline, waiting, unseen, set aside) hold undated tickets, never all read early.
 */
export function wholeSections(through: number, now: number, settings: StateSettings): ReadonlySet<SectionId> {
  const whole = new Set<SectionId>();
  const t = settings.tiers;
  let soonWindow = Math.max(t.soonWithinMs, t.criticalWithinMs);
  for (const r of settings.rules ?? [])
    if (r.budgetMs !== undefined) soonWindow = Math.max(soonWindow, r.budgetMs * t.soonShare);
  if (through >= now) whole.add('overdue');
  if (through >= now + soonWindow) whole.add('soon');
  if (through >= endOfBeijingDay(now)) whole.add('laterToday');
  if (through === Infinity) whole.add('later');
  return whole;
}

/**
 * The first rows of queueRows() over a partial read that the whole read would show the same (the popup's
 * first rows, before every open ticket is read): whole sections as they are, then the first section that may
 * have unread tickets with what it has so far (they sort by deadline, so unread ones come after; with shops
 * grouped, its first shop only), its count not shown. Nothing after it. A section not sorted by deadline
 * (no deadline: by last seen) is never shown partial.
 */
export function certainRows(rows: readonly QueueRow[], whole: ReadonlySet<SectionId>): QueueRow[] {
  const out: QueueRow[] = [];
  let partial = false;
  let shops = 0;
  for (const r of rows) {
    if (r.type === 'section') {
      if (partial) break;
      if (whole.has(r.id)) {
        out.push(r);
        continue;
      }
      if (r.id === 'noDeadline' || r.folded) break;
      partial = true;
      out.push({ ...r, partial: true });
    } else if (r.type === 'shop') {
      if (partial && ++shops > 1) break;
      out.push(partial ? { ...r, partial: true } : r);
    } else out.push(r);
  }
  return out;
}

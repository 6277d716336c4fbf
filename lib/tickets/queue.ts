/**
 * The popup's list as flat rows for a virtual list: section headers, optional shop sub-headers, and tickets,
 * filtered. Pure. Folded sections show their header (with the count) and no rows.
 */
import { shopKey } from '../model/ticket';
import { SECTIONS, type SectionId, type Summary, type SummaryItem } from './summary';

export type QueueRow =
  | { type: 'section'; id: SectionId; count: number; folded: boolean }
  | { type: 'shop'; key: string; count: number }
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

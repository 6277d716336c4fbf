/**
 * What the popup's rows are made of, shared by the React popup (Popup.tsx, TicketRow.tsx) and the early
 * first-rows script (early.ts), which writes the same rows before the modules have run. No React, zod or
 * dayjs here.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { Shop } from '@/lib/model/shop';
import type { Ticket } from '@/lib/model/ticket';
import { shopKey } from '@/lib/model/ticket-core';
import type { SectionId } from '@/lib/tickets/summary';

/** A ticket row's and a header's height in the virtual list: fixed in popup.css, so measuring finds the estimate. */
export const ROW_HEIGHT = 54;
export const HEAD_HEIGHT = 30;
/** The list's box, fixed in popup.css (.queue; the body's width). */
export const QUEUE_BOX = { width: 440, height: 380 };

export const SECTION_TITLE: Record<SectionId, MessageKey> = {
  overdue: 'popupOverdue',
  soon: 'popupDueSoon',
  laterToday: 'popupLaterToday',
  later: 'popupLater',
  noDeadline: 'popupNoDeadline',
  waiting: 'popupWaiting',
  unseen: 'popupUnseen',
  setAside: 'popupSetAside',
};

/** Sections whose header is a button (folding), folded or not. */
export const FOLDING: readonly SectionId[] = ['waiting', 'unseen', 'setAside'];

/** A word beside the colour, so no state is told by colour alone. */
export const STATE_MARK: Partial<Record<string, string>> = { overdue: '⛔', critical: '❗', soon: '⚠' };

/** The state in words for screen readers, for the sections that need the merchant now. */
export const stateWord = (section: SectionId): string | undefined =>
  section === 'overdue' ? t('stateOverdue') : section === 'soon' ? t('stateDueSoon') : undefined;

/** A ticket key as an element id (keys hold `:`). */
export const cssId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_');

/** The merchant's name for a shop; never the internal id (`name-1uwmft0`). */
export function shopLabelOf(shops: ReadonlyMap<string, Shop>, tickets: readonly Ticket[]) {
  const fromTickets = new Map<string, string>();
  for (const tk of tickets) if (tk.shopName) fromTickets.set(shopKey(tk.platform, tk.shopId), tk.shopName);
  return (key: string): string => {
    const s = shops.get(key);
    return s?.alias ?? s?.name ?? fromTickets.get(key) ?? t('shopUnnamed');
  };
}

/**
 * Whose deadline a countdown is. An after-sale step on the buyer's or the platform's turn (待买家退货,
 * 平台介入中) shows their countdown: the merchant sees it, but it never counts as overdue for them and never
 * raises an alert (a false alarm teaches merchants to ignore the real ones).
 */
import type { Ticket } from '../model/ticket';

export const othersTurn = (t: Pick<Ticket, 'turn'>): boolean => t.turn === 'buyer' || t.turn === 'platform';

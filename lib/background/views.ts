/** Stored tickets → what a badge or row needs (TicketView). Pure. */
import type { Ticket } from '../model/ticket';
import { computeDeadline, explain, type Rule } from '../sla';
import type { TicketView } from '../messaging/protocol';

/** `locale` picks the language of the explain() lines (uiLocale() in the worker). */
export function toView(t: Ticket, rules: readonly Rule[], now: number, locale: 'zh' | 'en' = 'zh'): TicketView {
  const d = t.dueAt !== undefined ? computeDeadline(t, rules) : undefined;
  return {
    key: t.key,
    nativeId: t.nativeId,
    ...(t.orderId ? { orderId: t.orderId } : {}),
    status: t.status,
    ...(t.turn ? { turn: t.turn } : {}),
    ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
    ...(t.dueSource ? { dueSource: t.dueSource } : {}),
    ...(d?.budgetMs !== undefined ? { budgetMs: d.budgetMs } : {}),
    explain: explain(t, rules, now, locale).slice(0, 40),
    title: t.title,
    kind: t.kind,
    ...(t.buyer ? { buyer: t.buyer } : {}),
    ...(t.product ? { product: t.product } : {}),
    ...(t.amountFen !== undefined ? { amountFen: t.amountFen } : {}),
    ...(t.trackingNo ? { trackingNo: t.trackingNo } : {}),
    ...(t.shopName ? { shopName: t.shopName } : {}),
  };
}

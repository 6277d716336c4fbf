/**
 * Pinduoduo chat (`/chat-merchant/index.html`): the reply box and what the open conversation says about the
 * ticket (order number, buyer, product, the refund amount when the card shows one), for template variables. Pure: reads only the root passed in.
 */
import type { ReplyBox, ReplyContext } from '../types';
import * as sel from './selectors';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

/**
 * The order the conversation is about: the last order card the buyer sent, else the newest order in the
 * side panel. Its number, product, and the buyer's name (for templates only, never for diagnostics).
 */
export function chatReplyContext(root: ParentNode): ReplyContext {
  const context: ReplyContext = {};
  const buyer = sel.chatBuyerName.map((s) => text(root.querySelector(s))).find(Boolean);
  const card =
    [...root.querySelectorAll(sel.chatMessageOrderCard)].at(-1) ?? root.querySelector(sel.chatPanelOrderCard);
  const orderId = card ? sel.orderIdText.exec(card.textContent ?? '')?.[1] : undefined;
  const product = text(card?.querySelector(sel.chatOrderGoodsName));
  // The refund amount of that order: on its card, else on the side panel's card of the same order.
  const refundOf = (el: Element | null | undefined) => sel.refundAmountText.exec(el?.textContent ?? '')?.[1];
  const refund =
    refundOf(card) ??
    (orderId
      ? [...root.querySelectorAll(sel.chatPanelOrderCard)]
          .filter((c) => sel.orderIdText.exec(c.textContent ?? '')?.[1] === orderId)
          .map(refundOf)
          .find(Boolean)
      : undefined);
  if (buyer) context.buyer = buyer.slice(0, 80);
  if (orderId) context.orderId = orderId;
  if (product) context.product = product.slice(0, 200);
  if (refund) context.refundAmount = refund;
  return context;
}

/** The chat reply box with its context; none when the box is not on the page. */
export function chatReplyBoxes(root: ParentNode): ReplyBox[] {
  const box = root.querySelector<HTMLTextAreaElement>(sel.chatReplyBox);
  return box ? [{ element: box, context: chatReplyContext(root) }] : [];
}

/**
 * Taobao words → our kinds and statuses. Lists are ordered: the first match wins, so finished states come
 * before open ones (`卖家已同意退款，等待买家退货` must not read as pending) and specific words before general.
 */
import type { TicketKind, TicketStatus } from '../../model/ticket';
import type { KindMap } from '../types';

export type StatusMap = readonly (readonly [pattern: RegExp, status: TicketStatus])[];

/**
 * Refund type text (退款类型 column or row words). Evidence: refund-list--rendered.html
 * (仅退款, 退货退款, 换货). 维修 / 补寄 are after-sale services without a kind of their own.
 */
export const refundKinds: KindMap = [
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/退款/, 'refund'],
  [/维修|补寄/, 'other'],
];

/**
 * Refund status text. The open platform's states and their seller-center wording:
 * WAIT_SELLER_AGREE `买家已申请退款，等待卖家同意` (pending), WAIT_BUYER_RETURN_GOODS
 * `卖家已同意退款，等待买家退货` (processing: the buyer acts), WAIT_SELLER_CONFIRM_GOODS
 * `买家已退货，等待卖家确认收货` (pending), SELLER_REFUSE_BUYER `卖家拒绝退款` (processing),
 * SUCCESS `退款成功` (done), CLOSED `退款关闭` (closed).
 */
export const refundStatuses: StatusMap = [
  [/退款成功|已退款|换货成功|维修完成|售后完成|已完成|已完结/, 'done'],
  [/退款关闭|已关闭|已撤销|买家撤销|关闭/, 'closed'],
  [/等待卖家|待卖家|等待商家|待商家|待处理|待审核|待确认收货/, 'pending'],
  [/等待买家|待买家|拒绝|处理中|介入|仲裁|已同意/, 'processing'],
];

/** Open-platform refund `status` values [modelled use: React row records]. */
export const refundStatusCodes: Readonly<Record<string, TicketStatus>> = {
  WAIT_SELLER_AGREE: 'pending',
  WAIT_SELLER_CONFIRM_GOODS: 'pending',
  WAIT_BUYER_RETURN_GOODS: 'processing',
  SELLER_REFUSE_BUYER: 'processing',
  SUCCESS: 'done',
  CLOSED: 'closed',
};

/** Open-platform `dispute_type` [modelled]. */
export const disputeTypeKinds: Readonly<Record<string, TicketKind>> = {
  REFUND: 'refund',
  REFUND_AND_RETURN: 'return',
  TMALL_EXCHANGE: 'exchange',
  TAOBAO_EXCHANGE: 'exchange',
  REPAIR: 'other',
  RESHIPPING: 'other',
};

/** What the seller center calls each refund kind; the ticket title when the row shows no type. */
export const refundKindTitles: Readonly<Partial<Record<TicketKind, string>>> = {
  refund: '仅退款',
  return: '退货退款',
  exchange: '换货',
  other: '售后',
};

/**
 * Task-ticket type text [modelled]. 催揽收 → the taobao-urge-pickup rule, 催发货 → taobao-pickup-after-urge-ship
 * (sla-rules.md); anything else on the page (协同工单, 售后任务) is a service request.
 */
export const taskKinds: KindMap = [
  [/催揽收|揽收超时|未揽收/, 'urge-pickup'],
  [/催发货|发货超时|未发货/, 'urge-ship'],
];

/**
 * Task-ticket status text [modelled]. A 催揽收 ticket is done once replied to, picked up or refunded
 * (sla-rules.md), so 已回复 is done. The list shows `等待卖家回复` while open (marketplaces.md).
 */
export const taskStatuses: StatusMap = [
  [/已回复|已完结|已完成|已解决|已揽收|已处理|已退款/, 'done'],
  [/已关闭|已撤销|已取消|已失效|关闭/, 'closed'],
  [/等待卖家|待卖家|待回复|待处理|未处理|待跟进|已超时|已逾期/, 'pending'],
  [/处理中|跟进中|等待买家|待买家|待平台|平台处理/, 'processing'],
];

/** First matching kind, or the fallback. */
export function kindFrom(text: string | undefined, map: KindMap, fallback: TicketKind): TicketKind {
  if (!text) return fallback;
  return map.find(([re]) => re.test(text))?.[1] ?? fallback;
}

/** First matching status, or undefined (the caller reports it and keeps the ticket open). */
export function statusFrom(text: string | undefined, map: StatusMap): TicketStatus | undefined {
  if (!text) return undefined;
  return map.find(([re]) => re.test(text))?.[1];
}

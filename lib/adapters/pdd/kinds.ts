import type { TicketStatus } from '../../model/ticket';
import type { KindMap } from '../types';

/**
 * PDD `problemTitle` / `afterSalesTitle` words → our kinds. Order matters: the first match wins, so
 * specific words come before general ones (退货退款 is a return, not a refund).
 * Evidence: titles in tests/fixtures/pdd/*.json (e.g. 消费者申请退款后提示拦截, 物流异常主动服务).
 */
export const pddKinds: KindMap = [
  [/催发货|未发货|发货超时/, 'urge-ship'],
  [/揽收/, 'urge-pickup'],
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/退款|拦截/, 'refund'],
  [/物流|快递|派送|签收|运单/, 'logistics'],
  [/审核|通知|公告|违规/, 'platform-notice'],
  [/咨询|询问/, 'consult'],
];

export function kindOf(
  title: string,
  map: KindMap = pddKinds,
  fallback: 'service-request' | 'other' = 'service-request',
) {
  return map.find(([re]) => re.test(title))?.[1] ?? fallback;
}

/**
 * 售后 type names (`afterSalesTypeName`, the row's type cell) → our kinds. A separate map from `pddKinds`
 * because after-sale words collide with 工单 words: `未发货仅退款` is a refund, not a 催发货 ticket.
 * Unmatched types (补寄, 维修) fall back to `other`.
 */
export const pddAfterSaleKinds: KindMap = [
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/退款/, 'refund'],
];

/**
 * 售后 status words (`afterSalesTitle` after the comma, or the row's status cell) → our status. The
 * numeric `afterSalesStatus` does not match the open-platform enums (marketplaces.md), so only text is used.
 * First match wins: finished words before open ones, and `待商家…` (the merchant must act) before
 * `待买家…` (someone else must). Examples: tests/fixtures/pdd/aftersale-list--base.json.
 */
export const pddAfterSaleStatus: readonly (readonly [pattern: RegExp, status: TicketStatus])[] = [
  [/退款成功|换货成功|补寄成功|维修成功|售后成功|已退款|已完成|已完结/, 'done'],
  [/关闭|撤销|撤回|取消|失效/, 'closed'],
  [/待商家|待卖家|待处理|待审核/, 'pending'],
  [/待买家|买家|平台|处理中|退款中|审核中|已拒绝|驳回|已同意|已发货|寄回/, 'processing'],
];

/** The status a 售后 text names, or undefined when no word is known (reported as `status-unknown`). */
export function afterSaleStatusOf(text: string): TicketStatus | undefined {
  return pddAfterSaleStatus.find(([re]) => re.test(text))?.[1];
}

/** Ticket fields a 工单 detail flow item can fill. */
export type FlowField = 'trackingNo' | 'amountFen' | 'product' | 'orderId';

/**
 * 工单 detail flow-item keys (`todoDetail.flowList[].itemList[].key`) → the ticket field their value fills.
 * Only values a reply to the buyer needs; names, phones and addresses are never read.
 * Evidence: tests/fixtures/pdd/work-order-detail--base.json [modelled keys].
 */
export const pddFlowKeys: readonly (readonly [pattern: RegExp, field: FlowField])[] = [
  [/运单号|快递单号|物流单号/, 'trackingNo'],
  [/退款金额|赔付金额|补偿金额|打款金额/, 'amountFen'],
  [/商品名称/, 'product'],
  [/订单编号|订单号/, 'orderId'],
];

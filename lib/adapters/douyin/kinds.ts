/**
 * Douyin words → our kinds and statuses. Douyin's numeric codes differ between the open API and the
 * seller-center internals (as on PDD), so the readers go by the text the page shows; the first pattern
 * that matches wins, specific words before general ones.
 */
import type { TicketKind, TicketStatus } from '../../model/ticket';
import type { KindMap } from '../types';

/**
 * `after_sale_type_text` [seen]: 仅退款 (also 已发货仅退款 / 未发货仅退款), 退货退款, 换货, 补寄, and 维修 in
 * some categories. 退货退款 is a return, not a refund. 补寄 (re-sending missing items) is a shipping task.
 */
export const afterSaleKinds: KindMap = [
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/补寄|补发/, 'logistics'],
  [/退款/, 'refund'],
];

/**
 * `service_type_desc` / 工单类型 of 服务工单 [one source, words modelled from the platform's rule list:
 * 内容宣传, 价钱相关, 订单操作, 商品相关, 发货及物流问题, 售后服务, 换货, 商家服务问题, 快递问题].
 * Anything else is a generic service request.
 */
export const serviceKinds: KindMap = [
  [/催发货|未发货|发货慢|催促发货/, 'urge-ship'],
  [/揽收/, 'urge-pickup'],
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/退款|价保|退差/, 'refund'],
  [/物流|快递|派送|签收|发货|配送/, 'logistics'],
  [/咨询|询问/, 'consult'],
];

export function kindOf(text: string | undefined, map: KindMap, fallback: TicketKind): TicketKind {
  return (text && map.find(([re]) => re.test(text))?.[1]) || fallback;
}

/**
 * `after_sale_status_text` and the status cell's first line [seen]: 待商家处理, 待商家收货 (merchant's turn:
 * pending); 待买家退货, 待买家收货, 平台处理中, 退款中 (someone else's turn: processing); 退款成功, 换货成功,
 * 售后完成 (done); 售后关闭, 买家撤销, 拒绝售后 (closed). Order matters: `商家拒绝，待买家处理` is the buyer's
 * turn, not closed.
 */
export const afterSaleStatuses: readonly (readonly [RegExp, TicketStatus])[] = [
  [/待商家|待卖家|商家待|待你/, 'pending'],
  [/待买家|买家待|待平台|平台处理|平台介入|仲裁|处理中|退款中|换货中|补寄中|维修中/, 'processing'],
  [/成功|完成|已退款|已补寄/, 'done'],
  [/关闭|撤销|撤回|取消|驳回|拒绝|失败/, 'closed'],
];

/**
 * 服务工单 progress text (line 1 of the progress cell) and tab names [one source]: 待处理, 处理中, 已完结,
 * 已逾期 (still open, and late). 已逾期 is checked first because `逾期待处理` is pending too.
 */
export const serviceStatuses: readonly (readonly [RegExp, TicketStatus])[] = [
  [/已逾期|已超时|逾期|待处理|待商家|待回复|未处理/, 'pending'],
  [/处理中|跟进中|待买家|待平台|待审核|审核中/, 'processing'],
  [/已完结|已完成|已解决|已处理|完结|完成/, 'done'],
  [/已关闭|关闭|撤销|取消|已失效/, 'closed'],
];

/**
 * `orderService.service_status` numeric codes [modelled: no public source gives them]. Used only when the
 * record carries no status text; codes not listed here are reported as `status-unknown` and read as
 * pending, so nothing is hidden. Correct this table from a capture (README, "After a page change").
 */
export const serviceStatusCodes: Readonly<Record<string, TicketStatus>> = {
  '0': 'pending',
  '1': 'pending',
  '2': 'processing',
  '3': 'done',
  '4': 'closed',
};

export function statusOf(
  text: string | undefined,
  map: readonly (readonly [RegExp, TicketStatus])[],
): TicketStatus | undefined {
  return text ? map.find(([re]) => re.test(text))?.[1] : undefined;
}

/** Lines that say time is left or past, to tell a countdown from other numbers (`7天无理由`). */
export const TIMEOUT_CUE = /剩余|还剩|倒计时|超时|逾期|超期|后自动|内处理|内未处理|截止/;

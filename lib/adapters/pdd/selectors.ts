/**
 * Pinduoduo DOM selectors with their evidence: [count, fixture] pairs checked by the adapter contract test.
 * Class names are CSS modules with a per-release hash suffix (`listItem_itemHeader__2CBuV`): match the
 * stable prefix only, never the full hashed name.
 */
import type { Evidence } from '../types';

/** One header per ticket on the 工单 list; it shows 工单编号 and 订单编号. */
export const workOrderRow = '[class*="listItem_itemHeader"]';
export const workOrderRowEvidence: Evidence = [
  [4, 'work-order-list--rendered.html'],
  [4, 'work-order-list--hash-changed.html'],
  [0, 'aftersale-list--rendered.html'],
];

/**
 * 售后 list rows [one source]. Rows only: nested parts of a row must not share this prefix (the reader keeps
 * the outermost match anyway, in case a release adds `after-sales-table_order_item-body`).
 */
export const afterSaleRow = '[class*="after-sales-table_order_item"]';
export const afterSaleRowEvidence: Evidence = [
  [3, 'aftersale-list--rendered.html'],
  [3, 'aftersale-list--hash-changed.html'],
  [0, 'work-order-list--rendered.html'],
];
/** The row header that shows 售后编号 / 订单编号 [one source]; badges go here. */
export const afterSaleHeader = '[class*="table-item-header_sn"]';
export const afterSaleHeaderEvidence: Evidence = [
  [3, 'aftersale-list--rendered.html'],
  [3, 'aftersale-list--hash-changed.html'],
  // The 工单 list uses camelCase `tableItemHeader_sn`: no clash.
  [0, 'work-order-list--rendered.html'],
];

/** The countdown text inside a 售后 row: `（<span class="timer">6天2时3分30秒</span>未处理，系统将自动退款）` [one source]. */
export const afterSaleTimer = '.timer';
export const afterSaleTimerEvidence: Evidence = [
  [3, 'aftersale-list--rendered.html'],
  [3, 'aftersale-list--hash-changed.html'],
];

/** [modelled] Row cells read by the DOM-text fallback; first selector that matches in the row wins. */
export const afterSaleType = ['[class*="after-sales-table_type"]'] as const;
export const afterSaleTypeEvidence: Evidence = [[3, 'aftersale-list--rendered.html']];
/** The status line without the countdown under it (the countdown says 自动关闭, which is not the status). */
export const afterSaleStatus = [
  '[class*="after-sales-table_status-title"]',
  '[class*="after-sales-table_status"] > :first-child',
] as const;
export const afterSaleStatusEvidence: Evidence = [[3, 'aftersale-list--rendered.html']];
export const afterSaleGoodsName = ['[class*="after-sales-table_goods-name"]', '[class*="goods-name"]'] as const;
export const afterSaleGoodsNameEvidence: Evidence = [[3, 'aftersale-list--rendered.html']];
export const afterSaleAmount = ['[class*="after-sales-table_refund-amount"]', '[class*="refund-amount"]'] as const;
export const afterSaleAmountEvidence: Evidence = [[3, 'aftersale-list--rendered.html']];

/** 申请时间 in a 售后 row header: `申请时间：2026-11-23 15:20:11` (Beijing). */
export const afterSaleCreatedText = /申请时间\s*[:：]\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/;
/** Words that say a row shows a countdown; with no readable `.timer`, the deadline is unreadable, not absent. */
export const countdownHint = /系统将自动|自动退款|自动关闭|自动同意|剩余|还剩|逾期|超时|倒计时/;

/**
 * The 工单 detail reply form's option select (beast-core) [one source]. Option driven (`收货状态`: 已进行召回 …),
 * so no template is inserted here; kept with its evidence so a drift shows and a future form feature starts
 * from a checked selector. The form posts `/latitude/mallTicket/submitForm` (README).
 */
export const ticketFormSelect = 'input[data-testid="beast-core-select-htmlInput"]';
export const ticketFormSelectEvidence: Evidence = [
  [1, 'work-order-detail--base.html'],
  [0, 'aftersale-list--rendered.html'],
];

/** The chat reply box [one source]. */
export const chatReplyBox = '#replyTextarea';
export const chatReplyBoxEvidence: Evidence = [
  [1, 'chat--base.html'],
  [1, 'chat--refund-card.html'],
  [0, 'work-order-detail--base.html'],
];

/** [modelled] The open conversation's buyer: the conversation header, else the active conversation in the list. */
export const chatBuyerName = ['.chat-header .chat-header-nickname', '.chat-item.active .chat-item-nickname'] as const;
export const chatBuyerNameEvidence: Evidence = [
  [1, 'chat--base.html'],
  [1, 'chat--refund-card.html'],
];
/** [modelled] An order card the buyer sent in the conversation: the order they are asking about (the last one wins). */
export const chatMessageOrderCard = '.msg-list .order-card';
export const chatMessageOrderCardEvidence: Evidence = [
  [1, 'chat--base.html'],
  [1, 'chat--refund-card.html'],
];
/** [modelled] The buyer's orders in the side panel, newest first: the fallback when no card was sent. */
export const chatPanelOrderCard = '.order-panel .order-card';
export const chatPanelOrderCardEvidence: Evidence = [
  [2, 'chat--base.html'],
  [2, 'chat--refund-card.html'],
];
/** [modelled] The product name inside an order card. */
export const chatOrderGoodsName = '.order-card-goods-name';
export const chatOrderGoodsNameEvidence: Evidence = [
  [3, 'chat--base.html'],
  [3, 'chat--refund-card.html'],
];

/** Shop name in the mms header [modelled]: used only when no response gives the mall id. */
export const mallName = ['[class*="mall-name"]', '[class*="mallName"]', '[class*="shop-name"]'] as const;

/** Ids in row text. `工单编号：123`, `工单号: 123`, `订单编号：241125-…`. */
export const ticketIdText = /工单(?:编号|号|ID)\s*[:：]\s*([A-Za-z0-9_-]+)/;
export const orderIdText = /订单(?:编号|号)\s*[:：]\s*([0-9-]{10,40})/;
export const afterSaleIdText = /售后(?:编号|单号|ID)\s*[:：]\s*([A-Za-z0-9_-]+)/;
/**
 * [modelled] The refund amount an order card shows while a refund is open (`退款金额：¥12.30`); the paid amount
 * (`实付 ¥25.90`) is never taken for it. Evidence: chat--refund-card.html (1 card with it), chat--base.html (none).
 */
export const refundAmountText = /退款金额\s*[:：]?\s*[¥￥]?\s*(\d{1,9}(?:\.\d{1,2})?)(?!\d)/;

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

/** 售后 list rows and their header (shows 售后编号 / 订单编号). */
export const afterSaleRow = '[class*="after-sales-table_order_item"]';
export const afterSaleRowEvidence: Evidence = [
  [3, 'aftersale-list--rendered.html'],
  [0, 'work-order-list--rendered.html'],
];
export const afterSaleHeader = '[class*="table-item-header_sn"]';

/** The countdown text inside a 售后 row: `6天2时3分30秒`. */
export const afterSaleTimer = '.timer';

/** The chat reply box. */
export const chatReplyBox = '#replyTextarea';
export const chatReplyBoxEvidence: Evidence = [[1, 'chat--base.html']];

/** Shop name in the mms header [modelled]: used only when no response gives the mall id. */
export const mallName = ['[class*="mall-name"]', '[class*="mallName"]', '[class*="shop-name"]'] as const;

/** Ids in row text. `工单编号：123`, `工单号: 123`, `订单编号：241125-…`. */
export const ticketIdText = /工单(?:编号|号|ID)\s*[:：]\s*([A-Za-z0-9_-]+)/;
export const orderIdText = /订单(?:编号|号)\s*[:：]\s*([0-9-]{10,40})/;
export const afterSaleIdText = /售后(?:编号|单号|ID)\s*[:：]\s*([A-Za-z0-9_-]+)/;

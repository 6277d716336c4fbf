/**
 * Douyin DOM knowledge in one place: selectors, label words and text patterns, each with its evidence
 * (`xEvidence` beside `x`: [count, fixture] pairs checked by tests/unit/adapter-contract.test.ts). Douyin's UI kits are `auxo-*` (older) and
 * `aurora-*` (newer) [seen]; their class names are not hashed, but the page's own wrappers are CSS modules
 * (`index_serviceTable__3HqPz`), so those are never used. Preference: data hooks, label text, kit classes.
 */
import type { Evidence } from '../types';
import { recordSource } from './endpoints';

// ── 售后 workbench ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The header row of each after-sale carries `data-kora-json` = `{"order_id", "after_sale_id", …}` [seen].
 * A data hook, the same in both kits; in the newer kit it may sit on an element inside the row.
 */
export const afterSaleHeaderHook = '[data-kora-json]';
export const afterSaleHeaderHookEvidence: Evidence = [
  [6, 'aftersale-list--rendered.html'],
  [6, 'aftersale-list--aurora.html'],
  [0, 'aftersale-list--iframe.html'],
  [0, 'service--rendered.html'],
];

/** Table rows, primary (older auxo kit) then fallback (newer aurora kit). */
export const tableRow = ['tr.auxo-table-row', 'tr.aurora-table-row'] as const;
export const tableRowEvidence: Evidence = [
  [12, 'aftersale-list--rendered.html'],
  [12, 'aftersale-list--aurora.html'],
];

/** When no row carries the data hook: ids in the header text (`售后编号：7441…`, `订单编号：6941…`). */
export const afterSaleIdText = /售后(?:编号|单号|单ID|ID)\s*[:：]?\s*(\d{8,25})/;
export const orderIdText = /订单(?:编号|号|ID)\s*[:：]?\s*(\d{8,25})/;
/** The application time in the header text. */
export const applyTimeText = /申请时间\s*[:：]?\s*([0-9:\-/ ]{10,19})/;

/** Column labels (visible header text), with the column to assume when no header is found. */
export const afterSaleColumns = {
  status: { label: /售后状态|处理状态|^状态$/, index: 4 },
  type: { label: /售后类型|^类型$/, index: 1 },
  amount: { label: /退款金额|金额/, index: 2 },
  product: { label: /商品信息|^商品$/, index: 0 },
} as const;

// ── 服务工单 ──────────────────────────────────────────────────────────────────────────────────────────

/** 服务工单 rows: the selector the hook reads records from (endpoints.recordSource), then ARIA rows. */
export const serviceRow = [recordSource.rowSelector, '[role="row"]'] as const;
export const serviceRowEvidence: Evidence = [
  [5, 'service--rendered.html'],
  [5, 'service--hash-changed.html'],
  [0, 'service--base.html'],
];

/** The ticket id shown in the source cell: `工单ID: 7440…` [one source]. Also the anchor key. */
export const serviceTicketIdText = /工单\s*ID\s*[:：]\s*(\d{4,32})/i;
/** An order number: 15+ digits [one source] (Douyin's are 19), optionally labelled. */
export const longNumber = /(?<!\d)(\d{15,25})(?!\d)/;
/** Lines of the order cell that are only tags [one source]; every word becomes a tag. */
export const serviceTagLine = /^(?:(?:进线|催|紧急|重复|加急)\s*)+$/;
export const serviceTagWord = /进线|催|紧急|重复|加急/g;
/** 创建时间 somewhere in the row [modelled]. */
export const createdText = /创建时间\s*[:：]?\s*(.+)$/;

/** Column labels of the 服务工单 table, with the position the one source gives. */
export const serviceColumns = {
  order: { label: /订单信息|^订单$/, index: 0 },
  buyer: { label: /买家|用户|昵称/, index: 1 },
  source: { label: /来源/, index: 2 },
  type: { label: /业务类型|工单类型/, index: 3 },
  progress: { label: /处理进度|进度/, index: 4 },
} as const;

// ── Page state ────────────────────────────────────────────────────────────────────────────────────────

/** Loading spinners: rows are not there yet, so finding none is not drift. */
export const loading = [
  '.auxo-spin-spinning',
  '.aurora-spin-spinning',
  '.auxo-table-loading',
  '[aria-busy="true"]',
] as const;
export const loadingText = /^(?:加载中|loading)/i;
/** Empty-list markers: no rows is the answer, not drift. */
export const emptyState = [
  '.auxo-empty',
  '.aurora-empty',
  '.auxo-table-placeholder',
  '.aurora-table-placeholder',
] as const;
export const emptyText = /暂无(?:数据|售后|工单|记录)/;

/** Column labels that show the list is rendered (kit-independent): no rows under them is drift. */
export const afterSaleListLabels = /^(?:售后状态|售后类型|退款金额)$/;
export const serviceListLabels = /^(?:处理进度|工单来源|业务类型\/工单类型)$/;

/** A frame that holds the list: the outer page then shows no rows, and that is not drift. */
export const listFrame = 'iframe[src]';
export const listFrameEvidence: Evidence = [
  [1, 'aftersale-list--iframe.html'],
  [0, 'aftersale-list--rendered.html'],
];

/** Shop name in the fxg header [modelled]: used only when no response gives the shop id. */
export const shopName = [
  '[class*="shop-name"]',
  '[class*="shopName"]',
  '[class*="shop_name"]',
  '[data-kora="shop-name"]',
] as const;
export const shopNameEvidence: Evidence = [
  [1, 'aftersale-list--rendered.html'],
  [1, 'aftersale-list--aurora.html'],
  [1, 'aftersale-list--iframe.html'],
  [1, 'service--rendered.html'],
];

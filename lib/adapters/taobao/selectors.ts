/**
 * Taobao / Tmall seller center: every selector, word list and id pattern the readers use, with its evidence.
 * A page change is fixed here (plus a new fixture), not in the readers.
 *
 * Evidence pairs are `[count, fixture]`: how many elements the definition finds in that file of
 * tests/fixtures/taobao (checked by selectors.test.ts). For a selector list, the count is what the
 * readers see: the matches of the first selector in the list that matches anything (`queryFirst`).
 *
 * Confidence (marketplaces.md, "Taobao / Tmall"): the refund list is [one source] (path, Fusion classes,
 * 临近超时排序); task tickets (催揽收 / 催发货 / 协同工单 / 售后任务), the detail reply box and the shop
 * nick are [modelled]. Prefer, in order: visible label text, ARIA roles, Fusion classes, structure.
 */
import type { Evidence } from '../types';

// ---------------------------------------------------------------------------------------------------
// Table structure (Alibaba Fusion `next-*`, with fallbacks)

/**
 * Refund-list rows. Fusion renders `tr.next-table-row` [one source]; a theme with a custom Fusion prefix
 * keeps the `…table-row` suffix; plain `tbody tr` is the structural last resort (rows are then kept only
 * when they show a refund id).
 */
export const refundRow = ['tr.next-table-row', 'tbody tr[class*="table-row"]', 'tbody tr'] as const;
export const refundRowEvidence: Evidence = [
  [4, 'refund-list--rendered.html'],
  [4, 'refund-list--hash-changed.html'],
  [5, 'refund-list--drift.html'],
  // The structural fallback finds Fusion's empty-state row; it shows no id, so no ticket is read from it.
  [1, 'refund-list--empty.html'],
  [0, 'refund-list--logged-out.html'],
];

/**
 * Fusion tables with locked (fixed) columns render extra copies of every row in lock tables beside the main
 * one; the main table holds all columns, so rows inside these copies are skipped.
 */
export const lockedRowCopy =
  '[class*="table-lock-left"], [class*="table-lock-right"], [class*="table-fixed-left"], [class*="table-fixed-right"]';

/**
 * Body rows of any list table (the task-ticket table is found by content, so rows are taken from the
 * table the detector found). ARIA rows cover div-based grids.
 */
export const bodyRow = 'tbody tr, [role="row"]';

/** Header cells; their text names the columns (`退款编号`, `工单类型` …). */
export const headerCell = 'th, [role="columnheader"]';
export const headerCellEvidence: Evidence = [
  [8, 'refund-list--rendered.html'],
  [7, 'task-tickets--rendered.html'],
  [6, 'task-tickets--drift.html'],
];

/** Data cells of a row, in column order. */
export const dataCell = ':scope > td, :scope > [role="cell"], :scope > [role="gridcell"]';

/** Fusion tabs [one source]; used only in the stand-in pages and diagnostics. */
export const tab = 'div.next-tabs-tab-inner';
export const tabEvidence: Evidence = [
  [4, 'refund-list--rendered.html'],
  [3, 'task-tickets--rendered.html'],
];

/** An empty list says so: Fusion's empty cell, or the words. Not drift, so no `no-rows` issue. */
export const emptyState = ['.next-table-empty', '[class*="table-empty"]', '[class*="empty-content"]'] as const;
export const emptyStateEvidence: Evidence = [
  [1, 'refund-list--empty.html'],
  [0, 'refund-list--rendered.html'],
];
export const emptyText = /暂无数据|没有数据|暂无(?:退款|售后|工单|任务)|没有符合条件/;

/** Still loading (the SPA fills the table later): not drift either. */
export const loadingState = ['.next-loading-tip', '[class*="loading"]'] as const;
export const loadingText = /^\s*加载中/;

// ---------------------------------------------------------------------------------------------------
// Not logged in: the seller center swaps its content for the Alibaba login box

/**
 * Login form markers (Alibaba "havana" login box: `fm-login-id` / `fm-login-password`), or an embedded
 * login frame. Evidence: refund-list--logged-out.html.
 */
export const loginForm = [
  '#fm-login-id',
  'input[name="fm-login-password"]',
  'iframe[src*="login.taobao.com"]',
  'iframe[src*="login.tmall.com"]',
  '[class*="login-box"]',
] as const;
export const loginFormEvidence: Evidence = [
  [1, 'refund-list--logged-out.html'],
  [0, 'refund-list--rendered.html'],
  [0, 'task-tickets--rendered.html'],
];

// ---------------------------------------------------------------------------------------------------
// Shop identity [modelled]

/** Where the seller nick lives: the page header first, then anywhere. */
export const shopScopes = [
  'header',
  '[role="banner"]',
  '[class*="header"]',
  '[class*="top-bar"]',
  '[class*="topbar"]',
] as const;

/**
 * The seller nick, most specific first. Broad `seller` / `nick` classes also hit logos (`卖家中心`) and
 * buyer cells, so candidates inside tables or buyer blocks are skipped and generic words rejected.
 */
export const shopName = [
  '[class*="shop-name"]',
  '[class*="shopName"]',
  '[class*="seller-nick"]',
  '[class*="sellerNick"]',
  '[class*="user-nick"]',
  '[class*="nick"]',
  '[class*="seller"]',
] as const;
export const shopNameEvidence: Evidence = [
  [1, 'refund-list--rendered.html'],
  [1, 'task-tickets--rendered.html'],
];
/** Candidates inside these are buyer data, never the shop. */
export const notShopScope = 'table, [role="row"], [class*="buyer"]';
/** Header texts that are not a shop name. */
export const notShopText = /登录|注册|退出|帮助|消息|设置|卖家中心|商家中心|千牛|工作台|首页/;
/** A sub-account shows `店铺:客服名`; the shop is the part before the colon. */
export const subAccountSeparator = /[:：]/;

// ---------------------------------------------------------------------------------------------------
// Labelled text and columns (the DOM-text reader)

/** How one field is found in a row: `label：value` text, or the cell under a header matching `column`. */
export interface FieldSpec {
  /** Label words (alternatives), followed by a colon or by the value in the next text block. */
  label?: RegExp;
  /** Header text of the column holding the value. */
  column?: RegExp;
  /** The value itself; the first match in the labelled text or the cell is taken. */
  value: RegExp;
}

const DIGITS_ID = /\d{6,30}/;
const TEXT = /[^¦]+/;
/** A yuan amount: `¥12.30`, `￥1,299.00`, `12.3元`. */
const YUAN = /[¥￥]?\s*\d[\d,]*(?:\.\d{1,2})?/;

/**
 * Date-time text as the seller center prints it: `2026-11-24 10:00:00`, `2026/11/24 10:00`, `11-24 10:00`,
 * `2026年11月24日 10:00`, `今天 10:00`, `昨天 21:30`. Parsed by parseDateTimeText (lib/time/parse-text.ts).
 */
export const dateTimeText =
  /(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}[-/]\d{1,2}|今天|昨天|前天|明天)\s*\d{1,2}:\d{2}(?::\d{2})?/;

export const orderIdField: FieldSpec = {
  label: /(?:子|主)?订单(?:编号|号|ID)|关联订单/,
  column: /订单(?:编号|号|ID)|关联订单/,
  value: DIGITS_ID,
};
export const buyerField: FieldSpec = { label: /买家(?:昵称|账号|旺旺)?/, column: /^买家/, value: TEXT };
export const trackingField: FieldSpec = {
  label: /运单号|快递单号|物流单号/,
  column: /运单号|快递单号|物流单号/,
  value: /[A-Za-z0-9-]{4,40}/,
};

/** Refund list fields. Evidence: refund-list--rendered.html (columns), refund-list--drift.html (labels). */
export const refund = {
  id: {
    label: /退款(?:编号|单号|ID)|售后(?:编号|单号|ID)/,
    column: /退款(?:编号|单号|ID)|售后(?:编号|单号)/,
    value: DIGITS_ID,
  },
  orderId: orderIdField,
  buyer: buyerField,
  product: { label: /宝贝(?:名称|标题)|商品(?:名称|标题)/, column: /宝贝|商品/, value: TEXT },
  amount: { label: /退款金额|申请金额|退款额/, column: /退款金额|金额/, value: YUAN },
  status: { label: /退款状态|售后状态/, column: /状态/, value: TEXT },
  type: { label: /退款类型|售后类型|服务类型/, column: /类型/, value: TEXT },
  created: { label: /申请时间|创建时间|发起时间/, column: /申请时间|创建时间|发起时间/, value: dateTimeText },
} as const satisfies Record<string, FieldSpec>;

/** Words of a refund type anywhere in the row, when no type column or label is shown. */
export const refundTypeWords = /仅退款|退货退款|换货|维修|补寄/;

// ---------------------------------------------------------------------------------------------------
// Deadlines shown in a row

/**
 * A text block showing time left or time past: `剩余1天23时`, `还剩 23小时59分`, `剩余 00:45:10`, `已逾期2小时`,
 * `超时30分钟`. The whole block goes to parseDurationText, which finds the duration in it. Only blocks with
 * one of these words are read, so `12小时保温` in a product title is never taken for a countdown.
 * Blocks with a timeout timestamp (`超时时间：…`) are read as timestamps first.
 */
export const countdownCue = /剩余|还剩|仅剩|逾期|超时|超期|倒计时/;

/** Elements holding a bare countdown (`1天23时59分`, `23:59:59`) without a cue word: the class is the cue. */
export const countdownElement = ['.next-countdown', '[class*="countdown"]', '[class*="count-down"]', '.timer'] as const;

/** A timeout timestamp after a label: `超时时间：2026-11-26 10:00:00`. */
export const timeoutAtLabel = /超时时间|截止时间|到期时间|处理截止|最晚处理时间|自动(?:同意|关闭|退款)时间/;
/** A timeout timestamp before words: `2026-11-26 10:00 前未处理，系统将自动同意`. */
export const timeoutAtBefore = new RegExp(`(${dateTimeText.source})\\s*(?:前|之前)[^¦]*(?:处理|自动|超时)`);

/**
 * Words saying a deadline is shown. If one is present and nothing above parses, the deadline is
 * unreadable: the ticket gets `deadlineUnreadable` and no rule deadline is guessed.
 */
export const deadlineCue = /剩余|还剩|仅剩|逾期|已超时|超时时间|截止时间|倒计时|自动(?:同意|关闭|退款)/;

/** Row words marking a ticket as urgent. */
export const urgentWords = /紧急|加急|即将超时|即将逾期/;

// ---------------------------------------------------------------------------------------------------
// Task tickets 催揽收 / 催发货 / 协同工单 / 售后任务 [modelled: found by content]

/**
 * A task-ticket table has a header cell with one of these words … Evidence: task-tickets--rendered.html
 * (`工单编号`, `工单类型`), task-tickets--drift.html (`任务ID`, `任务名称`); refund-list and sold-orders
 * headers have neither.
 */
export const taskHeaderWords: readonly RegExp[] = [/工单/, /任务/];
/**
 * … and at least one body row with one of these words. Evidence: task-tickets--*.html; the sold-orders page
 * (a row tagged `买家已催发货`, header without 工单/任务) and task-center page (任务 header, no 催 rows) must
 * not match.
 */
export const taskRowWords: readonly RegExp[] = [/催揽收/, /催发货/];

export const task = {
  id: {
    label: /工单(?:编号|号|ID)|任务(?:编号|单号|ID)/,
    column: /工单(?:编号|号|ID)|任务(?:编号|单号|ID)/,
    value: /[A-Za-z0-9_-]{4,64}/,
  },
  orderId: orderIdField,
  trackingNo: trackingField,
  buyer: buyerField,
  product: { label: /宝贝(?:名称|标题)|商品(?:名称|标题)/, column: /宝贝|商品/, value: TEXT },
  type: {
    label: /工单类型|任务类型|问题类型|工单名称|任务名称/,
    column: /工单类型|任务类型|问题类型|工单名称|任务名称|^类型$/,
    value: TEXT,
  },
  status: { label: /工单状态|任务状态|处理状态|状态/, column: /状态/, value: TEXT },
  created: {
    label: /创建时间|发起时间|生成时间|提交时间/,
    column: /创建时间|发起时间|生成时间|提交时间/,
    value: dateTimeText,
  },
  /** [modelled] A 催发货 order once shipped: rule taobao-pickup-after-urge-ship counts from here. */
  shipped: { label: /发货时间/, column: /发货时间/, value: dateTimeText },
} as const satisfies Record<string, FieldSpec>;

/** Tags copied from row text: rules can match them (`tagsAny`). */
export const taskTags: readonly (readonly [RegExp, string])[] = [
  [/协同工单/, '协同工单'],
  [/售后任务/, '售后任务'],
  [/紧急|加急/, '紧急'],
];
export const refundTags: readonly (readonly [RegExp, string])[] = [
  [/小二介入|平台介入|客服介入/, '平台介入'],
  [/极速退款/, '极速退款'],
  [/天猫/, '天猫'],
];

// ---------------------------------------------------------------------------------------------------
// Task ticket detail and its reply box [modelled]

/** The reply box: a textarea whose surrounding block (≤ `replyBlockDepth` levels up) mentions 回复. */
export const replyBox = 'textarea';
export const replyBoxEvidence: Evidence = [
  [1, 'task-ticket-detail--rendered.html'],
  [0, 'task-tickets--rendered.html'],
];
export const replyWords = /回复/;
export const replyBlockDepth = 4;

/** The detail page mentions a task ticket and shows its id label. */
export const detailTicketWords = /催揽收|催发货|任务工单|协同工单|售后任务/;

/** Links in a row that lead to the ticket (their href contains the id, or the text says 详情). */
export const detailLink = 'a[href]';
export const detailLinkText = /详情|查看|处理/;

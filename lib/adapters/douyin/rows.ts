/**
 * Rows on screen (badge anchors) and the DOM-text fallback reader (strategy 3 of marketplaces.md) for both
 * Douyin pages. Pure: only the root passed in is read; never throws.
 *
 * Anchor keys: every anchor carries the ticket's own id as `nativeId` (售后编号 from `data-kora-json` or the
 * header text; 服务工单 from the row's `工单ID:` text) plus the order number. The id is what the JSON, record
 * and DOM readers all use as `nativeId`, so a ticket pairs with its row by key whichever reader produced it;
 * no row index is needed (React re-renders and pagination reorder rows, ids do not move).
 */
import type { RawTicket, TicketStatus } from '../../model/ticket';
import { parseDateTimeText } from '../../time/parse-text';
import { fallbackShop, turnOf, candidateTickets, yuanToFen } from '../shared';
import type { ReadContext, ReadIssue, ReadResult, RowAnchor, ShopIdentity } from '../types';
import { deadlineFromLines } from './deadline';
import { cellsOf, clip, queryAny, queryFirst, statusQuote, textLines, textOf } from '../dom';
import { AFTERSALE_LIST_PATH, afterSaleUrl, SERVICE_LIST_PATH } from './pages';
import { afterSaleKinds, afterSaleStatuses, kindOf, serviceStatuses, statusOf } from './kinds';
import * as sel from './selectors';
import { serviceTicket } from './service-tickets';

// ── Columns ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Header labels for a row's table. Kits with a fixed header render it as a separate `<table>` above the
 * body, so the search climbs a few ancestors until one holds a `thead`.
 */
function headerLabels(row: Element): string[] {
  let el: Element | null = row.closest('table');
  for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
    const ths = el.querySelectorAll('thead th, thead [role="columnheader"]');
    if (ths.length) return Array.from(ths, (th) => textOf(th));
  }
  return [];
}

type Labels = (row: Element) => string[];

/**
 * {@link headerLabels} remembered per table for one read: every row of a list shares its table, and the
 * climb queries an ancestor holding all rows, so asking per row made a 500-row read O(rows²) (issue 12).
 * Scoped to one call of a reader, never kept: a re-rendered header is read afresh next time.
 */
function labelsPerTable(): Labels {
  const byTable = new Map<Element | null, string[]>();
  return (row) => {
    const table = row.closest('table');
    let labels = byTable.get(table);
    if (!labels) byTable.set(table, (labels = headerLabels(row)));
    return labels;
  };
}

/** The cell under a labelled column, else at the position the evidence gives. */
function cell(
  cells: readonly Element[],
  labels: readonly string[],
  col: { label: RegExp; index: number },
): Element | undefined {
  const i = labels.findIndex((l) => col.label.test(l));
  return cells[i >= 0 ? i : col.index];
}

// ── Page state ────────────────────────────────────────────────────────────────────────────────────────

/**
 * `no-rows` when the list is on screen (its column labels are visible) but no row could be read: that is
 * drift. A list still loading or not yet rendered (the overlay reads on every mutation, from the first
 * one), an empty list, or a list inside a frame (read by the frame's own content script) is not.
 */
function noRowsIssue(
  root: ParentNode,
  pageUrl: URL | undefined,
  page: string,
  framePath: RegExp,
  labels: RegExp,
): ReadIssue[] {
  if (queryAny(root, sel.loading).length || queryAny(root, sel.emptyState).length) return [];
  const base = pageUrl?.href ?? 'https://fxg.jinritemai.com/';
  const inFrame = Array.from(root.querySelectorAll(sel.listFrame)).some((f) => {
    try {
      return framePath.test(new URL(f.getAttribute('src') ?? '', base).pathname);
    } catch {
      return false;
    }
  });
  if (inFrame) return [];
  const lines = textLines(((root as Partial<Document>).body ?? root) as Element);
  if (lines.some((l) => sel.loadingText.test(l) || sel.emptyText.test(l))) return [];
  if (!lines.some((l) => labels.test(l))) return [];
  return [{ code: 'no-rows', detail: `${page}: column labels visible but no row with a ticket id` }];
}

// ── 售后 workbench ─────────────────────────────────────────────────────────────────────────────────────

interface AfterSaleGroup {
  afterSaleId: string;
  orderId?: string | undefined;
  header: Element;
  /** The content rows under the header (product, type, amount, status…). */
  rows: Element[];
}

const koraJson = (el: Element): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(el.getAttribute('data-kora-json') ?? '');
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};
const digits = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? /^\d{4,32}$/.exec(String(v).trim())?.[0] : undefined;

/** A row of either kit, or the nearest table row, for an element inside it. */
const rowOf = (el: Element): Element => el.closest(sel.tableRow.join(',')) ?? el.closest('tr') ?? el;

/**
 * After-sales on screen: each is a header row (ids) followed by its content rows, up to the next header.
 * Headers come from the `data-kora-json` hook, else from `售后编号` text in the rows of either kit.
 */
export function afterSaleGroups(root: ParentNode): AfterSaleGroup[] {
  const headers = new Map<Element, { afterSaleId: string; orderId?: string | undefined }>();
  for (const hook of Array.from(root.querySelectorAll(sel.afterSaleHeaderHook))) {
    const j = koraJson(hook);
    const afterSaleId = digits(j?.after_sale_id ?? j?.aftersale_id);
    const row = rowOf(hook);
    // A hook whose JSON lost the id still marks a header: fall back to its text.
    const text = textOf(row);
    const id = afterSaleId ?? sel.afterSaleIdText.exec(text)?.[1];
    if (id && !headers.has(row))
      headers.set(row, { afterSaleId: id, orderId: digits(j?.order_id) ?? sel.orderIdText.exec(text)?.[1] });
  }
  if (!headers.size) {
    for (const row of queryFirst(root, sel.tableRow)) {
      const text = textOf(row);
      const id = sel.afterSaleIdText.exec(text)?.[1];
      if (id) headers.set(row, { afterSaleId: id, orderId: sel.orderIdText.exec(text)?.[1] });
    }
  }
  return [...headers].map(([header, ids]) => {
    const rows: Element[] = [];
    for (
      let next = header.nextElementSibling;
      next && !headers.has(next) && rows.length < 10;
      next = next.nextElementSibling
    ) {
      rows.push(next);
    }
    return { ...ids, header, rows };
  });
}

/** The cell that shows the status (first line) and countdown: by its column label, else by its words. */
function statusCell(group: AfterSaleGroup, labelsOf: Labels): Element | undefined {
  for (const row of group.rows) {
    const cells = cellsOf(row);
    const labelled = cell(cells, labelsOf(row), { ...sel.afterSaleColumns.status, index: -1 });
    if (labelled) return labelled;
    const byWords = cells.find((c) => statusOf(textLines(c)[0], afterSaleStatuses) !== undefined);
    if (byWords) return byWords;
  }
  return undefined;
}

export function afterSaleAnchors(root: ParentNode): RowAnchor[] {
  const labelsOf = labelsPerTable();
  return afterSaleGroups(root).map((g) => ({
    nativeId: g.afterSaleId,
    orderId: g.orderId,
    row: g.header,
    slot: statusCell(g, labelsOf) ?? cellsOf(g.header).at(-1) ?? g.header,
  }));
}

/** DOM-text fallback for the 售后 list: status cell line 1 is the status, later lines the countdown. */
export function readAfterSaleRows(root: ParentNode, ctx: ReadContext, shop: ShopIdentity): ReadResult {
  const issues: ReadIssue[] = [];
  const groups = afterSaleGroups(root);
  if (!groups.length) {
    return {
      tickets: [],
      issues: noRowsIssue(root, ctx.pageUrl, 'douyin.aftersale-list', AFTERSALE_LIST_PATH, sel.afterSaleListLabels),
    };
  }
  const labelsOf = labelsPerTable();
  const candidates = groups.map((g) => afterSaleRowTicket(g, ctx, shop, issues, labelsOf));
  return { tickets: candidateTickets(candidates, issues), issues };
}

function afterSaleRowTicket(
  g: AfterSaleGroup,
  ctx: ReadContext,
  shop: ShopIdentity,
  issues: ReadIssue[],
  labelsOf: Labels,
): Partial<RawTicket> {
  const id = g.afterSaleId;
  const content = g.rows[0];
  const cells = content ? cellsOf(content) : [];
  const labels = content ? labelsOf(content) : [];
  const stCell = statusCell(g, labelsOf);
  const stLines = textLines(stCell);
  let status: TicketStatus | undefined = statusOf(stLines[0], afterSaleStatuses);
  if (!status) {
    issues.push({
      code: 'status-unknown',
      detail: `after-sale ${id}: status text ${statusQuote(stLines[0])}`,
    });
    status = 'pending';
  }
  const rowLines = g.rows.flatMap((r) => textLines(r));
  const typeText =
    textLines(cell(cells, labels, sel.afterSaleColumns.type)).find(
      (l) => kindOf(l, afterSaleKinds, 'other') !== 'other',
    ) ?? rowLines.find((l) => /^(?:仅退款|已发货仅退款|未发货仅退款|退货退款|换货|补寄|维修)$/.test(l));
  const amountLine = textLines(cell(cells, labels, sel.afterSaleColumns.amount)).find((l) => /¥|￥|元/.test(l));
  const productLine = textLines(cell(cells, labels, sel.afterSaleColumns.product)).find(
    (l) => !/^[^:：]{1,6}[:：]/.test(l),
  );
  const headerText = textOf(g.header);
  const applyText = sel.applyTimeText.exec(headerText)?.[1];
  const d = deadlineFromLines(stLines.slice(1), ctx.now);
  if (d.unreadable) issues.push({ code: 'deadline-invalid', detail: `after-sale ${id}: countdown text not readable` });
  return {
    platform: 'douyin',
    surface: 'douyin.aftersale-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind: kindOf(typeText, afterSaleKinds, 'other'),
    title: clip(typeText, 200) ?? '售后',
    status,
    orderId: g.orderId,
    product: clip(productLine, 200),
    amountFen: amountLine ? yuanToFen(/[\d.,]+/.exec(amountLine)?.[0]) : undefined,
    createdAt: applyText ? parseDateTimeText(applyText, ctx.now) : undefined,
    deadline: d.deadline,
    deadlineUnreadable: d.unreadable,
    urgent: false,
    turn: turnOf(stLines[0]),
    tags: [],
    url: afterSaleUrl(id),
  };
}

// ── 服务工单 ──────────────────────────────────────────────────────────────────────────────────────────

interface ServiceRow {
  row: Element;
  nativeId: string;
  orderId?: string | undefined;
}

/** 服务工单 rows that show a `工单ID:`; placeholder and expanded rows have none and are skipped. */
export function serviceRows(root: ParentNode, labelsOf: Labels = labelsPerTable()): ServiceRow[] {
  return queryFirst(root, sel.serviceRow).flatMap((row): ServiceRow[] => {
    const nativeId = sel.serviceTicketIdText.exec(textOf(row))?.[1];
    if (!nativeId) return [];
    const orderCell = cell(cellsOf(row), labelsOf(row), sel.serviceColumns.order);
    const orderText = textOf(orderCell);
    const orderId = sel.orderIdText.exec(orderText)?.[1] ?? sel.longNumber.exec(orderText)?.[1];
    return [{ row, nativeId, orderId }];
  });
}

export function serviceAnchors(root: ParentNode): RowAnchor[] {
  const labelsOf = labelsPerTable();
  return serviceRows(root, labelsOf).map(({ row, nativeId, orderId }) => {
    const cells = cellsOf(row);
    return {
      nativeId,
      orderId,
      row,
      slot: cell(cells, labelsOf(row), sel.serviceColumns.progress) ?? cells.at(-1) ?? row,
    };
  });
}

/** Strips a short label (`业务类型：`) from a line. */
const unlabel = (line: string | undefined) => line?.replace(/^[^:：\d]{1,8}[:：]\s*/, '').trim() || undefined;

/**
 * DOM-text fallback for 服务工单, used when no row record was found. Cells per the one source: [0] order
 * (order no., tag lines 进线/催/紧急/重复), [1] buyer, [2] source with `工单ID:`, [3] business type / ticket
 * type, [4] progress (status, then countdown), [5] solution, [6] last log. Fields match readServiceRecord.
 */
export function readServiceRows(root: ParentNode, ctx: ReadContext, shop: ShopIdentity): ReadResult {
  const issues: ReadIssue[] = [];
  const labelsOf = labelsPerTable();
  const rows = serviceRows(root, labelsOf);
  if (!rows.length) {
    return {
      tickets: [],
      issues: noRowsIssue(root, ctx.pageUrl, 'douyin.service-tickets', SERVICE_LIST_PATH, sel.serviceListLabels),
    };
  }
  const candidates = rows.map(({ row, nativeId, orderId }) => {
    const cells = cellsOf(row);
    const labels = labelsOf(row);
    const col = (c: { label: RegExp; index: number }) => textLines(cell(cells, labels, c));
    const orderLines = col(sel.serviceColumns.order);
    const tags = orderLines.filter((l) => sel.serviceTagLine.test(l)).flatMap((l) => l.match(sel.serviceTagWord) ?? []);
    const product = orderLines.find(
      (l) => !sel.serviceTagLine.test(l) && !sel.longNumber.test(l) && !/^[^:：]{1,6}[:：]/.test(l),
    );
    const [businessType, typeText] = col(sel.serviceColumns.type).map(unlabel);
    // The source cell also holds `工单ID: …`; only the other lines say who raised the ticket.
    const source = col(sel.serviceColumns.source)
      .filter((l) => !sel.serviceTicketIdText.test(l))
      .join(' ');
    const progress = col(sel.serviceColumns.progress);
    let status: TicketStatus | undefined = statusOf(progress[0], serviceStatuses);
    if (!status) {
      issues.push({
        code: 'status-unknown',
        detail: `service ${nativeId}: status text ${statusQuote(progress[0])}`,
      });
      status = 'pending';
    }
    const d = deadlineFromLines(progress.slice(1), ctx.now);
    if (d.unreadable)
      issues.push({ code: 'deadline-invalid', detail: `service ${nativeId}: countdown text not readable` });
    const createdLine = textLines(row)
      .map((l) => sel.createdText.exec(l)?.[1])
      .find(Boolean);
    return serviceTicket(
      {
        nativeId,
        orderId,
        // A single line in the type cell is the ticket type (the business type is then unknown).
        typeText: typeText ?? businessType,
        businessType: typeText ? businessType : undefined,
        source: source || undefined,
        status,
        tags,
        buyer: col(sel.serviceColumns.buyer)[0],
        product,
        createdAt: createdLine ? parseDateTimeText(createdLine, ctx.now) : undefined,
        deadline: d.deadline,
        deadlineUnreadable: d.unreadable,
      },
      shop,
    );
  });
  return { tickets: candidateTickets(candidates, issues), issues };
}

/** Shop name from the page header [modelled selectors], as the stable fallback identity. */
export const shopFromRoot = (root: ParentNode): ShopIdentity =>
  fallbackShop(sel.shopName.map((s) => textOf(root.querySelector(s))).find(Boolean));

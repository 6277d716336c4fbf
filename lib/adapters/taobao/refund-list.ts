/**
 * Refund list (退款列表) DOM-text reader [one source]: Fusion table rows → RawTicket. Pure; never throws.
 * Fields are found by label text or column header (selectors.ts `refund`), so relabelled or reordered
 * columns keep working. Evidence: tests/fixtures/taobao/refund-list--*.html and their golden outputs.
 */
import type { RawTicket } from '../../model/ticket';
import { isOpenStatus, type TicketStatus } from '../../model/ticket-core';
import { turnOf, candidateTickets } from '../shared';
import type { ReadContext, ReadIssue, ReadResult, RowAnchor, ShopIdentity } from '../types';
import { emptyOrLoading, isLoginPage } from './detect';
import { norm, queryFirst, textBlocks } from '../dom';
import {
  cellFor,
  firstLineOf,
  headersFor,
  readDateTime,
  readDeadline,
  readField,
  rowStatus,
  rowView,
  type DeadlineRead,
  tagsFrom,
  yuanTextToFen,
  type RowView,
} from './dom';
import { kindFrom, refundKinds, refundKindTitles, refundStatuses } from './kinds';
import * as sel from './selectors';
import { ticketUrl } from './links';

/** Refund-list rows that show a refund id or an order id (anything else is a spacer, group or empty row). */
export function refundRows(root: ParentNode): RowView[] {
  const headerCache = new Map<Element | null, string[] | undefined>();
  return queryFirst(root, sel.refundRow).flatMap((row) => {
    if (row.closest(sel.lockedRowCopy)) return [];
    const key = row.parentElement;
    if (!headerCache.has(key)) headerCache.set(key, headersFor(row));
    const view = rowView(row, headerCache.get(key));
    return readField(view, sel.refund.id) || readField(view, sel.refund.orderId) ? [view] : [];
  });
}

/** Where a badge goes: the status cell (it shows the platform's own timeout text), else the first cell. */
function slotOf(view: RowView): Element {
  return cellFor(view, sel.refund.status.column) ?? view.cells[0] ?? view.el;
}

/** Badge anchors on the refund list. */
export function refundAnchors(root: ParentNode): RowAnchor[] {
  return refundRows(root).map((v) => ({
    nativeId: readField(v, sel.refund.id),
    orderId: readField(v, sel.refund.orderId),
    row: v.el,
    slot: slotOf(v),
  }));
}

/** The refund list on screen → tickets. */
export function readRefundRows(root: ParentNode, ctx: ReadContext, shop: ShopIdentity): ReadResult {
  const issues: ReadIssue[] = [];
  if (isLoginPage(root)) {
    return {
      tickets: [],
      issues: [{ code: 'not-logged-in', detail: 'refund list shows the login box' }],
      loggedOut: true,
    };
  }
  const views = refundRows(root);
  if (!views.length) {
    if (!emptyOrLoading(root))
      issues.push({ code: 'no-rows', detail: `refund list: no rows matched ${sel.refundRow.join(' | ')}` });
    return { tickets: [], issues, shop };
  }
  const seen = new Set<string>();
  const candidates = views.flatMap((v, i) => {
    const t = refundTicket(v, i, ctx, shop, issues);
    // One ticket per id: an expanded or repeated row must not send the same refund twice.
    if (!t?.nativeId || seen.has(t.nativeId)) return [];
    seen.add(t.nativeId);
    return [t];
  });
  return { tickets: candidateTickets(candidates, issues), issues, shop };
}

function refundTicket(
  v: RowView,
  i: number,
  ctx: ReadContext,
  shop: ShopIdentity,
  issues: ReadIssue[],
): Partial<RawTicket> | undefined {
  const id = readField(v, sel.refund.id);
  if (!id) {
    // A row with an order number but no refund id: the id label or column moved. Without the id there is
    // no stable key, so the row is skipped and reported (no buyer data in the detail).
    issues.push({ code: 'field-missing', detail: `refund row ${i}: 退款编号 not found` });
    return undefined;
  }
  const typeText = readField(v, sel.refund.type) ?? sel.refundTypeWords.exec(v.text)?.[0];
  const kind = kindFrom(typeText, refundKinds, 'refund');
  const statusText = firstLineOf(v, sel.refund.status.column) ?? readField(v, sel.refund.status);
  const status = statusOf(statusText, v, id, issues);
  const createdText = readField(v, sel.refund.created);
  const createdAt = readDateTime(createdText, ctx.now);
  if (createdText && createdAt === undefined)
    issues.push({ code: 'field-missing', detail: `refund ${id}: 申请时间 unreadable` });
  const amountText = readField(v, sel.refund.amount);
  const amountFen = yuanTextToFen(amountText);
  if (amountText && amountFen === undefined)
    issues.push({ code: 'field-missing', detail: `refund ${id}: 退款金额 unreadable` });
  // Finished tickets need no deadline; their rows may still say 超时 (`退款关闭（超时未处理）`).
  const dl: DeadlineRead = isOpenStatus(status) ? readDeadline(v, ctx.now) : {};
  if (dl.unreadable) issues.push({ code: 'deadline-invalid', detail: `refund ${id}: timeout text not readable` });
  return {
    platform: 'taobao',
    surface: 'taobao.refund-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind,
    title: (typeText && typeText.length <= 40 ? typeText : undefined) ?? refundKindTitles[kind] ?? '退款',
    status,
    orderId: readField(v, sel.refund.orderId),
    buyer: readField(v, sel.refund.buyer),
    product: productOf(v),
    amountFen,
    createdAt,
    deadline: dl.deadline,
    deadlineUnreadable: dl.unreadable,
    urgent: sel.urgentWords.test(v.text),
    turn: turnOf(statusText),
    tags: tagsFrom(v.text, sel.refundTags),
    url: ticketUrl(v.el, id, ctx.pageUrl),
  };
}

const statusOf = (text: string | undefined, v: RowView, id: string, issues: ReadIssue[]): TicketStatus =>
  rowStatus(text, v, refundStatuses, `refund ${id}`, issues);

/** The product title: the labelled title, else the first block of the 宝贝 cell that is not a `label：value`. */
function productOf(v: RowView): string | undefined {
  const labelled =
    sel.refund.product.label &&
    new RegExp(`(?:${sel.refund.product.label.source})\\s*[:：]\\s*([^¦]+)`).exec(v.text)?.[1];
  if (labelled) return norm(labelled).slice(0, 200);
  const cell = cellFor(v, sel.refund.product.column);
  const line = cell && textBlocks(cell).find((l) => !/^[^:：]{1,10}[:：]/.test(l) && !/^[¥￥]/.test(l));
  return line ? line.slice(0, 200) : undefined;
}

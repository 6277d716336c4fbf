/**
 * Task tickets 催揽收 / 催发货 / 协同工单 / 售后任务 [modelled]: DOM-text reader, anchors and reply boxes.
 * No public source gives their URL, endpoint or fields (marketplaces.md), so everything is found by content
 * and by words kept in selectors.ts. The list gives no platform deadline: the background applies the rule
 * table from the creation time (sla-rules.md taobao-urge-pickup, 24 h calendar) unless the row shows a
 * countdown, which then wins as the platform's own deadline.
 */
import type { RawTicket } from '../../model/ticket';
import { isOpenStatus, type TicketKind, type TicketStatus } from '../../model/ticket-core';
import { candidateTickets } from '../shared';
import type { ReadContext, ReadIssue, ReadResult, ReplyBox, ReplyContext, RowAnchor, ShopIdentity } from '../types';
import { blockOf, emptyOrLoading, findTaskTable, isLoginPage, replyTextareas } from './detect';
import { norm, textBlocks } from '../dom';
import {
  cellFor,
  firstLineOf,
  readDateTime,
  readDeadline,
  readField,
  rowStatus,
  rowView,
  type DeadlineRead,
  tagsFrom,
  type RowView,
} from './dom';
import { kindFrom, taskKinds, taskStatuses } from './kinds';
import { ticketUrl } from './links';
import * as sel from './selectors';

/** Rows of the task-ticket table that show a ticket id or an order id. */
export function taskRows(root: ParentNode): RowView[] {
  const found = findTaskTable(root);
  if (!found) return [];
  return found.rows
    .map((r) => rowView(r, found.headers))
    .filter((v) => readField(v, sel.task.id) || readField(v, sel.task.orderId));
}

const KIND_TITLES: Partial<Record<TicketKind, string>> = { 'urge-pickup': '催揽收', 'urge-ship': '催发货' };

/**
 * The ticket id, or (when the row shows only an order number) `<kind>-<orderId>`: one task of a kind per
 * order is what the help text describes. Keys change once a real id is found; the README says so.
 */
function idOf(v: RowView, kind: TicketKind): string | undefined {
  const id = readField(v, sel.task.id);
  if (id) return id;
  const order = readField(v, sel.task.orderId);
  return order ? `${kind}-${order}` : undefined;
}

const typeTextOf = (v: RowView): string | undefined =>
  firstLineOf(v, sel.task.type.column) ?? readField(v, sel.task.type);

/** Kind from the type cell, else from row words (strict: 催揽收 / 催发货 only, so 已揽收 in a status does not count). */
function kindOf(v: RowView): TicketKind {
  const fromType = kindFrom(typeTextOf(v), taskKinds, 'service-request');
  if (fromType !== 'service-request') return fromType;
  if (/催揽收/.test(v.text)) return 'urge-pickup';
  if (/催发货/.test(v.text)) return 'urge-ship';
  return 'service-request';
}

/** Badge anchors on the task-ticket list. */
export function taskAnchors(root: ParentNode): RowAnchor[] {
  return taskRows(root).map((v) => ({
    nativeId: idOf(v, kindOf(v)),
    orderId: readField(v, sel.task.orderId),
    row: v.el,
    slot: cellFor(v, sel.task.status.column) ?? v.cells[0] ?? v.el,
  }));
}

/** The task-ticket list on screen → tickets. */
export function readTaskRows(root: ParentNode, ctx: ReadContext, shop: ShopIdentity): ReadResult {
  if (isLoginPage(root)) {
    return {
      tickets: [],
      issues: [{ code: 'not-logged-in', detail: 'task tickets page shows the login box' }],
      loggedOut: true,
    };
  }
  const issues: ReadIssue[] = [];
  const found = findTaskTable(root);
  if (!found) {
    // Recognised by content earlier, gone now: the table changed under us (or the SPA navigated away).
    if (!emptyOrLoading(root))
      issues.push({ code: 'no-rows', detail: 'task tickets: no table with 工单/任务 header and 催揽收/催发货 rows' });
    return { tickets: [], issues, shop };
  }
  const seen = new Set<string>();
  const candidates = found.rows.flatMap((r, i) => {
    const v = rowView(r, found.headers);
    if (!readField(v, sel.task.id) && !readField(v, sel.task.orderId)) {
      if (!sel.emptyText.test(v.text))
        issues.push({ code: 'field-missing', detail: `task row ${i}: 工单编号 and 订单编号 not found` });
      return [];
    }
    const t = taskTicket(v, ctx, shop, issues);
    if (!t?.nativeId || seen.has(t.nativeId)) return [];
    seen.add(t.nativeId);
    return [t];
  });
  return { tickets: candidateTickets(candidates, issues), issues, shop };
}

function taskTicket(
  v: RowView,
  ctx: ReadContext,
  shop: ShopIdentity,
  issues: ReadIssue[],
): Partial<RawTicket> | undefined {
  const kind = kindOf(v);
  const id = idOf(v, kind);
  if (!id) return undefined;
  const statusText = firstLineOf(v, sel.task.status.column) ?? readField(v, sel.task.status);
  const status = statusOf(statusText, v, id, issues);
  const createdText = readField(v, sel.task.created);
  const createdAt = readDateTime(createdText, ctx.now);
  if (createdAt === undefined) {
    // The rule deadline counts from creation: without it there is none (never from first seen).
    issues.push({ code: 'field-missing', detail: `task ${id}: 创建时间 ${createdText ? 'unreadable' : 'not found'}` });
  }
  // Finished tickets need no deadline; their rows may still say 超时 (`退款关闭（超时未处理）`).
  const dl: DeadlineRead = isOpenStatus(status) ? readDeadline(v, ctx.now) : {};
  if (dl.unreadable) issues.push({ code: 'deadline-invalid', detail: `task ${id}: countdown text not readable` });
  const typeText = typeTextOf(v);
  const tags = tagsFrom(v.text, sel.taskTags);
  const shippedAt = readDateTime(readField(v, sel.task.shipped), ctx.now);
  return {
    platform: 'taobao',
    surface: 'taobao.task-tickets',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind,
    title: (typeText && typeText.length <= 40 ? typeText : undefined) ?? KIND_TITLES[kind] ?? '任务工单',
    status,
    orderId: readField(v, sel.task.orderId),
    trackingNo: readField(v, sel.task.trackingNo),
    buyer: readField(v, sel.task.buyer),
    product: productOf(v),
    createdAt,
    shippedAt,
    deadline: dl.deadline,
    deadlineUnreadable: dl.unreadable,
    urgent: sel.urgentWords.test(v.text),
    tags,
    url: ticketUrl(v.el, id, ctx.pageUrl),
  };
}

const statusOf = (text: string | undefined, v: RowView, id: string, issues: ReadIssue[]): TicketStatus =>
  rowStatus(text, v, taskStatuses, `task ${id}`, issues);

function productOf(v: RowView): string | undefined {
  const cell = cellFor(v, sel.task.product.column);
  const line = cell ? textBlocks(cell).find((l) => !/^[^:：]{1,10}[:：]/.test(l)) : readField(v, sel.task.product);
  return line ? line.slice(0, 200) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Detail page

/**
 * The block of a detail page that describes the ticket: from the element whose text carries the id label,
 * up (≤ 6 levels) until the block also shows a status or creation label.
 */
function detailBlock(root: ParentNode): Element | undefined {
  const idLabel = new RegExp(`(?:${sel.task.id.label.source})\\s*[:：]`);
  const body = blockOf(root);
  const start = [...body.querySelectorAll('*')].find((e) =>
    [...e.childNodes].some((n) => n.nodeType === 3 && idLabel.test(n.textContent ?? '')),
  );
  let el: Element | null | undefined = start;
  for (let i = 0; el && i < 6; i++, el = el.parentElement) {
    const text = textBlocks(el).join(' ');
    if (sel.task.status.label.test(text) && sel.task.created.label.test(text)) return el;
  }
  return start ?? undefined;
}

/** A task-ticket detail → its one ticket (status after a reply, tracking number, creation time). */
export function readTaskDetail(root: ParentNode, ctx: ReadContext, shop: ShopIdentity): ReadResult {
  if (isLoginPage(root)) {
    return {
      tickets: [],
      issues: [{ code: 'not-logged-in', detail: 'task detail shows the login box' }],
      loggedOut: true,
    };
  }
  const issues: ReadIssue[] = [];
  const block = detailBlock(root);
  const v = block && rowView(block);
  if (!v || !readField(v, sel.task.id)) {
    issues.push({ code: 'field-missing', detail: 'task detail: 工单编号 not found' });
    return { tickets: [], issues, shop };
  }
  const t = taskTicket(v, ctx, shop, issues);
  return { tickets: candidateTickets(t ? [t] : [], issues), issues, shop };
}

// ---------------------------------------------------------------------------------------------------
// Reply boxes

/**
 * Reply boxes with what their surroundings say: from the textarea up (≤ 8 levels), the first block showing
 * an order or ticket label gives the context.
 */
export function taskReplyBoxes(root: ParentNode): ReplyBox[] {
  return replyTextareas(root).map((ta) => {
    let el = ta.parentElement;
    for (let i = 0; el && i < 8; i++, el = el.parentElement) {
      const v = rowView(el);
      const orderId = readField(v, sel.task.orderId);
      const nativeId = readField(v, sel.task.id);
      if (orderId || nativeId) {
        const context: ReplyContext = {};
        if (orderId) context.orderId = orderId;
        if (nativeId) context.nativeId = nativeId;
        const trackingNo = readField(v, sel.task.trackingNo);
        if (trackingNo) context.trackingNo = trackingNo;
        const buyer = readField(v, sel.task.buyer);
        if (buyer) context.buyer = norm(buyer);
        return { element: ta, context };
      }
    }
    return { element: ta, context: {} };
  });
}

/**
 * PDD 售后 list, the page side: row anchors and the DOM-text fallback reader, plus what the JSON reader
 * (aftersale-list.ts, in the worker) shares with it (status words, tags, links). Free of zod: the content
 * script bundles this file.
 */
import type { PlatformDeadline, RawTicket, TicketStatus } from '../../model/ticket';
import { isOpenStatus } from '../../model/ticket-core';
import { parseDateTimeText, parseDurationText } from '../../time/parse-text';
import { candidateTickets, emptyResult, fallbackShop, turnOf, yuanToFen } from '../shared';
import type { ReadContext, ReadIssue, ReadResult, RowAnchor } from '../types';
import { afterSaleStatusOf, kindOf, pddAfterSaleKinds } from './kinds';
import * as sel from './selectors';

/** Link to the after-sale detail page (marketplaces.md: `/aftersales-ssr/detail?id=<id>&orderSn=<orderSn>`). */
export function afterSaleUrl(id: string, orderSn: string | undefined): string {
  const u = new URL('/aftersales-ssr/detail', 'https://mms.pinduoduo.com');
  u.searchParams.set('id', id);
  if (orderSn) u.searchParams.set('orderSn', orderSn);
  return u.href;
}

/** `退货退款，待商家确认收货` → the status part after the first comma; the whole text when there is none. */
export const statusPart = (title: string) => title.split(/[，,]/).slice(1).join('，').trim() || title;

/** Status from the text, unknown words stay open (nothing hidden) and are reported. */
export function statusFrom(text: string | undefined, id: string, issues: ReadIssue[]): TicketStatus {
  const s = text ? (afterSaleStatusOf(statusPart(text)) ?? afterSaleStatusOf(text)) : undefined;
  if (!s)
    issues.push({
      code: 'status-unknown',
      detail: `after-sale ${id}: status text ${text ? 'not recognised' : 'missing'}`,
    });
  return s ?? 'pending';
}

/** What both 售后 readers (JSON in the worker, DOM text here) derive the same way from the title and type. */
export const titleFields = (title: string, typeName: string | undefined) => ({
  kind: kindOf(`${typeName ?? ''} ${title}`, pddAfterSaleKinds, 'other'),
  title: title.slice(0, 200),
  urgent: /紧急|即将逾期|即将超时/.test(title),
  turn: turnOf(statusPart(title)),
  tags: tagsOf(typeName),
});

export const tagsOf = (typeName: string | undefined) => (typeName && typeName.length <= 20 ? [typeName] : []);

/** Elements matching `selector`, without those nested inside another match (one per row). */
function outermost(root: ParentNode, selector: string): Element[] {
  const all = [...root.querySelectorAll(selector)];
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
const firstIn = (row: Element, selectors: readonly string[]) =>
  selectors.map((s) => row.querySelector(s)).find((el): el is Element => el !== null);

interface AfterSaleRowIds {
  row: Element;
  header: Element | undefined;
  nativeId: string | undefined;
  orderId: string | undefined;
}

function afterSaleRowIds(root: ParentNode): AfterSaleRowIds[] {
  return outermost(root, sel.afterSaleRow).map((row) => {
    const headers = [...row.querySelectorAll(sel.afterSaleHeader)];
    // Ids are in the header; the whole row is the fallback when the header class changed.
    const idText = headers.map((h) => h.textContent ?? '').join(' ') || (row.textContent ?? '');
    return {
      row,
      header: headers[0],
      nativeId: sel.afterSaleIdText.exec(idText)?.[1],
      orderId: sel.orderIdText.exec(idText)?.[1],
    };
  });
}

/** Row anchors on the 售后 list: one per row with a 售后编号 or 订单编号; the badge goes into the header. */
export function afterSaleRows(root: ParentNode): RowAnchor[] {
  return afterSaleRowIds(root).flatMap(({ row, header, nativeId, orderId }): RowAnchor[] =>
    nativeId || orderId ? [{ nativeId, orderId, row, slot: header ?? row }] : [],
  );
}

/**
 * The row's countdown: the `.timer` text, with the words right before it deciding overdue (`已逾期<span
 * class="timer">2小时</span>`). Undefined when the row has no timer.
 */
function rowCountdown(row: Element): { ms: number } | 'unreadable' | undefined {
  const timer = row.querySelector(sel.afterSaleTimer);
  if (!timer) return undefined;
  const before = timer.previousSibling?.textContent ?? '';
  const d = parseDurationText(`${before.slice(-8)}${timer.textContent ?? ''}`);
  if (!d) return 'unreadable';
  return { ms: d.overdue ? -d.ms : d.ms };
}

/**
 * DOM-text fallback for the 售后 list: ids from the row header, type / status / goods / amount cells,
 * 申请时间, and the `.timer` countdown read with parseDurationText as time left from `ctx.now`.
 */
export function readAfterSaleRows(root: ParentNode, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  const rows = afterSaleRowIds(root);
  if (rows.length === 0) {
    issues.push({ code: 'no-rows', detail: `no element matches ${sel.afterSaleRow}` });
    return emptyResult(issues);
  }
  const shop = ctx.shop ?? fallbackShop(undefined);
  const candidates = rows.flatMap(({ row, nativeId, orderId }, i): Partial<RawTicket>[] => {
    if (!nativeId) {
      issues.push({ code: 'field-missing', detail: `row ${i}: 售后编号 not found` });
      return [];
    }
    const typeName = text(firstIn(row, sel.afterSaleType));
    const statusText = text(firstIn(row, sel.afterSaleStatus));
    // The same shape as the JSON `afterSalesTitle` (`退货退款，待商家确认收货`), so list and DOM agree.
    const title = typeName && statusText ? `${typeName}，${statusText}` : (statusText ?? typeName ?? '售后');
    const status = statusFrom(statusText ?? typeName, nativeId, issues);
    let deadline: PlatformDeadline | undefined;
    let unreadable = false;
    if (isOpenStatus(status)) {
      const c = rowCountdown(row);
      if (c === 'unreadable' || (c === undefined && sel.countdownHint.test(row.textContent ?? ''))) {
        unreadable = true;
        issues.push({ code: 'deadline-invalid', detail: `row ${i}: countdown shown but not readable` });
      } else if (c) {
        deadline = { type: 'remaining', ms: c.ms, receivedAt: ctx.now };
      }
    }
    const created = sel.afterSaleCreatedText.exec(text(row) ?? '')?.[1];
    const amount = text(firstIn(row, sel.afterSaleAmount));
    return [
      {
        platform: 'pdd',
        surface: 'pdd.aftersale-list',
        shopId: shop.shopId,
        shopName: shop.name,
        nativeId,
        ...titleFields(title, typeName),
        status,
        orderId,
        product: text(firstIn(row, sel.afterSaleGoodsName)),
        amountFen: amount ? yuanToFen(amount.replace(/元/g, '')) : undefined,
        createdAt: created ? parseDateTimeText(created, ctx.now) : undefined,
        deadline,
        deadlineUnreadable: unreadable ? true : undefined,
        url: afterSaleUrl(nativeId, orderId),
      },
    ];
  });
  return { tickets: candidateTickets(candidates, issues), issues, shop };
}

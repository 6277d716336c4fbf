/**
 * Pinduoduo 售后 (after-sale) list: the JSON reader for `POST /mercury/mms/afterSales/queryList`, the row
 * anchors, and the DOM-text fallback reader. Pure; never throw. Fields per marketplaces.md ("售后 list");
 * evidence in tests/fixtures/pdd/aftersale-list--*.
 */
import { z } from 'zod';
import type { PlatformDeadline, RawTicket, TicketStatus } from '../../model/ticket';
import { isOpenStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { parseDateTimeText, parseDurationText } from '../../time/parse-text';
import { asText, emptyResult, fallbackShop, turnOf, validateTickets, yuanToFen } from '../shared';
import type { ReadContext, ReadIssue, ReadResult, RowAnchor, ShopIdentity } from '../types';
import { afterSaleStatusOf, kindOf, pddAfterSaleKinds } from './kinds';
import { listOf, shopFromItems, zodPaths } from './work-order-list';
import { afterSaleListScope, completeness } from './list-scope';
import * as sel from './selectors';

const Id = z.union([z.string(), z.number()]);

/**
 * One `result.list[]` item. Values the reader checks itself (`expireRemainTime`, `createdAt`, amounts) are
 * `unknown` here, so one odd value costs that value, not the whole item.
 */
const AfterSaleItem = z.looseObject({
  id: Id,
  orderSn: Id.nullish(),
  afterSalesTypeName: z.string().nullish(),
  afterSalesTitle: z.string().nullish(),
  goodsName: z.string().nullish(),
  goodsSpec: z.string().nullish(),
  refundAmount: z.unknown().optional(),
  expireRemainTime: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  mallId: Id.nullish(),
});
type AfterSaleItem = z.infer<typeof AfterSaleItem>;

/**
 * `expireRemainTime` unit rule. One tool reads it as seconds, another as ms (marketplaces.md), so the unit
 * is decided by magnitude, once per response (a response uses one unit for all its items):
 * if any value is above 4e6 the response is in ms. 4e6 s would be 46 days, longer than any after-sale step
 * (the longest PDD steps are days, e.g. 48 h to handle, 7 days to return); 4e6 ms is 66 minutes.
 * Residual risk: a ms response in which EVERY open item has under 66 minutes left would be read as seconds.
 * Values that are not a plausible remaining time in either unit (above 60 days) are ignored by this vote.
 */
export const REMAIN_MS_ABOVE = 4e6;
/** No after-sale step lasts this long; a longer "time left" is a changed field, not a deadline. */
export const REMAIN_MAX_MS = 60 * 86_400_000;

/** A remaining-time value as a number (numeric strings too), or undefined. */
export function remainNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The unit of one response's `expireRemainTime` values (see REMAIN_MS_ABOVE). */
export function remainUnit(values: readonly unknown[]): 's' | 'ms' {
  return values.some((v) => {
    const n = remainNumber(v);
    return n !== undefined && Math.abs(n) > REMAIN_MS_ABOVE && Math.abs(n) <= REMAIN_MAX_MS;
  })
    ? 'ms'
    : 's';
}

/**
 * `refundAmount` in fen. Integers (numbers or digit strings) are fen, as the fixtures show; a decimal
 * (`89.9`, `"89.90"`) can only be yuan and is converted. Anything else gives undefined.
 */
export function amountFen(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  if ((typeof v === 'number' && v >= 0) || typeof v === 'string')
    return yuanToFen(typeof v === 'string' ? v.replace(/元/g, '') : v);
  return undefined;
}

/** Link to the after-sale detail page (marketplaces.md: `/aftersales-ssr/detail?id=<id>&orderSn=<orderSn>`). */
export function afterSaleUrl(id: string, orderSn: string | undefined): string {
  const u = new URL('/aftersales-ssr/detail', 'https://mms.pinduoduo.com');
  u.searchParams.set('id', id);
  if (orderSn) u.searchParams.set('orderSn', orderSn);
  return u.href;
}

/** `退货退款，待商家确认收货` → the status part after the first comma; the whole text when there is none. */
const statusPart = (title: string) => title.split(/[，,]/).slice(1).join('，').trim() || title;

/** Status from the text, unknown words stay open (nothing hidden) and are reported. */
function statusFrom(text: string | undefined, id: string, issues: ReadIssue[]): TicketStatus {
  const s = text ? (afterSaleStatusOf(statusPart(text)) ?? afterSaleStatusOf(text)) : undefined;
  if (!s)
    issues.push({
      code: 'status-unknown',
      detail: `after-sale ${id}: status text ${text ? 'not recognised' : 'missing'}`,
    });
  return s ?? 'pending';
}

const tagsOf = (typeName: string | undefined) => (typeName && typeName.length <= 20 ? [typeName] : []);

/** `POST /mercury/mms/afterSales/queryList` → `result.{list, total}`. */
export function readAfterSaleList(json: unknown, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  const result = listOf(json, 'list', issues);
  if ('early' in result) return result.early;
  const items: { item: AfterSaleItem; hasRemain: boolean }[] = [];
  result.list.forEach((raw, i) => {
    const r = AfterSaleItem.safeParse(raw);
    if (r.success)
      items.push({ item: r.data, hasRemain: typeof raw === 'object' && raw !== null && 'expireRemainTime' in raw });
    else issues.push({ code: 'item-invalid', detail: `list[${i}]: ${zodPaths(r.error)}` });
  });
  const unit = remainUnit(items.map((x) => x.item.expireRemainTime));
  const shop = shopFromItems(items.map((x) => x.item)) ?? ctx.shop ?? fallbackShop(undefined);
  let remainMissing = 0;
  const candidates = items.map(({ item, hasRemain }) => {
    const t = afterSaleToTicket(item, hasRemain, unit, shop, ctx, issues);
    if (!hasRemain && isOpenStatus(t.status)) remainMissing++;
    return t;
  });
  if (remainMissing > 0) {
    // The page shows countdowns for open after-sales: a renamed field must surface, not become a rule guess.
    issues.push({ code: 'field-missing', detail: `expireRemainTime absent on ${remainMissing} open item(s)` });
  }
  const tickets = validateTickets(candidates, issues);
  const total = result.total;
  return {
    tickets,
    issues,
    shop,
    ...completeness(total === result.list.length && issues.length === 0, afterSaleListScope(ctx.request?.body)),
  };
}

function afterSaleToTicket(
  it: AfterSaleItem,
  hasRemain: boolean,
  unit: 's' | 'ms',
  shop: ShopIdentity,
  ctx: ReadContext,
  issues: ReadIssue[],
): Partial<RawTicket> & { status: TicketStatus } {
  const id = asText(it.id) ?? '';
  const typeName = asText(it.afterSalesTypeName);
  const title = asText(it.afterSalesTitle) ?? typeName ?? '售后';
  const status = statusFrom(asText(it.afterSalesTitle) ?? typeName, id, issues);
  const orderId = asText(it.orderSn);
  let deadline: PlatformDeadline | undefined;
  let unreadable = false;
  // Finished after-sales have no running step: whatever the field says, no countdown.
  if (isOpenStatus(status)) {
    if (!hasRemain) unreadable = true;
    else if (it.expireRemainTime != null) {
      const n = remainNumber(it.expireRemainTime);
      const ms = n === undefined ? undefined : Math.round(unit === 'ms' ? n : n * 1000);
      if (ms === undefined || Math.abs(ms) > REMAIN_MAX_MS) {
        unreadable = true;
        issues.push({
          code: 'deadline-invalid',
          detail: `after-sale ${id}: expireRemainTime not a plausible time left`,
        });
      } else if (ms > 0) {
        // 0 (or less) means no running countdown: at zero the platform acts itself (系统将自动退款).
        deadline = { type: 'remaining', ms, receivedAt: ctx.now };
      }
    }
  }
  return {
    platform: 'pdd',
    surface: 'pdd.aftersale-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind: kindOf(`${typeName ?? ''} ${title}`, pddAfterSaleKinds, 'other'),
    title: title.slice(0, 200),
    status,
    orderId,
    product: asText(it.goodsName),
    amountFen: amountFen(it.refundAmount),
    createdAt: parseEpoch(it.createdAt, ctx.now),
    deadline,
    deadlineUnreadable: unreadable ? true : undefined,
    urgent: /紧急|即将逾期|即将超时/.test(title),
    turn: turnOf(statusPart(title)),
    tags: tagsOf(typeName),
    url: afterSaleUrl(id, orderId),
  };
}

// ---- DOM ----

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
        kind: kindOf(`${typeName ?? ''} ${title}`, pddAfterSaleKinds, 'other'),
        title: title.slice(0, 200),
        status,
        orderId,
        product: text(firstIn(row, sel.afterSaleGoodsName)),
        amountFen: amount ? yuanToFen(amount.replace(/元/g, '')) : undefined,
        createdAt: created ? parseDateTimeText(created, ctx.now) : undefined,
        deadline,
        deadlineUnreadable: unreadable ? true : undefined,
        urgent: /紧急|即将逾期|即将超时/.test(title),
        turn: turnOf(statusPart(title)),
        tags: tagsOf(typeName),
        url: afterSaleUrl(nativeId, orderId),
      },
    ];
  });
  return { tickets: validateTickets(candidates, issues), issues, shop };
}

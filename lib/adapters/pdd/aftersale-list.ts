/**
 * Pinduoduo 售后 (after-sale) list: the JSON reader for `POST /mercury/mms/afterSales/queryList`, the row
 * anchors, and the DOM-text fallback reader. Pure; never throw. Fields per marketplaces.md ("售后 list");
 * evidence in tests/fixtures/pdd/aftersale-list--*.
 */
import { z } from 'zod';
import type { PlatformDeadline, RawTicket, TicketStatus } from '../../model/ticket';
import { isOpenStatus } from '../../model/ticket-core';
import { parseEpoch } from '../../time/light';
import { asText, fallbackShop, yuanToFen } from '../shared';
import { validateTickets } from '../validate';
import type { ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../types';
import { listOf, shopFromItems, zodPaths } from './work-order-list';
import { afterSaleListScope, completeness } from './list-scope';
import { afterSaleUrl, statusFrom, titleFields } from './aftersale-rows';

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
    ...titleFields(title, typeName),
    status,
    orderId,
    product: asText(it.goodsName),
    amountFen: amountFen(it.refundAmount),
    createdAt: parseEpoch(it.createdAt, ctx.now),
    deadline,
    deadlineUnreadable: unreadable ? true : undefined,
    url: afterSaleUrl(id, orderId),
  };
}

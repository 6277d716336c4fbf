/**
 * Refund-list React row records [modelled]. Fusion's Table passes each row's data object to its row
 * component as the `record` prop, which the MAIN-world hook reads (strategy 2, marketplaces.md). Nobody has
 * published that object for this page; the open platform's refund object (`refund_id, tid, buyer_nick,
 * title, created, status, refund_fee, refund_remind_timeout`) is the plausible shape, and camelCase
 * spellings of the same names are accepted. A capture of one record confirms or corrects this file;
 * until then the DOM-text reader (refund.ts) is the reader that counts, and a record that does not fit
 * is reported (`item-invalid`), never guessed.
 */
import { z } from 'zod';
import type { PlatformDeadline, RawTicket, TicketKind, TicketStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { asText, fallbackShop, yuanToFen } from '../shared';
import { validateTickets } from '../validate';
import type { PageKind, ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../types';
import { readDateTime } from './dom';
import {
  disputeTypeKinds,
  kindFrom,
  refundKinds,
  refundKindTitles,
  refundStatusCodes,
  refundStatuses,
  statusFrom,
} from './kinds';
import { listUrl } from './links';

/**
 * An id from a record. Numbers above 2^53 have already lost digits in the page's own JSON.parse
 * (`4061234567890223456` becomes `…223600`): such an id would anchor a badge to the wrong order, so it is
 * refused.
 */
function idOf(v: unknown): { id?: string; unsafe?: true } {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? { id: String(v) } : { unsafe: true };
  const id = asText(v);
  return id ? { id } : {};
}
const Time = z.union([z.string(), z.number()]);

/** Any plain object; fields are read by open-platform name, `camel()` gives the other spelling. */
const Record_ = z.record(z.string(), z.unknown());
const Timeout = z.looseObject({
  exist_timeout: z.boolean().optional(),
  existTimeout: z.boolean().optional(),
  timeout: Time.nullish(),
  remind_type: z.union([z.number(), z.string()]).nullish(),
});

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** `o.refund_id ?? o.refundId`. */
const field = (o: Record<string, unknown>, snake: string): unknown => o[snake] ?? o[camel(snake)];

function timeOf(v: unknown, now: number): number | undefined {
  if (typeof v === 'number') return parseEpoch(v, now);
  if (typeof v === 'string') return /^\d{9,14}$/.test(v.trim()) ? parseEpoch(v, now) : readDateTime(v, now);
  return undefined;
}

function kindOf(o: Record<string, unknown>): TicketKind {
  const dispute = asText(field(o, 'dispute_type'));
  if (dispute && disputeTypeKinds[dispute]) return disputeTypeKinds[dispute];
  const goodsReturn = field(o, 'has_good_return');
  if (typeof goodsReturn === 'boolean') return goodsReturn ? 'return' : 'refund';
  return kindFrom(asText(field(o, 'refund_type')), refundKinds, 'refund');
}

/** Whose move an open-platform refund status is (WAIT_SELLER_* the merchant's, WAIT_BUYER_* the buyer's). */
const refundTurn: Readonly<Record<string, 'merchant' | 'buyer' | 'platform'>> = {
  WAIT_SELLER_AGREE: 'merchant',
  WAIT_SELLER_CONFIRM_GOODS: 'merchant',
  WAIT_BUYER_RETURN_GOODS: 'buyer',
  SELLER_REFUSE_BUYER: 'buyer',
};

function statusOf(o: Record<string, unknown>, id: string, issues: ReadIssue[]): TicketStatus {
  const raw = asText(field(o, 'status'));
  const s = raw ? (refundStatusCodes[raw] ?? statusFrom(raw, refundStatuses)) : undefined;
  if (s) return s;
  issues.push({ code: 'status-unknown', detail: `refund ${id}: status ${raw ? 'not recognised' : 'missing'}` });
  return 'pending';
}

/** `refund_remind_timeout` → the platform deadline; `exist_timeout:false` means none is running. */
function deadlineOf(
  o: Record<string, unknown>,
  id: string,
  now: number,
  issues: ReadIssue[],
): { deadline?: PlatformDeadline; unreadable?: true } {
  const raw = field(o, 'refund_remind_timeout');
  if (raw == null) return {};
  const t = Timeout.safeParse(raw);
  if (!t.success) {
    issues.push({ code: 'deadline-invalid', detail: `refund ${id}: refund_remind_timeout not an object` });
    return { unreadable: true };
  }
  const exists = t.data.exist_timeout ?? t.data.existTimeout;
  if (exists === false || t.data.timeout == null) return {};
  const at = timeOf(t.data.timeout, now);
  if (at === undefined) {
    issues.push({ code: 'deadline-invalid', detail: `refund ${id}: timeout not a plausible time` });
    return { unreadable: true };
  }
  return { deadline: { type: 'at', at } };
}

/**
 * One refund record (or a list of them) → tickets. Only the refund list has records. Records carry no
 * seller, so no shop is returned: the overlay keys the tickets to the shop it knows from the page.
 */
export function readRefundRecord(record: unknown, page: PageKind, ctx: ReadContext): ReadResult {
  const shop: ShopIdentity = ctx.shop ?? fallbackShop(undefined);
  const issues: ReadIssue[] = [];
  if (page !== 'taobao.refund-list') return { tickets: [], issues };
  const list = Array.isArray(record) ? record : [record];
  const candidates = list.flatMap((raw, i): Partial<RawTicket>[] => {
    const r = Record_.safeParse(raw);
    const rid = r.success ? idOf(field(r.data, 'refund_id')) : {};
    const id = rid.id;
    if (!r.success || !id) {
      issues.push({
        code: 'item-invalid',
        detail: `record ${i}: refund_id ${rid.unsafe ? 'not a safe integer' : 'missing'}`,
      });
      return [];
    }
    const o = r.data;
    const kind = kindOf(o);
    const createdRaw = Time.safeParse(field(o, 'created') ?? field(o, 'gmt_create'));
    const feeRaw = field(o, 'refund_fee');
    const amountFen =
      feeRaw == null ? undefined : yuanToFen(typeof feeRaw === 'string' ? feeRaw.replace(/[￥,\s元]/g, '') : feeRaw);
    if (feeRaw != null && amountFen === undefined)
      issues.push({ code: 'field-missing', detail: `refund ${id}: refund_fee unreadable` });
    const dl = deadlineOf(o, id, ctx.now, issues);
    const order = idOf(field(o, 'tid') ?? field(o, 'biz_order_id'));
    if (order.unsafe) issues.push({ code: 'field-missing', detail: `refund ${id}: tid not a safe integer` });
    return [
      {
        platform: 'taobao',
        surface: 'taobao.refund-list',
        shopId: shop.shopId,
        shopName: shop.name,
        nativeId: id,
        kind,
        title: refundKindTitles[kind] ?? '退款',
        status: statusOf(o, id, issues),
        orderId: order.id,
        buyer: asText(field(o, 'buyer_nick')),
        product: asText(field(o, 'title'))?.slice(0, 200),
        amountFen,
        createdAt: createdRaw.success ? timeOf(createdRaw.data, ctx.now) : undefined,
        deadline: dl.deadline,
        deadlineUnreadable: dl.unreadable,
        urgent: false,
        turn: refundTurn[asText(field(o, 'status')) ?? ''],
        tags: [],
        url: listUrl(ctx.pageUrl),
      },
    ];
  });
  return { tickets: validateTickets(candidates, issues), issues };
}

/**
 * 服务工单 reader: a React row record (strategy 2 of marketplaces.md, cloned out of the page by the
 * MAIN-world hook) → RawTicket, run in the worker (lib/background/read.ts). Pure; never throws. Field names
 * per marketplaces.md [one source]; exercised by tests/fixtures/douyin/service--records.json. The ticket
 * both 服务工单 readers build is in service-tickets.ts.
 */
import type { PlatformDeadline, TicketStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { parseDateTimeText } from '../../time/parse-text';
import { emptyResult, fallbackShop } from '../shared';
import { validateTickets } from '../validate';
import type { PageKind, ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../types';
import { statusQuote } from '../dom';
import { idText, isBlank, obj, str, tagTexts } from './ids';
import { serviceStatusCodes, serviceStatuses, statusOf } from './kinds';
import { serviceTicket } from './service-tickets';

/** `delay_time_left` beyond these bounds (as seconds) is not a countdown we trust. */
const LEFT_MAX_S = 30 * 86400;
const LEFT_MIN_S = -366 * 86400;
/** `delay_end_time` and `now + delay_time_left` further apart than this are reported (units unconfirmed). */
const MISMATCH_MS = 10 * 60_000;

/** Reads a 服务工单 row record. Other pages have no records: `no-record`. */
export function readServiceRecord(record: unknown, page: PageKind, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  if (page !== 'douyin.service-tickets') {
    return emptyResult([{ code: 'no-record', detail: `${page} has no row records` }]);
  }
  const rec = obj(record);
  const os = obj(rec?.orderService);
  if (!rec || !os) {
    return emptyResult([{ code: 'no-record', detail: 'record has no orderService' }]);
  }
  const idRead = idText(os.service_id);
  if (!idRead.id) {
    // mixTaskOrderId is not a stand-in: the DOM shows service_id as 工单ID, and a ticket must get the same
    // key whichever reader found it.
    issues.push({
      code: 'field-missing',
      detail: `orderService.service_id ${idRead.imprecise ? 'is a number beyond 2^53' : 'missing'}`,
    });
    return emptyResult(issues);
  }
  const id = idRead.id;
  const orderInfo = obj(rec.orderInfo);
  const shopId = idText(rec.shopId ?? os.shop_id).id;
  const shop: ShopIdentity = shopId ? { shopId, confidence: 'page' } : (ctx.shop ?? fallbackShop(undefined));

  const createText = str(rec.createTimeDesc);
  const createdAt = createText ? parseDateTimeText(createText, ctx.now) : parseEpoch(os.create_time, ctx.now);
  if (createText && createdAt === undefined) {
    issues.push({ code: 'field-missing', detail: `service ${id}: createTimeDesc not a readable time` });
  }
  const deadline = recordDeadline(id, os, ctx, issues);
  const candidate = serviceTicket(
    {
      nativeId: id,
      orderId: idText(os.order_id).id ?? idText(orderInfo?.orderId).id,
      typeText: str(os.service_type_desc),
      businessType: str(rec.taskOrderBusinessTypeDesc),
      source: str(rec.createSourceDesc),
      status: recordStatus(id, rec, os, issues),
      tags: tagTexts(rec.tagList),
      buyer: str(obj(rec.userInfo)?.userName),
      product: str(orderInfo?.orderTitle),
      createdAt,
      ...deadline,
    },
    shop,
  );
  return { tickets: validateTickets([candidate], issues), issues, shop: shopId ? shop : undefined };
}

/**
 * Status text when the record has one [modelled names], else the numeric `service_status` through the
 * [modelled] code table. Unknown values stay open (pending) and are reported.
 */
function recordStatus(
  id: string,
  rec: Record<string, unknown>,
  os: Record<string, unknown>,
  issues: ReadIssue[],
): TicketStatus {
  const rawStatus = os.service_status;
  const text =
    str(os.service_status_desc) ??
    str(os.service_status_text) ??
    str(rec.serviceStatusDesc) ??
    str(rec.statusDesc) ??
    (typeof rawStatus === 'string' && !/^\d+$/.test(rawStatus.trim()) ? rawStatus : undefined);
  const fromText = statusOf(text, serviceStatuses);
  if (fromText) return fromText;
  const code = typeof rawStatus === 'number' || typeof rawStatus === 'string' ? String(rawStatus).trim() : undefined;
  const fromCode = text === undefined && code !== undefined ? serviceStatusCodes[code] : undefined;
  if (fromCode) return fromCode;
  issues.push({
    code: 'status-unknown',
    detail: `service ${id}: ${text ? `status text ${statusQuote(text)}` : `service_status ${code ?? 'missing'}`}`,
  });
  return 'pending';
}

/**
 * The platform deadline (rule one of sla-rules.md). `delay_end_time` (Unix s or ms) when plausible, else
 * `delay_time_left` read as seconds [units unconfirmed: marketplaces.md] counted from `ctx.now`. Both 0 /
 * absent: no deadline, and the background applies the 服务工单 rules (紧急 → 2 h, else 24 h on the
 * 09:00–21:00 clock, from createdAt; no creation time, no deadline). A value present but unreadable sets `deadlineUnreadable`, so no rule deadline is guessed.
 */
function recordDeadline(
  id: string,
  os: Record<string, unknown>,
  ctx: ReadContext,
  issues: ReadIssue[],
): { deadline?: PlatformDeadline; deadlineUnreadable?: true } {
  const endRaw = os.delay_end_time;
  const leftRaw = os.delay_time_left;
  const endAt = isBlank(endRaw) ? undefined : parseEpoch(endRaw, ctx.now);
  if (!isBlank(endRaw) && endAt === undefined) {
    issues.push({ code: 'deadline-invalid', detail: `service ${id}: delay_end_time not a plausible timestamp` });
  }
  let leftMs: number | undefined;
  if (!isBlank(leftRaw)) {
    const n = typeof leftRaw === 'string' && /^-?\d+$/.test(leftRaw.trim()) ? Number(leftRaw) : leftRaw;
    if (typeof n === 'number' && Number.isFinite(n) && n >= LEFT_MIN_S && n <= LEFT_MAX_S)
      leftMs = Math.round(n * 1000);
    else {
      issues.push({
        code: 'deadline-invalid',
        detail: `service ${id}: delay_time_left out of range as seconds${typeof n === 'number' && n > LEFT_MAX_S ? ' (milliseconds?)' : ''}`,
      });
    }
  }
  if (endAt !== undefined) {
    if (leftMs !== undefined && Math.abs(endAt - (ctx.now + leftMs)) > MISMATCH_MS) {
      // Kept as a diagnostic: it is how a capture will settle the units of delay_time_left.
      issues.push({ code: 'deadline-mismatch', detail: `service ${id}: delay_end_time and delay_time_left disagree` });
    }
    return { deadline: { type: 'at', at: endAt } };
  }
  if (leftMs !== undefined) return { deadline: { type: 'remaining', ms: leftMs, receivedAt: ctx.now } };
  return isBlank(endRaw) && isBlank(leftRaw) ? {} : { deadlineUnreadable: true };
}

/**
 * 售后 workbench reader: `POST /after_sale/pc/list` JSON → RawTicket. Pure; never throws. Field names per
 * marketplaces.md ("Douyin shop backend"); exercised by tests/fixtures/douyin/aftersale-list--*.json
 * (golden outputs in *.expected.json).
 *
 * Fields are read one by one with tolerant helpers rather than one strict schema: a type drift in a field
 * we only display (a number turned string) must not drop the ticket. Only `after_sale_id` is required.
 */
import { z } from 'zod';
import type { PlatformDeadline, RawTicket, TicketStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { emptyResult, fallbackShop, turnOf } from '../shared';
import { validateTickets } from '../validate';
import type { ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../types';
import { deadlineFromLines } from './deadline';
import { cleanTags, clip, statusQuote } from '../dom';
import { fen, idText, isBlank, obj, str, tagTexts } from './ids';
import { afterSaleKinds, afterSaleStatuses, kindOf, statusOf } from './kinds';
import { afterSaleUrl } from './pages';

/** `{code, msg, data}`; some gateways say `status_code` / `message`. Loose: unknown fields pass. */
const Envelope = z.looseObject({
  code: z.union([z.number(), z.string()]).nullish(),
  status_code: z.union([z.number(), z.string()]).nullish(),
  msg: z.string().nullish(),
  message: z.string().nullish(),
  data: z.unknown(),
});

/** Session expired [seen]: `code === 10008`, or a message saying 未登录 / 登录失效. */
const LOGGED_OUT_CODE = 10008;
const LOGGED_OUT_MSG = /未登录|登录(?:已)?(?:失效|过期)|重新登录/;

/**
 * Keys of `text_part` that may hold the countdown as text [modelled]; read only when `status_deadline`
 * gives no instant (the "unless it has a text timeout" case of aftersale-list--renamed.json).
 */
const TEXT_DEADLINE_KEY = /deadline|countdown|timeout|remain|time_?left|left_?time/i;

/** Tags on an after-sale that make it urgent for the merchant. */
const URGENT_TAG = /紧急|加急/;

export interface Unwrapped {
  data?: unknown;
  loggedOut?: true;
}

/** The `{code, msg, data}` envelope; failures become issues. */
export function unwrap(json: unknown, issues: ReadIssue[]): Unwrapped | undefined {
  const env = Envelope.safeParse(json);
  if (!env.success) {
    issues.push({ code: 'envelope', detail: 'response is not a {code, msg, data} envelope' });
    return undefined;
  }
  const e = env.data;
  const code = e.code ?? e.status_code;
  const msg = e.msg ?? e.message ?? '';
  if (Number(code) === LOGGED_OUT_CODE || LOGGED_OUT_MSG.test(msg)) {
    issues.push({ code: 'not-logged-in', detail: `code=${String(code ?? '?')}` });
    return { loggedOut: true };
  }
  if (code !== undefined && code !== null && Number(code) !== 0) {
    issues.push({ code: 'envelope', detail: `code=${String(code)}` });
    return undefined;
  }
  return { data: e.data };
}

/** The shop a list item names [modelled placement: `order_info.shop_id`, `after_sale_info.shop_id` or the item]. */
function shopOf(item: Record<string, unknown>): ShopIdentity | undefined {
  const order = obj(item.order_info);
  const info = obj(item.after_sale_info);
  const id = idText(order?.shop_id ?? info?.shop_id ?? item.shop_id).id;
  if (!id) return undefined;
  return { shopId: id, name: clip(str(order?.shop_name ?? item.shop_name), 120), confidence: 'page' };
}

/** `POST /after_sale/pc/list` → `data.items[]`. */
export function readAfterSaleList(json: unknown, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  const env = unwrap(json, issues);
  if (!env) return emptyResult(issues);
  if (env.loggedOut) return { tickets: [], issues, loggedOut: true };
  const data = obj(env.data);
  const list = data?.items ?? data?.list;
  if (!Array.isArray(list)) {
    issues.push({ code: 'field-missing', detail: 'data.items missing or not a list' });
    return emptyResult(issues);
  }
  const items: Record<string, unknown>[] = [];
  list.forEach((raw, i) => {
    const item = obj(raw);
    if (item && obj(item.after_sale_info)) items.push(item);
    else issues.push({ code: 'item-invalid', detail: `items[${i}]: after_sale_info missing` });
  });
  const found = items.map(shopOf).find(Boolean);
  const shop = found ?? ctx.shop ?? fallbackShop(undefined);
  const candidates = items.flatMap((it, i) => {
    const t = itemToTicket(it, i, shop, ctx, issues);
    return t ? [t] : [];
  });
  // `complete` stays unset: the response does not say which tab or filter asked for it (the filter is in
  // the request body, which the hook does not copy), so missing tickets cannot be called unseen.
  // Only a shop this response names is reported; the stand-in used for tickets is not an identification.
  return { tickets: validateTickets(candidates, issues), issues, shop: found };
}

function itemToTicket(
  item: Record<string, unknown>,
  index: number,
  shop: ShopIdentity,
  ctx: ReadContext,
  issues: ReadIssue[],
): Partial<RawTicket> | undefined {
  const info = obj(item.after_sale_info) ?? {};
  const text = obj(item.text_part) ?? {};
  const product = obj(obj(item.order_info)?.product_info);

  const idRead = idText(info.after_sale_id);
  if (!idRead.id) {
    issues.push({
      code: 'item-invalid',
      detail: `items[${index}]: after_sale_info.after_sale_id ${idRead.imprecise ? 'is a number beyond 2^53 (rounded by JSON.parse)' : 'missing'}`,
    });
    return undefined;
  }
  const id = idRead.id;
  const order = idText(info.related_id);
  if (order.imprecise)
    issues.push({ code: 'field-missing', detail: `after-sale ${id}: related_id is a number beyond 2^53` });

  const statusText = str(info.after_sale_status_text) ?? str(text.after_sale_status_text) ?? str(text.status_text);
  let status: TicketStatus | undefined = statusOf(statusText, afterSaleStatuses);
  if (!status) {
    // Unknown wording stays open so nothing is hidden, and is reported so the table can be extended.
    issues.push({
      code: 'status-unknown',
      detail: statusText
        ? `after-sale ${id}: status text ${statusQuote(statusText)}`
        : `after-sale ${id}: after_sale_status_text missing (code ${String(info.after_sale_status ?? '?')})`,
    });
    status = 'pending';
  }
  const typeText = str(info.after_sale_type_text) ?? str(text.after_sale_type_text) ?? str(text.type_text);
  const tags = cleanTags(tagTexts(item.aftersale_tags ?? item.after_sale_tags));
  const deadline = readDeadline(id, info, text, status, ctx, issues);

  return {
    platform: 'douyin',
    surface: 'douyin.aftersale-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind: kindOf(typeText, afterSaleKinds, 'other'),
    title: clip(typeText, 200) ?? '售后',
    status,
    orderId: order.id,
    product: clip(str(product?.product_name), 200),
    amountFen: fen(info.refund_amount),
    trackingNo: str(info.return_logistics_code)?.match(/^[A-Za-z0-9-]{4,40}$/)?.[0],
    createdAt: parseEpoch(isBlank(info.apply_time) ? info.create_time : info.apply_time, ctx.now),
    deadline: deadline.deadline,
    deadlineUnreadable: deadline.unreadable,
    urgent: tags.some((t) => URGENT_TAG.test(t)),
    turn: turnOf(statusText),
    tags,
    url: afterSaleUrl(id),
  };
}

/**
 * The platform deadline of the after-sale's current node (rule one of sla-rules.md). In order:
 * `status_deadline` (Unix s or ms) → a countdown text in `text_part` → nothing. A value that is present
 * but unreadable, or a missing field on an open after-sale (the page sorts its list by it, so an open item
 * without it means the field moved), sets `unreadable` so no rule deadline is guessed, and is reported.
 * `0` / empty is Douyin's "no deadline" (closed items, nodes without a timer): no deadline, no issue.
 */
function readDeadline(
  id: string,
  info: Record<string, unknown>,
  text: Record<string, unknown>,
  status: TicketStatus,
  ctx: ReadContext,
  issues: ReadIssue[],
): { deadline?: PlatformDeadline; unreadable?: true } {
  const raw = info.status_deadline;
  const at = isBlank(raw) ? undefined : parseEpoch(raw, ctx.now);
  if (at !== undefined) return { deadline: { type: 'at', at } };

  const textLines = Object.entries(text)
    .filter(([k, v]) => TEXT_DEADLINE_KEY.test(k) && typeof v === 'string')
    .map(([, v]) => v as string);
  const fromText = deadlineFromLines(textLines, ctx.now);

  if (!isBlank(raw)) {
    issues.push({ code: 'deadline-invalid', detail: `after-sale ${id}: status_deadline not a plausible timestamp` });
    return fromText.deadline ? fromText : { unreadable: true };
  }
  const open = status === 'pending' || status === 'processing';
  const missing = !('status_deadline' in info) && open;
  if (missing) {
    // Field names only (never values): they tell whoever fixes the adapter where the deadline went.
    const lookalikes = Object.keys(info)
      .filter((k) => /deadline|expire|timeout/i.test(k))
      .slice(0, 3)
      .map((k) => k.slice(0, 40));
    issues.push({
      code: 'field-missing',
      detail: `after-sale ${id}: after_sale_info.status_deadline${lookalikes.length ? ` (found ${lookalikes.join(', ')})` : ''}`,
    });
  }
  if (fromText.unreadable)
    issues.push({ code: 'deadline-invalid', detail: `after-sale ${id}: countdown text not readable` });
  if (fromText.deadline || fromText.unreadable) return fromText;
  return missing ? { unreadable: true } : {};
}

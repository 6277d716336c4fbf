/**
 * Pinduoduo readers: JSON → RawTicket. Pure; never throw. Field names per marketplaces.md; every reader
 * is exercised by the fixtures in tests/fixtures/pdd (golden outputs in *.expected.json).
 */
import { z } from 'zod';
import type { RawTicket, TicketStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { asText, emptyResult, fallbackShop } from '../shared';
import { validateTickets } from '../validate';
import type { ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../types';
import { kindOf } from './kinds';
import { completeness, todoListScope } from './list-scope';

/** `{success, errorCode, result}`; `success:false` carries `errorMsg`. Loose: unknown fields pass. */
const Envelope = z.looseObject({
  success: z.boolean(),
  errorCode: z.number().optional(),
  errorMsg: z.string().nullish(),
  result: z.unknown(),
});

const TodoItem = z.looseObject({
  instanceId: z.union([z.string(), z.number()]),
  orderSn: z.union([z.string(), z.number()]).nullish(),
  problemTitle: z.string().nullish(),
  goodsName: z.string().nullish(),
  createdAt: z.union([z.number(), z.string()]).nullish(),
  deadline: z.union([z.number(), z.string()]).nullish(),
  status: z.union([z.number(), z.string()]).nullish(),
  externalDisplayName: z.string().nullish(),
  punished: z.boolean().nullish(),
  serviceDomain: z.union([z.string(), z.number()]).nullish(),
  mallId: z.union([z.string(), z.number()]).nullish(),
});

/**
 * Status codes are only partly known (marketplaces.md): 0 = pending is well supported; one client maps
 * 1 处理中, 2 已关闭, 3 已完结, 4 即将逾期. Unknown codes stay open (pending) so nothing is hidden,
 * and are reported.
 */
export const STATUS: Readonly<Record<string, TicketStatus>> = {
  '0': 'pending',
  '1': 'processing',
  '2': 'closed',
  '3': 'done',
  '4': 'pending',
};

/** Login-expired envelopes seen from mms: errorCode 43001 / 40001 or an errorMsg about 登录. */
const isLoggedOut = (e: z.infer<typeof Envelope>) =>
  e.errorCode === 43001 || e.errorCode === 40001 || /登录|login/i.test(e.errorMsg ?? '');

/**
 * Unwraps the mms `{success, errorCode, result}` envelope. Undefined when the input is not one or the call
 * failed; `loggedOut` when the session expired. Failures are pushed to `issues` (`envelope` / `not-logged-in`).
 */
export function envelope(json: unknown, issues: ReadIssue[]): { result: unknown; loggedOut?: boolean } | undefined {
  const env = Envelope.safeParse(json);
  if (!env.success) {
    issues.push({ code: 'envelope', detail: 'response is not a {success, result} envelope' });
    return undefined;
  }
  if (!env.data.success) {
    const loggedOut = isLoggedOut(env.data);
    issues.push({
      code: loggedOut ? 'not-logged-in' : 'envelope',
      detail: `success:false errorCode=${env.data.errorCode ?? '?'}`,
    });
    // A failed call has no result: stop here rather than also report the missing list.
    return loggedOut ? { result: undefined, loggedOut } : undefined;
  }
  return { result: env.data.result };
}

/** The mall id carried by any item (`mallId`), as the page's shop. */
export const shopFromItems = (items: readonly { mallId?: unknown }[]): ShopIdentity | undefined => {
  const id = items.map((i) => asText(i.mallId)).find(Boolean);
  return id ? { shopId: id, confidence: 'page' } : undefined;
};

/**
 * The `{success, result: {<field>: [...], total}}` envelope every PDD list shares: the items and total, or
 * the ReadResult to return at once (not an envelope, logged out, the list field missing).
 */
export function listOf(
  json: unknown,
  field: 'dataList' | 'list',
  issues: ReadIssue[],
): { list: unknown[]; total: number | undefined } | { early: ReadResult } {
  const env = envelope(json, issues);
  if (!env) return { early: emptyResult(issues) };
  if (env.loggedOut) return { early: { tickets: [], issues, loggedOut: true } };
  const r = z.looseObject({ [field]: z.array(z.unknown()), total: z.number().optional() }).safeParse(env.result);
  if (!r.success) {
    issues.push({ code: 'field-missing', detail: `result.${field} missing or not a list` });
    return { early: emptyResult(issues) };
  }
  return { list: r.data[field] as unknown[], total: r.data.total as number | undefined };
}

/** Field paths of a zod error, never the values (they may carry buyer data). */
export const zodPaths = (e: z.ZodError): string =>
  [...new Set(e.issues.map((x) => x.path.join('.') || '(root)'))].join(', ');

/** `POST /strickland/sop/mms/todoList` → `result.dataList`. */
export function readTodoList(json: unknown, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  const result = listOf(json, 'dataList', issues);
  if ('early' in result) return result.early;
  const items: z.infer<typeof TodoItem>[] = [];
  result.list.forEach((raw, i) => {
    const r = TodoItem.safeParse(raw);
    if (r.success) items.push(r.data);
    else issues.push({ code: 'item-invalid', detail: `dataList[${i}]: ${zodPaths(r.error)}` });
  });
  const shop = shopFromItems(items) ?? ctx.shop ?? fallbackShop(undefined);
  const candidates = items.map((it) => todoToTicket(it, shop, ctx, issues));
  const tickets = validateTickets(candidates, issues);
  const total = result.total;
  return {
    tickets,
    issues,
    shop,
    ...completeness(total === result.list.length && issues.length === 0, todoListScope(ctx.request?.body, ctx.now)),
  };
}

function todoToTicket(
  it: z.infer<typeof TodoItem>,
  shop: ShopIdentity,
  ctx: ReadContext,
  issues: ReadIssue[],
): Partial<RawTicket> {
  const id = asText(it.instanceId) ?? '';
  const title = asText(it.problemTitle) ?? '工单';
  const createdAt = parseEpoch(it.createdAt, ctx.now);
  const deadlineAt = parseEpoch(it.deadline, ctx.now);
  if (it.deadline != null && deadlineAt === undefined) {
    // A present but unreadable deadline must not become a rule deadline silently: report it.
    issues.push({ code: 'deadline-invalid', detail: `instance ${id}: deadline not a plausible timestamp` });
  }
  const statusKey = it.status == null ? '0' : String(it.status);
  const status = STATUS[statusKey];
  if (!status) issues.push({ code: 'status-unknown', detail: `instance ${id}: status ${statusKey}` });
  const tags = [asText(it.externalDisplayName), it.punished ? '已判罚' : undefined].filter((x): x is string => !!x);
  return {
    platform: 'pdd',
    surface: 'pdd.work-order-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind: kindOf(title),
    title,
    status: status ?? 'pending',
    orderId: asText(it.orderSn),
    product: asText(it.goodsName),
    createdAt,
    deadline: deadlineAt !== undefined ? { type: 'at', at: deadlineAt } : undefined,
    deadlineUnreadable: it.deadline != null && deadlineAt === undefined ? true : undefined,
    urgent: /紧急|即将逾期/.test(title) || statusKey === '4',
    tags,
    url: new URL(`/aftersales/work_order/tododetail?id=${encodeURIComponent(id)}`, 'https://mms.pinduoduo.com').href,
  };
}

/** [modelled] user info: `result.mall_id` / `result.mallId`, name in `result.mall_name` / `result.mallName`. */
export function readUserInfo(json: unknown): ReadResult {
  const issues: ReadIssue[] = [];
  const env = envelope(json, issues);
  if (!env || env.loggedOut) return { tickets: [], issues, loggedOut: env?.loggedOut };
  const r = z
    .looseObject({
      mall_id: z.union([z.string(), z.number()]).optional(),
      mallId: z.union([z.string(), z.number()]).optional(),
      mall_name: z.string().optional(),
      mallName: z.string().optional(),
    })
    .safeParse(env.result);
  const id = r.success ? asText(r.data.mall_id ?? r.data.mallId) : undefined;
  if (!id) return { tickets: [], issues: [...issues, { code: 'field-missing', detail: 'result.mall_id' }] };
  return {
    tickets: [],
    issues,
    shop: { shopId: id, name: r.success ? (r.data.mall_name ?? r.data.mallName) : undefined, confidence: 'page' },
  };
}

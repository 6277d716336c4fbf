/**
 * Pinduoduo 工单 detail: `POST /strickland/sop/mms/detail` `{instanceId}` → `result.{orderSn, problemTitle,
 * status, todoDetail:{finished, flowList:[{title, createdAt, itemList:[{key, value}]}]}}` (marketplaces.md).
 * Pure; never throws. Evidence: tests/fixtures/pdd/work-order-detail--*.json.
 */
import { z } from 'zod';
import type { RawTicket, TicketStatus } from '../../model/ticket';
import { parseEpoch } from '../../time/light';
import { asText, emptyResult, fallbackShop, yuanToFen } from '../shared';
import { validateTickets } from '../validate';
import type { ReadContext, ReadIssue, ReadResult } from '../types';
import { kindOf, pddFlowKeys, type FlowField } from './kinds';
import { envelope, STATUS, zodPaths } from './work-order-list';
import { pages } from './pages';

const Id = z.union([z.string(), z.number()]);

const FlowStep = z.looseObject({
  title: z.string().nullish(),
  createdAt: z.unknown().optional(),
  itemList: z.array(z.unknown()).nullish(),
});
const FlowItem = z.looseObject({ key: z.string(), value: z.unknown().optional() });

const Detail = z.looseObject({
  // The request carries the id; the response usually does not (then it comes from the page URL).
  instanceId: Id.nullish(),
  orderSn: Id.nullish(),
  problemTitle: z.string().nullish(),
  goodsName: z.string().nullish(),
  status: Id.nullish(),
  createdAt: z.unknown().optional(),
  deadline: z.unknown().optional(),
  mallId: Id.nullish(),
  todoDetail: z.looseObject({ finished: z.boolean().nullish(), flowList: z.array(z.unknown()).nullish() }).nullish(),
});

const detailPage = pages.find((p) => p.kind === 'pdd.work-order-detail');

/** The instance id in the page URL, only on the 工单 detail page (`?id=`): another page's `id` is another thing. */
function idFromPage(url: URL): string | undefined {
  if (!detailPage?.match(url)) return undefined;
  const id = url.searchParams.get('id')?.trim();
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/** What the flow items gave. */
interface FlowValues {
  trackingNo?: string;
  amountFen?: number;
  product?: string;
  orderId?: string;
}

/** Puts a flow value into its field when it looks like one (`中通 YT7531864209753` → the code only). */
function setFlowValue(out: FlowValues, field: FlowField, value: unknown): void {
  const t = asText(value);
  if (t === undefined) return;
  switch (field) {
    case 'trackingNo': {
      const code = /[A-Za-z0-9][A-Za-z0-9-]{5,39}/.exec(t)?.[0];
      if (code) out.trackingNo = code;
      return;
    }
    case 'amountFen': {
      // Display values are yuan (`89.90元`, `¥89.90`).
      const fen = yuanToFen(t.replace(/元/g, ''));
      if (fen !== undefined) out.amountFen = fen;
      return;
    }
    case 'orderId':
      if (/^[0-9-]{10,40}$/.test(t)) out.orderId = t;
      return;
    case 'product':
      out.product = t.slice(0, 200);
      return;
  }
}

/**
 * Values from the flow steps' `{key, value}` items (pddFlowKeys). When several steps give the same field,
 * the latest step wins (a corrected tracking number comes later).
 */
function fromFlow(flowList: readonly unknown[], issues: ReadIssue[]): FlowValues {
  const steps = flowList.flatMap((raw, i) => {
    const s = FlowStep.safeParse(raw);
    if (!s.success) {
      issues.push({ code: 'item-invalid', detail: `flowList[${i}]: ${zodPaths(s.error)}` });
      return [];
    }
    return [{ step: s.data, order: i, at: typeof s.data.createdAt === 'number' ? s.data.createdAt : 0 }];
  });
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  const out: FlowValues = {};
  for (const { step } of steps) {
    for (const raw of step.itemList ?? []) {
      const item = FlowItem.safeParse(raw);
      if (!item.success) continue;
      const field = pddFlowKeys.find(([re]) => re.test(item.data.key))?.[1];
      if (field) setFlowValue(out, field, item.data.value);
    }
  }
  return out;
}

/**
 * `POST /strickland/sop/mms/detail` → one ticket. `finished: true` means done. The detail usually has no
 * deadline: `deadline` is then left undefined and the list's deadline is kept (the background never
 * erases a deadline with a missing one).
 */
export function readWorkOrderDetail(json: unknown, ctx: ReadContext): ReadResult {
  const issues: ReadIssue[] = [];
  const env = envelope(json, issues);
  if (!env) return emptyResult(issues);
  if (env.loggedOut) return { tickets: [], issues, loggedOut: true };
  const r = Detail.safeParse(env.result);
  if (!r.success) {
    issues.push({ code: 'field-missing', detail: `result: ${zodPaths(r.error)}` });
    return emptyResult(issues);
  }
  const d = r.data;
  const id = asText(d.instanceId) ?? idFromPage(ctx.pageUrl);
  if (!id) {
    issues.push({ code: 'field-missing', detail: 'instanceId: not in the response, no ?id= in the 工单 detail URL' });
    return emptyResult(issues);
  }
  if (!d.todoDetail) issues.push({ code: 'field-missing', detail: 'result.todoDetail' });
  else if (!Array.isArray(d.todoDetail.flowList))
    issues.push({ code: 'field-missing', detail: 'result.todoDetail.flowList' });
  const flow = fromFlow(d.todoDetail?.flowList ?? [], issues);

  let status: TicketStatus;
  const statusKey = d.status == null ? undefined : String(d.status);
  if (d.todoDetail?.finished === true) status = 'done';
  else {
    const known = statusKey === undefined ? undefined : STATUS[statusKey];
    if (!known) issues.push({ code: 'status-unknown', detail: `instance ${id}: status ${statusKey ?? 'missing'}` });
    status = known ?? 'pending';
  }

  const deadlineAt = parseEpoch(d.deadline, ctx.now);
  const deadlineBad = d.deadline != null && deadlineAt === undefined;
  if (deadlineBad)
    issues.push({ code: 'deadline-invalid', detail: `instance ${id}: deadline not a plausible timestamp` });

  const title = asText(d.problemTitle) ?? '工单';
  const shopId = asText(d.mallId);
  const shop = shopId ? { shopId, confidence: 'page' as const } : (ctx.shop ?? fallbackShop(undefined));
  const candidate: Partial<RawTicket> = {
    platform: 'pdd',
    surface: 'pdd.work-order-list',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: id,
    kind: kindOf(title),
    title,
    status,
    orderId: asText(d.orderSn) ?? flow.orderId,
    product: asText(d.goodsName) ?? flow.product,
    trackingNo: flow.trackingNo,
    amountFen: flow.amountFen,
    createdAt: parseEpoch(d.createdAt, ctx.now),
    deadline: deadlineAt !== undefined ? { type: 'at', at: deadlineAt } : undefined,
    deadlineUnreadable: deadlineBad ? true : undefined,
    urgent: /紧急|即将逾期/.test(title) || statusKey === '4',
    // The list's tags (externalDisplayName, 已判罚) are not in the detail.
    tags: [],
    url: new URL(`/aftersales/work_order/tododetail?id=${encodeURIComponent(id)}`, 'https://mms.pinduoduo.com').href,
  };
  return { tickets: validateTickets([candidate], issues), issues, shop };
}

/**
 * 服务工单: what both of its readers share, the record reader (service-records.ts, in the worker) and the
 * DOM-text reader (rows.ts, on the page): the ticket they build from the fields they found. Free of zod.
 */
import type { PlatformDeadline, RawTicket, TicketStatus } from '../../model/ticket';
import type { ShopIdentity } from '../types';
import { cleanTags, clip } from '../dom';
import { kindOf, serviceKinds } from './kinds';
import { HOST } from './pages';
import { PROVIDER_TAG } from './meta';

/**
 * Ticket link: the list page. No public source gives a detail URL for 服务工单 (the list opens a drawer),
 * and a made-up one would 404.
 */
export const SERVICE_LIST_URL = `https://${HOST}/ffa/task-order/service`;

export const URGENT_TAG = '紧急';

/** A source (来源, `createSourceDesc`) that says a service provider raised the ticket (服务商发起工单). */
const PROVIDER_SOURCE = /服务商/;

/**
 * The fields both 服务工单 readers (record and DOM text) fill, so a ticket reads the same whichever found it.
 * The surface is the list itself, whichever reader: the douyin-service-* rules match on it, never on a word.
 * The business type (业务类型: 商品相关, 风险商品 …) is kept as a tag, which refines within the list (风险商品 and
 * 高危投诉 are urgent); a source naming a service provider adds the tag douyin-provider refines on.
 */
export function serviceTicket(
  f: {
    nativeId: string;
    orderId?: string | undefined;
    typeText?: string | undefined;
    businessType?: string | undefined;
    /** 来源 (`createSourceDesc`, the source cell): who raised the ticket. */
    source?: string | undefined;
    status: TicketStatus;
    tags: readonly string[];
    buyer?: string | undefined;
    product?: string | undefined;
    createdAt?: number | undefined;
    deadline?: PlatformDeadline | undefined;
    deadlineUnreadable?: true | undefined;
  },
  shop: ShopIdentity,
): Partial<RawTicket> {
  const tags = cleanTags([
    ...f.tags,
    f.businessType,
    f.source && PROVIDER_SOURCE.test(f.source) ? PROVIDER_TAG : undefined,
  ]);
  const title = f.typeText ?? f.businessType;
  return {
    platform: 'douyin',
    surface: 'douyin.service-tickets',
    shopId: shop.shopId,
    shopName: shop.name,
    nativeId: f.nativeId,
    kind: kindOf(title, serviceKinds, 'service-request'),
    title: clip(title, 200) ?? '服务工单',
    status: f.status,
    orderId: f.orderId,
    buyer: clip(f.buyer, 80),
    product: clip(f.product, 200),
    createdAt: f.createdAt,
    deadline: f.deadline,
    deadlineUnreadable: f.deadlineUnreadable,
    urgent: tags.includes(URGENT_TAG),
    tags,
    url: SERVICE_LIST_URL,
  };
}

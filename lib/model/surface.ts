/**
 * Surfaces: the ticket lists a marketplace shows, each holding one family of platform records. Where a ticket
 * was read from is known for certain (the page's URL, the endpoint that answered), unlike any word on the
 * page, so it decides what can only be decided by it: the ticket's key family and which deadline rules apply.
 *
 * How the three page-ish fields relate (README, "Deadline rules"):
 * - `surface` (RawTicket, Ticket): the list a record belongs to, named by that list's page kind
 *   (`pdd.work-order-list`). Every reader of every page of that list sets it: the list's JSON, a React row
 *   record, the DOM-text fallback, and the list's detail page (`pdd.work-order-detail` reads tickets of
 *   `pdd.work-order-list`). It never changes for a ticket: it is part of the key.
 * - `family` (`workorder`, `aftersale` …): the surface's segment in the ticket key,
 *   `${platform}:${shopId}:${family}:${nativeId}`. Two surfaces of one platform never share ids.
 * - `listedOn` (Ticket) / `pageKind` (IngestBatch): the page a read came from. `listedOn` is the page whose
 *   complete listings decide `unseenSince`; it may be a detail page until a list has been read.
 *
 * Like PLATFORMS, these ids are stored in every row and key: never rename one without a Dexie migration.
 */
import { z } from 'zod';
import type { Platform } from './ticket';

export interface SurfaceDef {
  /** The list's page kind (lib/adapters/<platform>/pages.ts). */
  readonly id: string;
  readonly platform: Platform;
  /** The key segment: `${platform}:${shopId}:${family}:${nativeId}`. Unique per platform. */
  readonly family: string;
  /**
   * `platform`: the platform sets every deadline on this surface (its JSON deadline field, the countdown the
   * page shows). A read without it has no deadline: no rule, not even the default, may guess one.
   * `rules`: the page shows no deadline of its own for most records; the rule table applies.
   */
  readonly deadlines: 'platform' | 'rules';
}

export const SURFACES = [
  // 工单 `deadline` (todoList, detail) [seen].
  { id: 'pdd.work-order-list', platform: 'pdd', family: 'workorder', deadlines: 'platform' },
  // 售后 `expireRemainTime` and the row's `.timer` [seen].
  { id: 'pdd.aftersale-list', platform: 'pdd', family: 'aftersale', deadlines: 'platform' },
  // 服务工单: `delay_end_time` only when agreed; otherwise the 09:00–21:00 rules of sla-rules.md.
  { id: 'douyin.service-tickets', platform: 'douyin', family: 'service', deadlines: 'rules' },
  // 售后 `status_deadline` ("当前节点逾期时间") [seen], the status cell's countdown.
  { id: 'douyin.aftersale-list', platform: 'douyin', family: 'aftersale', deadlines: 'platform' },
  // 退款 `refund_remind_timeout` / the row's timeout text; `exist_timeout:false` means none runs.
  { id: 'taobao.refund-list', platform: 'taobao', family: 'refund', deadlines: 'platform' },
  // 任务工单 (催揽收 / 催发货): no platform deadline on the list; the Taobao rules of sla-rules.md.
  { id: 'taobao.task-tickets', platform: 'taobao', family: 'task', deadlines: 'rules' },
] as const satisfies readonly SurfaceDef[];

export type SurfaceId = (typeof SURFACES)[number]['id'];
export const SURFACE_IDS = SURFACES.map((s) => s.id) as [SurfaceId, ...SurfaceId[]];
export const SurfaceIdSchema = z.enum(SURFACE_IDS);

const BY_ID = new Map<string, SurfaceDef>(SURFACES.map((s) => [s.id, s]));

export const surfaceDef = (id: SurfaceId): SurfaceDef => BY_ID.get(id)!;
export const isSurfaceId = (v: unknown): v is SurfaceId => typeof v === 'string' && BY_ID.has(v);
export const familyOf = (id: SurfaceId): string => surfaceDef(id).family;
/** Whether only the platform may set deadlines on a surface (no rule deadline there, ever). */
export const platformDecides = (id: SurfaceId | undefined): boolean =>
  id !== undefined && BY_ID.get(id)?.deadlines === 'platform';
/** The i18n key of a surface's merchant-facing name (服务工单, 售后工作台 …). */
export const surfaceNameKey = (id: SurfaceId): string => `surface_${id.replace(/[.-]/g, '_')}`;

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
import { MARKETPLACES } from '../adapters/catalog';
import type { MarketplaceMeta } from '../adapters/meta-types';
import type { Platform } from './ticket-core';

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

export type SurfaceId = (typeof MARKETPLACES)[number]['surfaces'][number]['id'];

/** Every marketplace's surfaces (each adapter's meta.ts, `surfaces`), in catalog order. */
export const SURFACES: readonly (SurfaceDef & { readonly id: SurfaceId })[] = (
  MARKETPLACES as readonly MarketplaceMeta[]
).flatMap((m) =>
  m.surfaces.map((s) => ({
    id: s.id as SurfaceId,
    platform: m.id as Platform,
    family: s.family,
    deadlines: s.deadlines,
  })),
);
export const SURFACE_IDS = SURFACES.map((s) => s.id) as [SurfaceId, ...SurfaceId[]];

const BY_ID = new Map<string, SurfaceDef>(SURFACES.map((s) => [s.id, s]));

export const surfaceDef = (id: SurfaceId): SurfaceDef => BY_ID.get(id)!;
export const isSurfaceId = (v: unknown): v is SurfaceId => typeof v === 'string' && BY_ID.has(v);
export const familyOf = (id: SurfaceId): string => surfaceDef(id).family;
/** Whether only the platform may set deadlines on a surface (no rule deadline there, ever). */
export const platformDecides = (id: SurfaceId | undefined): boolean =>
  id !== undefined && BY_ID.get(id)?.deadlines === 'platform';

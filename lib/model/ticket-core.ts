/**
 * The ticket model's plain parts: ids, kinds, statuses and keys, without zod, so the content scripts can
 * import them (issue 12: no zod on the page). The schemas are in ticket.ts, which re-exports all of this.
 */
import { MARKETPLACES } from '../adapters/catalog';
import { familyOf, type SurfaceId } from './surface';

/**
 * Marketplace ids, from the adapters' meta.ts (lib/adapters/catalog.ts). Used in keys, fixture folders and
 * entrypoint names: never rename without a migration.
 */
export const PLATFORMS = MARKETPLACES.map((m) => m.id) as [Platform, ...Platform[]];
export type Platform = (typeof MARKETPLACES)[number]['id'];

export const TICKET_KINDS = [
  'consult',
  'refund',
  'return',
  'exchange',
  'logistics',
  'urge-ship',
  'urge-pickup',
  'service-request',
  'platform-notice',
  'other',
] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_STATUSES = ['pending', 'processing', 'done', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const OPEN_STATUSES: readonly TicketStatus[] = ['pending', 'processing'];
export const isOpenStatus = (s: TicketStatus): boolean => OPEN_STATUSES.includes(s);

/**
 * The one function that builds ticket keys: `${platform}:${shopId}:${family}:${nativeId}`
 * (`pdd:123:workorder:456`). The family comes from the surface, so two lists of one platform whose ids
 * overlap (PDD 工单 and 售后) never share a row. Keys before Dexie v3 had no family (db/legacy-keys.ts).
 */
export const ticketKey = (t: { platform: Platform; shopId: string; surface: SurfaceId; nativeId: string }): string =>
  `${t.platform}:${t.shopId}:${familyOf(t.surface)}:${t.nativeId}`;

/** The platform a ticket key names (its first part), or undefined for anything that is not one of ours. */
export const platformOfKey = (key: string | undefined): Platform | undefined => {
  const first = key?.split(':', 1)[0];
  return (PLATFORMS as readonly string[]).includes(first ?? '') ? (first as Platform) : undefined;
};

export const shopKey = (platform: Platform, shopId: string): string => `${platform}:${shopId}`;

/** The popup marks a ticket as new until it was opened once. */
export const isMarkedNew = (tk: { newSince?: number | undefined; openedAt?: number | undefined }): boolean =>
  tk.newSince !== undefined && (tk.openedAt === undefined || tk.openedAt < tk.newSince);

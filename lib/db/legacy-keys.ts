/**
 * Rows stored before tickets knew their surface (Dexie v1/v2, backups made then): keyed
 * `${platform}:${shopId}:${nativeId}`, without a family, so PDD 工单 and 售后 ids shared one key space. Pure:
 * used by the v3 upgrade (schema.ts) and by backup imports of old files (lib/backup/plan.ts).
 *
 * Which list an old row came from is read off what every reader wrote for certain: the ticket link each
 * reader builds for its own list, then the page kind that listed it (`listedOn`), then its kind.
 */
import { PAGE_CATALOG } from '../adapters/page-catalog';
import { isSurfaceId, type SurfaceId } from '../model/surface';
import { PLATFORMS, ticketKey, type Platform } from '../model/ticket';

const PAGE_SURFACE = new Map<string, SurfaceId>(
  PAGE_CATALOG.flatMap((a) => a.pages.flatMap((p) => (p.surface ? [[p.kind, p.surface] as const] : []))),
);

const pathOf = (url: unknown): string => {
  try {
    return typeof url === 'string' ? new URL(url).pathname : '';
  } catch {
    return '';
  }
};

/** The surface an old row belongs to. Every platform has a fallback, so no row is left without one. */
export function legacySurface(row: Record<string, unknown>): SurfaceId {
  if (isSurfaceId(row.surface)) return row.surface;
  const platform = row.platform as Platform;
  const path = pathOf(row.url);
  const listed = typeof row.listedOn === 'string' ? PAGE_SURFACE.get(row.listedOn) : undefined;
  const tags = Array.isArray(row.tags) ? row.tags : [];
  switch (platform) {
    case 'pdd':
      // Links: 工单 → /aftersales/work_order/tododetail, 售后 → /aftersales-ssr/detail (parse.ts, aftersale.ts).
      if (path.startsWith('/aftersales/work_order/')) return 'pdd.work-order-list';
      if (path.startsWith('/aftersales-ssr/') || path.startsWith('/aftersales/aftersale_list'))
        return 'pdd.aftersale-list';
      return listed?.startsWith('pdd.') ? listed : 'pdd.work-order-list';
    case 'douyin':
      // Links: 服务工单 → the list /ffa/task-order/service, 售后 → …/aftersale/detail (service.ts, parse.ts).
      if (path.startsWith('/ffa/task-order/')) return 'douyin.service-tickets';
      if (/\/aftersale\//.test(path)) return 'douyin.aftersale-list';
      if (listed?.startsWith('douyin.')) return listed;
      return tags.includes('服务请求') || row.kind === 'service-request'
        ? 'douyin.service-tickets'
        : 'douyin.aftersale-list';
    default:
      // Taobao links are the row's own or the list page, so the listing page and the kind decide.
      if (listed?.startsWith('taobao.')) return listed;
      if (/refund/.test(path)) return 'taobao.refund-list';
      if (row.kind === 'urge-pickup' || row.kind === 'urge-ship') return 'taobao.task-tickets';
      return ['refund', 'return', 'exchange'].includes(row.kind as string)
        ? 'taobao.refund-list'
        : 'taobao.task-tickets';
  }
}

/**
 * An old ticket row with its surface and today's key. Rows that already have a surface are returned as they
 * are; anything not shaped like a ticket is returned untouched (validation later reports it).
 */
export function upgradeLegacyTicket<T>(row: T): T {
  if (!row || typeof row !== 'object') return row;
  const r = row as Record<string, unknown>;
  if (isSurfaceId(r.surface)) return row;
  if (typeof r.platform !== 'string' || typeof r.shopId !== 'string' || typeof r.nativeId !== 'string') return row;
  if (!(PLATFORMS as readonly string[]).includes(r.platform)) return row;
  const surface = legacySurface(r);
  const key = ticketKey({ platform: r.platform as Platform, shopId: r.shopId, surface, nativeId: r.nativeId });
  return { ...r, surface, key } as T;
}

/**
 * The supported surfaces shown on the options page (诊断 → 支持的页面): every page the adapter registry
 * recognises, with how sure we are of it. Confidence is data here, transcribed from the marks in
 * ../shared/marketplaces.md and the adapters' own comments ([seen], [one source], [modelled]); when an
 * adapter folder gains a README.md stating confidence, keep this map in step with it.
 */
import type { MarketplaceAdapter, PageDef, PageKind } from '../adapters/types';
import type { Platform } from '../model/ticket';

/**
 * - `seen`: several independent public sources agree.
 * - `one-source`: one public source (often a third-party tool's fixture).
 * - `modelled`: no public source; found by page content, waiting for a real capture to confirm.
 * - `unknown`: a page added to an adapter without a confidence entry here (surfaces.test.ts flags it).
 */
export type Confidence = 'seen' | 'one-source' | 'modelled' | 'unknown';

/** Confidence per page kind (marketplaces.md section in the comment). */
export const SURFACE_CONFIDENCE: Readonly<Record<string, Exclude<Confidence, 'unknown'>>> = {
  'pdd.work-order-list': 'seen', // Pinduoduo, 工单 list [seen]
  'pdd.work-order-detail': 'seen', // Pinduoduo, 工单 list [seen]: detail page and endpoint
  'pdd.aftersale-list': 'seen', // Pinduoduo, 售后 list [seen]
  'pdd.chat': 'one-source', // Pinduoduo, Chat [one source]
  'douyin.aftersale-list': 'seen', // Douyin, 售后 workbench [seen]
  'douyin.service-tickets': 'one-source', // Douyin, 服务工单 [one source, a shipped extension]
  'taobao.refund-list': 'one-source', // Taobao, refund list [one source]
  'taobao.task-tickets': 'modelled', // Taobao, 工单 / 任务工单 [modelled]
  'taobao.task-ticket-detail': 'modelled', // Taobao, 工单 / 任务工单 [modelled]
};

/** One row of the supported-surfaces table. */
export interface SurfaceRow {
  platform: Platform;
  /** The adapter's display name (拼多多, 抖店, 淘宝/天猫). */
  platformName: string;
  kind: PageKind;
  /** zh-CN page title from the adapter. */
  title: string;
  /** A URL the page detector recognises; pages found by content show their host's start page. */
  exampleUrl: string | undefined;
  sources: PageDef['sources'];
  /** Found by what the page shows rather than its URL. */
  byContent: boolean;
  confidence: Confidence;
}

/** The rows for the given adapters (the registry's `adapters`), in registry and page order. */
export function supportedSurfaces(adapters: readonly MarketplaceAdapter[]): SurfaceRow[] {
  return adapters.flatMap((a) =>
    a.pages.map((p) => ({
      platform: a.id,
      platformName: a.name,
      kind: p.kind,
      title: p.title,
      exampleUrl: p.examples[0],
      sources: p.sources,
      byContent: p.byContent === true,
      confidence: SURFACE_CONFIDENCE[p.kind] ?? 'unknown',
    })),
  );
}

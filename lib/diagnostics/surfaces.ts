/**
 * The supported surfaces shown on the options page (诊断 → 支持的页面): every page the adapter registry
 * recognises, with how sure we are of it. Confidence is each page's own (`PageDef.confidence` in the
 * adapter's pages.ts), transcribed from the marks in ../shared/marketplaces.md and the adapter's README.md.
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
      platformName: a.meta.names.zh,
      kind: p.kind,
      title: p.title,
      exampleUrl: p.examples[0],
      sources: p.sources,
      byContent: p.byContent === true,
      confidence: p.confidence ?? 'unknown',
    })),
  );
}

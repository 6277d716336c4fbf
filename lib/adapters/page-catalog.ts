/**
 * Each marketplace's pages and host patterns as plain data (its `meta.ts` and `pages.ts`), without the readers
 * registry.ts brings in (the adapters' parsers, zod). For what needs to know a marketplace's pages but reads
 * nothing: the popup and lib/tabs.ts (which links may be opened), the first-run page list, the v3 upgrade of
 * old rows (lib/db/legacy-keys.ts). In the order of catalog.ts, like registry.ts (adapter-contract.test.ts
 * checks that each entry here is its adapter's meta, matches and pages).
 */
import { douyinMeta } from './douyin/meta';
import { pages as douyinPages } from './douyin/pages';
import { matchesOf } from './manifest';
import type { MarketplaceMeta } from './meta-types';
import { pddMeta } from './pdd/meta';
import { pages as pddPages } from './pdd/pages';
import { taobaoMeta } from './taobao/meta';
import { pages as taobaoPages } from './taobao/pages';
import type { PageDef } from './types';

export interface MarketplacePages {
  readonly id: MarketplaceMeta['id'];
  readonly meta: MarketplaceMeta;
  /** Manifest match patterns of the seller centers (`matchesOf(meta)`). */
  readonly matches: readonly string[];
  readonly pages: readonly PageDef[];
}

const entry = (meta: MarketplaceMeta, pages: readonly PageDef[]): MarketplacePages => ({
  id: meta.id,
  meta,
  matches: matchesOf(meta),
  pages,
});

export const PAGE_CATALOG: readonly MarketplacePages[] = [
  entry(pddMeta, pddPages),
  entry(douyinMeta, douyinPages),
  entry(taobaoMeta, taobaoPages),
];

/**
 * The marketplaces the extension supports, as plain data (each adapter folder's `meta.ts`). Everything that
 * names a marketplace derives from this list: the platform ids (lib/model/ticket.ts PLATFORMS), the surfaces
 * (lib/model/surface.ts), the manifest's host permissions and the content scripts' matches (wxt.config.ts,
 * entrypoints/*), display names and colours (lib/i18n.ts `platformName`, `platformStyle`), default rules and
 * templates. The readers are listed in registry.ts, in the same order (adapter-contract.test.ts checks it).
 *
 * No zod and no readers here or in any meta.ts: the MAIN-world hooks and every content bundle import this.
 */
import { douyinMeta } from './douyin/meta';
import type { MarketplaceMeta } from './meta-types';
import { pddMeta } from './pdd/meta';
import { taobaoMeta } from './taobao/meta';

/**
 * The catalog's lookups over a list of marketplaces. The module exports them over the shipped list; a test
 * that registers a throwaway marketplace mocks this module with `catalogOf([...MARKETPLACES, itsMeta])`
 * (tests/unit/throwaway-adapter.test.ts), and everything derived from the catalog then includes it.
 */
export function catalogOf<const L extends readonly MarketplaceMeta[]>(list: L) {
  const byId = (id: string): MarketplaceMeta | undefined => list.find((m) => m.id === id);
  return {
    MARKETPLACES: list,
    /** The marketplace of an id; undefined for an id no adapter has (an old row, a removed marketplace). */
    marketplace: byId,
    /** A marketplace's display name in the given language; the id itself for an unknown one. */
    marketplaceName: (id: string, locale: 'zh' | 'en'): string => byId(id)?.names[locale] ?? id,
    /** A marketplace's badge colour (white text on it); a neutral grey for an unknown one. */
    marketplaceColour: (id: string): string => byId(id)?.colour ?? '#555555',
  };
}

/** In display order. Adding a marketplace adds its meta here (README, "Adding a marketplace"). */
const shipped = catalogOf([pddMeta, douyinMeta, taobaoMeta] as const);

export const MARKETPLACES = shipped.MARKETPLACES;
export const marketplace = shipped.marketplace;
export const marketplaceName = shipped.marketplaceName;
export const marketplaceColour = shipped.marketplaceColour;

export type MarketplaceId = (typeof MARKETPLACES)[number]['id'];

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

/** In display order. Adding a marketplace adds its meta here (README, "Adding a marketplace"). */
export const MARKETPLACES = [pddMeta, douyinMeta, taobaoMeta] as const satisfies readonly MarketplaceMeta[];

export type MarketplaceId = (typeof MARKETPLACES)[number]['id'];

/** The marketplace of an id; undefined for an id no adapter has (an old row, a removed marketplace). */
export const marketplace = (id: string): MarketplaceMeta | undefined =>
  (MARKETPLACES as readonly MarketplaceMeta[]).find((m) => m.id === id);

/** A marketplace's display name in the given language; the id itself for an unknown one. */
export const marketplaceName = (id: string, locale: 'zh' | 'en'): string => marketplace(id)?.names[locale] ?? id;

/** A marketplace's badge colour (white text on it); a neutral grey for an unknown one. */
export const marketplaceColour = (id: string): string => marketplace(id)?.colour ?? '#555555';

/**
 * Every marketplace adapter (the readers), in the order of lib/adapters/catalog.ts (the plain data), which
 * adapter-contract.test.ts checks. Features iterate this list; content scripts import only their own adapter.
 * Adding a marketplace: README, "Adding a marketplace".
 */
import { douyinAdapter } from './douyin';
import { pddAdapter } from './pdd';
import { taobaoAdapter } from './taobao';
import type { MarketplaceAdapter, PageDef } from './types';

/**
 * The registry's lookups over a list of adapters. The module exports them over the shipped adapters; a test
 * registering a throwaway marketplace mocks this module with `registryOf([...adapters, its adapter])`.
 */
export function registryOf(list: readonly MarketplaceAdapter[]) {
  return {
    adapters: list,
    /** The adapter and page a URL belongs to (page found by URL, or by content for modelled pages). */
    detectPage(url: URL, doc?: Document): { adapter: MarketplaceAdapter; page: PageDef } | undefined {
      for (const adapter of list) {
        const page = adapter.pages.find((p) => (p.byContent ? doc !== undefined && p.match(url, doc) : p.match(url)));
        if (page) return { adapter, page };
      }
      return undefined;
    },
  };
}

const shipped = registryOf([pddAdapter, douyinAdapter, taobaoAdapter]);

export const adapters: readonly MarketplaceAdapter[] = shipped.adapters;
export const detectPage = shipped.detectPage;

/**
 * A throwaway marketplace, registered in one place: this module. tests/unit/throwaway-adapter.test.ts mocks
 * the catalog and the registry with it (`withThrowawayCatalog`, `withThrowawayRegistry`) and checks that it
 * appears wherever a marketplace appears. It is what the README recipe "Adding a marketplace" produces:
 * a meta.ts, pages, selectors with evidence, a reader, a fixture (tests/fixtures/demoshop/).
 */
import { matchesOf } from '../../lib/adapters/manifest';
import type * as Registry from '../../lib/adapters/registry';
import { fallbackShop } from '../../lib/adapters/shared';
import { validateTickets } from '../../lib/adapters/validate';
import type { MarketplaceAdapter, PageDef, PageKind, RowAnchor } from '../../lib/adapters/types';
import type { RawTicket } from '../../lib/model/ticket';
import { demoshopMeta } from './throwaway-meta';

export { demoshopMeta };

const H = 3600_000;

/** selectors.ts of the throwaway marketplace: each selector with its evidence beside it. */
export const demoshopSelectors = {
  ticketRow: '.ticket-row[data-id]',
  ticketRowEvidence: [[2, 'ticket-list--rendered.html']],
  shopNick: ['.shop-nick'],
  shopNickEvidence: [[1, 'ticket-list--rendered.html']],
} as const;

const pages = [
  {
    // Types know only the shipped platforms; at run time the mocked catalog makes these ids valid.
    kind: 'demoshop.ticket-list' as PageKind,
    surface: 'demoshop.ticket-list' as never,
    title: '演示店 工单列表',
    confidence: 'modelled',
    match: (url: URL) => url.hostname === 'seller.demoshop.example' && url.pathname === '/tickets',
    examples: ['https://seller.demoshop.example/tickets'],
    sources: ['dom-text'],
  },
] satisfies readonly PageDef[];

const shopOf = (root: ParentNode) => fallbackShop(root.querySelector(demoshopSelectors.shopNick[0])?.textContent);

/** index.ts of the throwaway marketplace. */
export const demoshopAdapter: MarketplaceAdapter = {
  id: demoshopMeta.id as never,
  meta: demoshopMeta,
  matches: matchesOf(demoshopMeta),
  pages,
  selectors: demoshopSelectors,
  endpoints: [],
  shopFromDocument: (doc) => shopOf(doc),
  rows: (root) =>
    [...root.querySelectorAll(demoshopSelectors.ticketRow)].map((row): RowAnchor => ({
      nativeId: row.getAttribute('data-id') ?? undefined,
      row,
      slot: row,
    })),
  readRows(root, _page, ctx) {
    const shop = ctx.shop ?? shopOf(root);
    const issues: { code: string; detail: string }[] = [];
    const candidates = [...root.querySelectorAll(demoshopSelectors.ticketRow)].map((row): Partial<RawTicket> => ({
      platform: 'demoshop' as never,
      surface: 'demoshop.ticket-list' as never,
      shopId: shop.shopId,
      nativeId: row.getAttribute('data-id') ?? '',
      kind: /催发货/.test(row.textContent ?? '') ? 'urge-ship' : 'consult',
      title: (row.querySelector('b')?.textContent ?? '').trim(),
      status: 'pending',
      urgent: false,
      createdAt: ctx.now - H,
      tags: [],
      url: `${ctx.pageUrl.origin}/tickets`,
    }));
    return { tickets: validateTickets(candidates, issues), issues, shop };
  },
};

/** The registry module with the throwaway adapter appended (a vi.mock factory body). */
export const withThrowawayRegistry = (real: typeof Registry): typeof Registry =>
  ({ ...real, ...real.registryOf([...real.adapters, demoshopAdapter]) }) as typeof Registry;

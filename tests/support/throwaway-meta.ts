/**
 * meta.ts of the throwaway marketplace (tests/support/throwaway-adapter.ts has its readers). Import-free like
 * every meta.ts, so the catalog's mock can load it while lib/model is still being loaded.
 */
import type * as Catalog from '../../lib/adapters/catalog';
import type { MarketplaceMeta } from '../../lib/adapters/meta-types';

const H = 3600_000;

/** meta.ts of the throwaway marketplace. */
export const demoshopMeta = {
  id: 'demoshop',
  names: { zh: '演示店', en: 'Demo shop' },
  colour: '#1d5fa8',
  hosts: ['seller.demoshop.example'],
  allFrames: false,
  surfaces: [
    { id: 'demoshop.ticket-list', family: 'ticket', deadlines: 'rules', names: { zh: '工单', en: 'tickets' } },
  ],
  rules: [
    {
      id: 'demoshop-ticket',
      name: '演示店工单',
      enabled: true,
      match: { surfaces: ['demoshop.ticket-list'], platforms: ['demoshop'], kinds: [], tagsAny: [] },
      budgetMs: 12 * H,
      clock: { type: 'calendar' },
    },
  ],
  templates: [
    {
      id: 'default-demoshop-thanks',
      title: '演示店：已收到',
      body: '您好，工单{工单号}已收到，我们会尽快处理。',
      folder: '演示店',
      tags: ['演示'],
      platforms: ['demoshop'],
    },
  ],
} as const satisfies MarketplaceMeta;

/** The catalog module with the throwaway marketplace appended (a vi.mock factory body). */
export const withThrowawayCatalog = (real: typeof Catalog): typeof Catalog =>
  ({ ...real, ...real.catalogOf([...real.MARKETPLACES, demoshopMeta]) }) as unknown as typeof Catalog;

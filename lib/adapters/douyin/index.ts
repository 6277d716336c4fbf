/**
 * The Douyin (抖店, fxg.jinritemai.com) adapter: 售后 workbench (responses, DOM text) and 服务工单 (React row
 * records, DOM text). See README.md for surfaces, confidence and how to fix it after a page change.
 */
import type { MarketplaceAdapter } from '../types';
import { matchesOf } from '../manifest';
import { isVerificationPath } from '../shared';
import { douyinMeta } from './meta';
import * as selectors from './selectors';
import { endpointPaths } from './endpoints';
import { pages } from './pages';
import { readAfterSaleList } from './aftersale-list';
import { afterSaleAnchors, readAfterSaleRows, readServiceRows, serviceAnchors, shopFromRoot } from './rows';
import { readServiceRecord } from './service-tickets';

export const douyinAdapter: MarketplaceAdapter = {
  id: douyinMeta.id,
  meta: douyinMeta,
  matches: matchesOf(douyinMeta),
  pages,
  selectors,
  endpoints: [
    {
      id: 'douyin.afterSaleList',
      path: endpointPaths.afterSaleList,
      evidence: [
        'aftersale-list--base.json',
        'aftersale-list--ms.json',
        'aftersale-list--empty.json',
        'aftersale-list--logged-out.json',
        'aftersale-list--renamed.json',
        'aftersale-list--extended.json',
      ],
      read: readAfterSaleList,
    },
  ],

  shopFromDocument(doc) {
    return shopFromRoot(doc);
  },

  rows(root, page) {
    if (page === 'douyin.aftersale-list') return afterSaleAnchors(root);
    if (page === 'douyin.service-tickets') return serviceAnchors(root);
    return [];
  },

  readRows(root, page, ctx) {
    const shop = ctx.shop ?? shopFromRoot(root);
    if (page === 'douyin.aftersale-list') return readAfterSaleRows(root, ctx, shop);
    if (page === 'douyin.service-tickets') return readServiceRows(root, ctx, shop);
    return { tickets: [], issues: [] };
  },

  readRecord: readServiceRecord,
  // [modelled] A lost session sends 抖店 to /login (no capture of it yet).
  signedOut: (url) =>
    isVerificationPath(url)
      ? 'verification'
      : url.hostname === 'fxg.jinritemai.com' && /^\/login/i.test(url.pathname)
        ? 'logged-out'
        : undefined,
};

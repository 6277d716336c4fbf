/**
 * The Douyin adapter's page part, the only part the content script bundles: pages, row anchors, DOM-text
 * reading. The 售后 JSON reader and the 服务工单 record reader are added in index.ts and run in the worker.
 */
import type { PageAdapter } from '../types';
import { matchesOf } from '../manifest';
import { isVerificationPath } from '../shared';
import { douyinMeta } from './meta';
import * as selectors from './selectors';
import { endpoints } from './endpoints';
import { pages } from './pages';
import { afterSaleAnchors, readAfterSaleRows, readServiceRows, serviceAnchors, shopFromRoot } from './rows';

export const douyinContent: PageAdapter = {
  id: douyinMeta.id,
  meta: douyinMeta,
  matches: matchesOf(douyinMeta),
  pages,
  selectors,
  endpoints,

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

  // [modelled] A lost session sends 抖店 to /login (no capture of it yet).
  signedOut: (url) =>
    isVerificationPath(url)
      ? 'verification'
      : url.hostname === 'fxg.jinritemai.com' && /^\/login/i.test(url.pathname)
        ? 'logged-out'
        : undefined,
};

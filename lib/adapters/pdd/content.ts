/**
 * The Pinduoduo adapter's page part, the only part the content script bundles: pages, rows, DOM-text reading,
 * reply boxes. The JSON readers are added in index.ts and run in the worker (lib/background/read.ts).
 */
import type { PageAdapter, RowAnchor } from '../types';
import { matchesOf } from '../manifest';
import { fallbackShop, isVerificationPath } from '../shared';
import { pddMeta } from './meta';
import { endpoints } from './endpoints';
import { pages } from './pages';
import { afterSaleRows, readAfterSaleRows } from './aftersale-rows';
import { chatReplyBoxes } from './chat';
import * as sel from './selectors';

/** Text of the first element matching any selector. */
const firstText = (root: ParentNode, selectors: readonly string[]) =>
  selectors.map((s) => root.querySelector(s)?.textContent?.trim()).find(Boolean);

export const pddContent: PageAdapter = {
  id: pddMeta.id,
  meta: pddMeta,
  matches: matchesOf(pddMeta),
  pages,
  selectors: sel,
  endpoints,

  shopFromDocument(doc) {
    return fallbackShop(firstText(doc, sel.mallName));
  },

  rows(root, page) {
    if (page === 'pdd.work-order-list') {
      return [...root.querySelectorAll(sel.workOrderRow)].flatMap((row): RowAnchor[] => {
        const text = row.textContent ?? '';
        const nativeId = sel.ticketIdText.exec(text)?.[1];
        const orderId = sel.orderIdText.exec(text)?.[1];
        return nativeId || orderId ? [{ nativeId, orderId, row, slot: row }] : [];
      });
    }
    if (page === 'pdd.aftersale-list') return afterSaleRows(root);
    return [];
  },

  readRows(root, page, ctx) {
    if (page === 'pdd.aftersale-list') return readAfterSaleRows(root, ctx);
    return { tickets: [], issues: [{ code: 'no-reader', detail: `${page} has no DOM-text reader` }] };
  },

  replyBoxes(root, page) {
    // The 工单 detail form is option driven (selectors.ticketFormSelect): no free-text box to fill.
    return page === 'pdd.chat' ? chatReplyBoxes(root) : [];
  },
  // [modelled] A lost session sends the backend to /login (marketplaces.md names no capture of it yet).
  signedOut: (url) =>
    isVerificationPath(url)
      ? 'verification'
      : url.hostname === 'mms.pinduoduo.com' && /^\/(login|other\/login)/i.test(url.pathname)
        ? 'logged-out'
        : undefined,
};

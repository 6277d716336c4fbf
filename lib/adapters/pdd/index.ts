import type { MarketplaceAdapter, RowAnchor } from '../types';
import { matchesOf } from '../manifest';
import { fallbackShop, isVerificationPath } from '../shared';
import { pddMeta } from './meta';
import { endpointPaths } from './endpoints';
import { pages } from './pages';
import { afterSaleRows, readAfterSaleList, readAfterSaleRows } from './aftersale-list';
import { chatReplyBoxes } from './chat';
import { readWorkOrderDetail } from './work-order-detail';
import { readTodoList, readUserInfo } from './work-order-list';
import * as sel from './selectors';

/** Text of the first element matching any selector. */
const firstText = (root: ParentNode, selectors: readonly string[]) =>
  selectors.map((s) => root.querySelector(s)?.textContent?.trim()).find(Boolean);

/**
 * Pinduoduo merchant backend (mms.pinduoduo.com): 工单 list and detail, 售后 list, chat. Surfaces, confidence
 * and how to fix after a page change: README.md beside this file.
 */
export const pddAdapter: MarketplaceAdapter = {
  id: pddMeta.id,
  meta: pddMeta,
  matches: matchesOf(pddMeta),
  pages,
  selectors: sel,
  endpoints: [
    { id: 'pdd.todoList', path: endpointPaths.todoList, evidence: ['work-order-list--base.json'], read: readTodoList },
    {
      id: 'pdd.workOrderDetail',
      path: endpointPaths.detail,
      evidence: [
        'work-order-detail--base.json',
        'work-order-detail--finished.json',
        'work-order-detail--with-deadline.json',
      ],
      read: readWorkOrderDetail,
    },
    {
      id: 'pdd.afterSalesList',
      path: endpointPaths.afterSalesList,
      evidence: ['aftersale-list--base.json', 'aftersale-list--ms.json'],
      read: readAfterSaleList,
    },
    {
      id: 'pdd.userInfo',
      path: endpointPaths.userInfo,
      evidence: ['userinfo--base.json'],
      read: (json) => readUserInfo(json),
    },
  ],

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

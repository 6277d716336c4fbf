/**
 * The Taobao adapter's page part, the only part the content script bundles: pages, row anchors, DOM-text
 * reading, reply boxes. The refund list's React record reader is added in index.ts and runs in the worker.
 */
import type { PageAdapter, PageKind, ReadContext, ReadResult, ShopIdentity } from '../types';
import { matchesOf } from '../manifest';
import { isVerificationPath } from '../shared';
import { taobaoMeta } from './meta';
import * as selectors from './selectors';
import { endpoints } from './endpoints';
import { pages } from './pages';
import { readRefundRows, refundAnchors } from './refund-list';
import { shopFrom } from './shop';
import { readTaskDetail, readTaskRows, taskAnchors, taskReplyBoxes } from './task-tickets';

const shopOf = (root: ParentNode, ctx: ReadContext): ShopIdentity => ctx.shop ?? shopFrom(root);

export const taobaoContent: PageAdapter = {
  id: taobaoMeta.id,
  meta: taobaoMeta,
  matches: matchesOf(taobaoMeta),
  pages,
  selectors,
  // No JSON endpoint is known (endpoints.ts); refund-list rows come from DOM text and React records.
  endpoints,

  shopFromDocument(doc) {
    return shopFrom(doc);
  },

  rows(root, page) {
    if (page === 'taobao.refund-list') return refundAnchors(root);
    if (page === 'taobao.task-tickets') return taskAnchors(root);
    return [];
  },

  readRows(root: ParentNode, page: PageKind, ctx: ReadContext): ReadResult {
    const shop = shopOf(root, ctx);
    if (page === 'taobao.refund-list') return readRefundRows(root, ctx, shop);
    if (page === 'taobao.task-tickets') return readTaskRows(root, ctx, shop);
    if (page === 'taobao.task-ticket-detail') return readTaskDetail(root, ctx, shop);
    return { tickets: [], issues: [] };
  },

  replyBoxes(root, page) {
    return page === 'taobao.task-tickets' || page === 'taobao.task-ticket-detail' ? taskReplyBoxes(root) : [];
  },
  // [modelled] Taobao's shared login hosts and its `/_____tmd_____/punish` slider page.
  signedOut: (url) =>
    isVerificationPath(url)
      ? 'verification'
      : url.hostname === 'login.taobao.com' || url.hostname === 'login.tmall.com'
        ? 'logged-out'
        : undefined,
};

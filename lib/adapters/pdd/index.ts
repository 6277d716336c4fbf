import type { MarketplaceAdapter, RowAnchor } from '../types';
import { fallbackShop } from '../shared';
import { endpointPaths } from './endpoints';
import { pages } from './pages';
import { readTodoList, readUserInfo } from './parse';
import * as sel from './selectors';

/** Text of the first element matching any selector. */
const firstText = (root: ParentNode, selectors: readonly string[]) =>
  selectors.map((s) => root.querySelector(s)?.textContent?.trim()).find(Boolean);

export const pddAdapter: MarketplaceAdapter = {
  id: 'pdd',
  name: '拼多多',
  matches: ['https://mms.pinduoduo.com/*'],
  pages,
  endpoints: [
    { id: 'pdd.todoList', path: endpointPaths.todoList, evidence: ['work-order-list--base.json'], read: readTodoList },
    { id: 'pdd.userInfo', path: endpointPaths.userInfo, evidence: ['userinfo--base.json'], read: (json) => readUserInfo(json) },
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
    return [];
  },

  replyBoxes(root, page) {
    if (page !== 'pdd.chat') return [];
    const box = root.querySelector<HTMLTextAreaElement>(sel.chatReplyBox);
    return box ? [{ element: box, context: {} }] : [];
  },
};

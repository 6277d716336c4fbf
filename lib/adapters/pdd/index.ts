/**
 * Pinduoduo merchant backend (mms.pinduoduo.com): 工单 list and detail, 售后 list, chat. Surfaces, confidence
 * and how to fix after a page change: README.md beside this file. The page part (content.ts) runs in the
 * content script; the JSON readers added here run in the worker (lib/background/read.ts).
 */
import type { MarketplaceAdapter } from '../types';
import { withReaders } from '../shared';
import { pddContent } from './content';
import { endpoints } from './endpoints';
import { readAfterSaleList } from './aftersale-list';
import { readWorkOrderDetail } from './work-order-detail';
import { readTodoList, readUserInfo } from './work-order-list';

export const pddAdapter: MarketplaceAdapter = {
  ...pddContent,
  endpoints: withReaders(endpoints, {
    'pdd.todoList': { evidence: ['work-order-list--base.json'], read: readTodoList },
    'pdd.workOrderDetail': {
      evidence: [
        'work-order-detail--base.json',
        'work-order-detail--finished.json',
        'work-order-detail--with-deadline.json',
      ],
      read: readWorkOrderDetail,
    },
    'pdd.afterSalesList': {
      evidence: ['aftersale-list--base.json', 'aftersale-list--ms.json'],
      read: readAfterSaleList,
    },
    'pdd.userInfo': { evidence: ['userinfo--base.json'], read: (json) => readUserInfo(json) },
  }),
};

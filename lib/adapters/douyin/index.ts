/**
 * The Douyin (抖店, fxg.jinritemai.com) adapter: 售后 workbench (responses, DOM text) and 服务工单 (React row
 * records, DOM text). See README.md for surfaces, confidence and how to fix it after a page change. The page
 * part (content.ts) runs in the content script; the readers added here run in the worker (lib/background/read.ts).
 */
import type { MarketplaceAdapter } from '../types';
import { withReaders } from '../shared';
import { douyinContent } from './content';
import { endpoints } from './endpoints';
import { readAfterSaleList } from './aftersale-list';
import { readServiceRecord } from './service-records';

export const douyinAdapter: MarketplaceAdapter = {
  ...douyinContent,
  endpoints: withReaders(endpoints, {
    'douyin.afterSaleList': {
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
  }),
  readRecord: readServiceRecord,
};

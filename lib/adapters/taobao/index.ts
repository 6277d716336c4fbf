/**
 * Taobao / Tmall seller center (myseller.taobao.com) and Qianniu web (qn.taobao.com). See README.md for
 * the surfaces, their confidence and how to correct them after a page change. The page part (content.ts)
 * runs in the content script; the record reader added here runs in the worker (lib/background/read.ts).
 */
import type { MarketplaceAdapter } from '../types';
import { taobaoContent } from './content';
import { readRefundRecord } from './refund-list-records';

export const taobaoAdapter: MarketplaceAdapter = {
  ...taobaoContent,
  endpoints: [],
  readRecord(record, page, ctx) {
    return readRefundRecord(record, page, ctx);
  },
};

/**
 * The three marketplaces' main lists at their real URLs, served on one page with N generated rows
 * (rows.ts). Served per page (page routes win over the context's), so each load picks its own size.
 */
import type { Page } from '@playwright/test';
import { fillTimes, fixture, serve, text, type Responder } from '../../tests/e2e/harness';
import { SURFACES } from '../../tests/support/surfaces';
import { douyinAfterSaleList, pddTodoList, taobaoRefundListHtml } from './rows';

export interface BenchList {
  id: 'pdd' | 'douyin' | 'taobao';
  /** How the table names it. */
  title: string;
  url: string;
  /** The page's own rows (not the extension's). */
  rowSelector: string;
  /**
   * Routes the list with `n` rows on `page`; `onData` is told when the data response leaves the server.
   * Data is generated relative to `now` (default: the moment it is served); a fixed `now` serves the same
   * response on every load, as a real list does when nothing changed.
   */
  serve(page: Page, n: number, opts?: { onData?: (at: number) => void; now?: number }): Promise<void>;
}

const urlOf = (id: string) => {
  const s = SURFACES.find((x) => x.id === id);
  if (!s) throw new Error(`surface ${id} is gone from tests/support/surfaces.ts`);
  return s;
};

const json =
  (make: () => unknown, onData?: (at: number) => void): Responder =>
  async (route) => {
    const body = JSON.stringify(make());
    onData?.(Date.now());
    await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
  };

const PDD = urlOf('pdd-work-orders');
const DOUYIN = urlOf('douyin-aftersale');
const TAOBAO = urlOf('taobao-refunds');

export const LISTS: BenchList[] = [
  {
    id: 'pdd',
    title: 'PDD 工单 list',
    url: PDD.url,
    rowSelector: '[class^="listItem_item__"]',
    serve: (page, n, o = {}) =>
      serve(page, PDD.origin, [
        ['/aftersales/work_order/list', fixture('pdd', 'work-order-list--base.html')],
        ['/strickland/sop/mms/todoList', json(() => pddTodoList(n, o.now ?? Date.now()), o.onData)],
      ]),
  },
  {
    id: 'douyin',
    title: '抖店 售后 list',
    url: DOUYIN.url,
    rowSelector: 'tr[data-row-key]',
    serve: (page, n, o = {}) =>
      serve(page, DOUYIN.origin, [
        ['/ffa/merchant-aftersale-workbench/aftersale/list', fixture('douyin', 'aftersale-list--base.html')],
        ['/after_sale/pc/list', json(() => douyinAfterSaleList(n, o.now ?? Date.now()), o.onData)],
      ]),
  },
  {
    id: 'taobao',
    title: 'Taobao 退款 list',
    url: TAOBAO.url,
    rowSelector: '#rows tr.next-table-row',
    serve: async (page, n, o = {}) => {
      const html = await fillTimes(taobaoRefundListHtml(n), o.now);
      await serve(page, TAOBAO.origin, [['/home.htm/trade-platform/refund-list', text(html)]]);
    },
  },
];

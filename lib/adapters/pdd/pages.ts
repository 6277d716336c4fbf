import type { PageDef } from '../types';

const HOST = 'mms.pinduoduo.com';
const on = (url: URL, path: RegExp) => url.hostname === HOST && path.test(url.pathname);

/**
 * Pinduoduo merchant backend pages (marketplaces.md, "Pinduoduo merchant backend"). Every page is known by URL
 * [seen]; the stand-in pages that fetch like the real SPA are tests/fixtures/pdd/<page>--base.html.
 */
export const pages = [
  {
    // Stand-in: work-order-list--base.html (POSTs todoList).
    kind: 'pdd.work-order-list',
    confidence: 'seen',
    surface: 'pdd.work-order-list',
    title: '拼多多 工单列表',
    match: (url) => on(url, /^\/aftersales\/work_order\/list\/?$/),
    examples: [
      'https://mms.pinduoduo.com/aftersales/work_order/list',
      'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav',
    ],
    sources: ['responses'],
  },
  {
    // Stand-in: work-order-detail--base.html (POSTs /strickland/sop/mms/detail with the URL's id).
    kind: 'pdd.work-order-detail',
    confidence: 'seen',
    surface: 'pdd.work-order-list',
    title: '拼多多 工单详情',
    match: (url) => on(url, /^\/aftersales\/work_order\/tododetail\/?$/),
    examples: ['https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1234567890'],
    sources: ['responses'],
  },
  {
    // Stand-in: aftersale-list--base.html (POSTs queryList, renders rows with a ticking `.timer`).
    kind: 'pdd.aftersale-list',
    confidence: 'seen',
    surface: 'pdd.aftersale-list',
    title: '拼多多 售后列表',
    match: (url) => on(url, /^\/aftersales\/aftersale_list\/?$/),
    examples: ['https://mms.pinduoduo.com/aftersales/aftersale_list'],
    sources: ['responses', 'dom-text'],
  },
  {
    // Rendered stand-in: chat--base.html. No tickets are read here, only the reply box and its context.
    kind: 'pdd.chat',
    confidence: 'one-source',
    title: '拼多多 客服聊天',
    match: (url) => on(url, /^\/chat-merchant\/index\.html$/),
    examples: ['https://mms.pinduoduo.com/chat-merchant/index.html'],
    sources: [],
  },
] as const satisfies readonly PageDef[];

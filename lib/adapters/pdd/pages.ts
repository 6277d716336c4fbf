import type { PageDef } from '../types';

const HOST = 'mms.pinduoduo.com';
const on = (url: URL, path: RegExp) => url.hostname === HOST && path.test(url.pathname);

/** Pinduoduo merchant backend pages (marketplaces.md, "Pinduoduo merchant backend"). */
export const pages = [
  {
    kind: 'pdd.work-order-list',
    title: '拼多多 工单列表',
    match: (url) => on(url, /^\/aftersales\/work_order\/list\/?$/),
    examples: [
      'https://mms.pinduoduo.com/aftersales/work_order/list',
      'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav',
    ],
    sources: ['responses'],
  },
  {
    kind: 'pdd.work-order-detail',
    title: '拼多多 工单详情',
    match: (url) => on(url, /^\/aftersales\/work_order\/tododetail\/?$/),
    examples: ['https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1234567890'],
    sources: ['responses'],
  },
  {
    kind: 'pdd.aftersale-list',
    title: '拼多多 售后列表',
    match: (url) => on(url, /^\/aftersales\/aftersale_list\/?$/),
    examples: ['https://mms.pinduoduo.com/aftersales/aftersale_list'],
    sources: ['responses', 'dom-text'],
  },
  {
    kind: 'pdd.chat',
    title: '拼多多 客服聊天',
    match: (url) => on(url, /^\/chat-merchant\/index\.html$/),
    examples: ['https://mms.pinduoduo.com/chat-merchant/index.html'],
    sources: [],
  },
] as const satisfies readonly PageDef[];

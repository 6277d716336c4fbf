import type { PageDef } from '../types';

/** The seller backend's only host; other jinritemai hosts (buyin, compass) are different products. */
export const HOST = 'fxg.jinritemai.com';

/**
 * Detail page of an after-sale [modelled: the path is the older app's; the newer workbench redirects].
 * Built on the fixed host: the list may be read inside an iframe whose URL says nothing about the link.
 */
export const afterSaleUrl = (id: string) =>
  `https://${HOST}/ffa/maftersale/aftersale/detail?id=${encodeURIComponent(id)}`;

/**
 * 售后 workbench list: the newer workbench path and the older one [seen]. The list may be rendered inside a
 * same-origin iframe whose URL is one of these paths too (content scripts run in all frames), so the
 * pattern does not care which of the two frames it sees. Query strings (btm_* tracking, iframe flags)
 * never change the page.
 */
export const AFTERSALE_LIST_PATH = /^\/ffa\/(?:merchant-aftersale-workbench|maftersale)\/aftersale\/list\/?$/;

/** 服务工单 list; its tabs (全部 / 待处理 / 处理中 / 已完结 / 已逾期) are query variants of this one page. */
export const SERVICE_LIST_PATH = /^\/ffa\/task-order\/service\/?$/;

const on = (url: URL, path: RegExp) => url.protocol === 'https:' && url.hostname === HOST && path.test(url.pathname);

/** Douyin shop backend pages (marketplaces.md, "Douyin shop backend"). */
export const pages = [
  {
    kind: 'douyin.aftersale-list',
    confidence: 'seen',
    surface: 'douyin.aftersale-list',
    title: '抖店 售后工作台',
    match: (url) => on(url, AFTERSALE_LIST_PATH),
    examples: [
      'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list',
      'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list?btm_ppre=a2427.b7665.c0.d0&btm_pre=a2427.b1521.c0.d0',
      'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
      // The list frame inside the workbench shell (aftersale-list--iframe.html).
      'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list?from=workbench&in_iframe=1',
    ],
    sources: ['responses', 'dom-text'],
  },
  {
    kind: 'douyin.service-tickets',
    confidence: 'one-source',
    surface: 'douyin.service-tickets',
    title: '抖店 服务工单',
    match: (url) => on(url, SERVICE_LIST_PATH),
    // Tab parameter names are [modelled]; the matcher ignores the query, so any tab lands here.
    examples: [
      'https://fxg.jinritemai.com/ffa/task-order/service',
      'https://fxg.jinritemai.com/ffa/task-order/service?tab=all',
      'https://fxg.jinritemai.com/ffa/task-order/service?tab=pending',
      'https://fxg.jinritemai.com/ffa/task-order/service?tab=processing',
      'https://fxg.jinritemai.com/ffa/task-order/service?tab=finished',
      'https://fxg.jinritemai.com/ffa/task-order/service?tab=overdue',
    ],
    sources: ['react-records', 'dom-text'],
  },
] as const satisfies readonly PageDef[];

export type DouyinPageKind = (typeof pages)[number]['kind'];

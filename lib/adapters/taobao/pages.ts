import type { PageDef } from '../types';
import { findTaskTable, isTaskDetail } from './detect';

/**
 * Seller center hosts. Tmall merchants use the same seller center, so both are platform `taobao`.
 * myseller.taobao.com is the seller center, qn.taobao.com the Qianniu web workbench (same routes).
 */
export const HOSTS = ['myseller.taobao.com', 'qn.taobao.com'] as const;
export const isTaobaoHost = (url: URL): boolean => (HOSTS as readonly string[]).includes(url.hostname);

const REFUND_LIST = /^\/home\.htm\/trade-platform\/refund-list\/?$/;

/**
 * Taobao / Tmall pages (marketplaces.md, "Taobao / Tmall"). Order matters: detectPage takes the first match,
 * and the URL-known refund list must win over the content detectors.
 */
export const pages = [
  {
    kind: 'taobao.refund-list',
    confidence: 'one-source',
    surface: 'taobao.refund-list',
    title: '淘宝/天猫 退款列表',
    // [one source] path; the same route exists under the Qianniu web host.
    match: (url) => isTaobaoHost(url) && REFUND_LIST.test(url.pathname),
    examples: [
      'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
      'https://qn.taobao.com/home.htm/trade-platform/refund-list',
      'https://myseller.taobao.com/home.htm/trade-platform/refund-list?tab=waitSellerAgree',
    ],
    sources: ['dom-text', 'react-records'],
  },
  {
    kind: 'taobao.task-tickets',
    confidence: 'modelled',
    surface: 'taobao.task-tickets',
    title: '淘宝/天猫 任务工单（催揽收/催发货）',
    // [modelled] no URL is known: any seller-center page whose table has a 工单/任务 column and 催揽收/催发货
    // rows. Evidence: task-tickets--rendered.html, task-tickets--drift.html; not sold-orders--rendered.html,
    // task-center--rendered.html, refund-list--rendered.html.
    byContent: true,
    match: (url, doc) => isTaobaoHost(url) && doc !== undefined && findTaskTable(doc) !== undefined,
    examples: ['https://myseller.taobao.com/home.htm/', 'https://qn.taobao.com/home.htm/'],
    sources: ['dom-text'],
  },
  {
    kind: 'taobao.task-ticket-detail',
    confidence: 'modelled',
    surface: 'taobao.task-tickets',
    title: '淘宝/天猫 任务工单详情',
    // [modelled] a ticket detail with a reply box. Evidence: task-ticket-detail--rendered.html.
    byContent: true,
    match: (url, doc) => isTaobaoHost(url) && doc !== undefined && isTaskDetail(doc),
    examples: ['https://myseller.taobao.com/home.htm/', 'https://qn.taobao.com/home.htm/'],
    sources: ['dom-text'],
  },
] as const satisfies readonly PageDef[];

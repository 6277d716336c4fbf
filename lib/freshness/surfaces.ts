/**
 * The list surfaces kept fresh (issue 14): page kinds from the adapters' registries (lib/adapters/<id>/pages.ts)
 * whose complete listings say which open tickets exist. Detail and chat pages are never reloaded: a reload there
 * would only disturb the merchant and tells nothing about new tickets.
 *
 * `openUrl` is where the optional background tab goes. `signedOut` recognises the page a reload lands on when the
 * session is gone or the platform asks for a verification; [modelled]: no capture shows those URLs yet, the
 * patterns are the platforms' well-known login and anti-bot paths (`login.taobao.com`, Taobao's
 * `/_____tmd_____/punish` slider page). A test checks every surface names a page kind of its adapter.
 */
import type { Platform } from '../model/ticket';

export interface ListSurface {
  /** The adapter's page kind (`pdd.work-order-list`), also `pageKind` of ingest batches and `listedOn`. */
  surface: string;
  platform: Platform;
  /** zh-CN name a merchant knows; `labelEn` for the English UI. */
  label: string;
  labelEn: string;
  openUrl: string;
}

export const LIST_SURFACES: readonly ListSurface[] = [
  {
    surface: 'pdd.work-order-list',
    platform: 'pdd',
    label: '工单',
    labelEn: 'Work orders',
    openUrl: 'https://mms.pinduoduo.com/aftersales/work_order/list',
  },
  {
    surface: 'pdd.aftersale-list',
    platform: 'pdd',
    label: '售后',
    labelEn: 'After-sales',
    openUrl: 'https://mms.pinduoduo.com/aftersales/aftersale_list',
  },
  {
    surface: 'douyin.aftersale-list',
    platform: 'douyin',
    label: '售后工作台',
    labelEn: 'After-sale workbench',
    openUrl: 'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list',
  },
  {
    surface: 'douyin.service-tickets',
    platform: 'douyin',
    label: '服务工单',
    labelEn: 'Service tickets',
    openUrl: 'https://fxg.jinritemai.com/ffa/task-order/service',
  },
  {
    surface: 'taobao.refund-list',
    platform: 'taobao',
    label: '退款',
    labelEn: 'Refunds',
    openUrl: 'https://myseller.taobao.com/home.htm/trade-platform/refund-list',
  },
  {
    surface: 'taobao.task-tickets',
    platform: 'taobao',
    label: '任务工单',
    labelEn: 'Task tickets',
    openUrl: 'https://myseller.taobao.com/home.htm/',
  },
];

const BY_SURFACE = new Map(LIST_SURFACES.map((s) => [s.surface, s]));

/** The list surface of a page kind, or undefined for detail/chat pages and unknown kinds. */
export const listSurface = (pageKind: string): ListSurface | undefined => BY_SURFACE.get(pageKind);

export type SignedOutKind = 'logged-out' | 'verification';

/** [modelled] Login and verification pages a reload may land on. Pure; `url` from `tabs.onUpdated`. */
export function signedOutKind(url: string | undefined): SignedOutKind | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname;
  const path = u.pathname.toLowerCase();
  if (/(^|\/)(_____tmd_____|punish|captcha|verify|security-check)/.test(path)) return 'verification';
  if (host === 'login.taobao.com' || host === 'login.tmall.com') return 'logged-out';
  if ((host === 'mms.pinduoduo.com' || host === 'fxg.jinritemai.com') && /^\/(login|other\/login)/.test(path))
    return 'logged-out';
  return undefined;
}

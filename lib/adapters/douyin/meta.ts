/**
 * Douyin shop (抖店, fxg.jinritemai.com): what the extension knows of the marketplace besides its readers.
 * Plain data (lib/adapters/meta-types.ts): bundled into the MAIN-world hook, the content script and
 * wxt.config.ts. The 服务工单 rules are the Douyin rows of ../shared/sla-rules.md.
 */
import type { MarketplaceMeta } from '../meta-types';

const H = 3600_000;

/** Douyin service tickets: the clock runs only 09:00–21:00, every day including holidays (sla-rules.md). */
export const DOUYIN_DAY = { type: 'windows', segments: [{ start: '09:00', end: '21:00' }], days: 'every' } as const;

/** Tags that mark a Douyin ticket whose deadline was agreed with platform customer service (modelled wording). */
export const AGREED_TAGS = ['协商时效', '约定时效', '协商处理时效'] as const;

/** The tag the 服务工单 readers give a ticket whose source says a service provider raised it (服务商发起). */
export const PROVIDER_TAG = '服务商发起工单';

/** The floor of an agreed deadline (douyin-service-agreed: "as shown by the platform, never under 2 h"). */
export const AGREED_MIN_MS = 2 * H;

/** The 服务工单 list: the only surface the Douyin rules of sla-rules.md are for. */
const SERVICE = ['douyin.service-tickets'] as const;
const FOLDER = '抖店标准答复';

export const douyinMeta = {
  id: 'douyin',
  names: { zh: '抖店', en: 'Douyin' },
  colour: '#111111',
  hosts: ['fxg.jinritemai.com'],
  // The 售后 workbench may sit in a same-origin iframe (marketplaces.md).
  allFrames: true,
  surfaces: [
    // 服务工单: `delay_end_time` only when agreed; otherwise the 09:00–21:00 rules of sla-rules.md.
    {
      id: 'douyin.service-tickets',
      family: 'service',
      deadlines: 'rules',
      names: { zh: '服务工单', en: 'service tickets (服务工单)' },
    },
    // 售后 `status_deadline` ("当前节点逾期时间") [seen], the status cell's countdown.
    {
      id: 'douyin.aftersale-list',
      family: 'aftersale',
      deadlines: 'platform',
      names: { zh: '售后工作台', en: 'after-sale workbench (售后工作台)' },
    },
  ],
  // Each rule matches first on the surface, which is certain; tags only refine within it. Order matters:
  // the first enabled matching rule wins, so specific rules come first.
  rules: [
    {
      // 紧急 from the record's tagList / the order cell's tag line; 风险商品 / 高危投诉 from the business type.
      id: 'douyin-service-urgent',
      name: '抖店服务工单（紧急）',
      enabled: true,
      match: { surfaces: SERVICE, platforms: ['douyin'], kinds: [], tagsAny: ['紧急', '风险商品', '高危投诉'] },
      budgetMs: 2 * H,
      clock: DOUYIN_DAY,
    },
    {
      // The agreed deadline is the platform's: when the page shows it, computeDeadline uses it as is. Without
      // it, the 2 h floor is the earliest the agreed deadline can be, so alerting on it is never late.
      // agreedDeadline() applies the floor to a shown value.
      id: 'douyin-service-agreed',
      name: '抖店协商时效（未显示时按最短 2 小时）',
      enabled: true,
      match: { surfaces: SERVICE, platforms: ['douyin'], kinds: [], tagsAny: AGREED_TAGS },
      budgetMs: AGREED_MIN_MS,
      clock: DOUYIN_DAY,
    },
    {
      // 服务商发起工单: the readers tag it from the source (createSourceDesc / the 来源 cell).
      id: 'douyin-provider',
      name: '抖店服务商发起工单',
      enabled: true,
      match: { surfaces: SERVICE, platforms: ['douyin'], kinds: [], tagsAny: [PROVIDER_TAG] },
      budgetMs: 24 * H,
      clock: { type: 'calendar' },
    },
    {
      // Every other ticket of the 服务工单 list, whatever its business type or ticket type says: the ordinary
      // kinds of sla-rules.md are all 24 h on the 09:00–21:00 clock, and the list is known from the page.
      id: 'douyin-service-normal',
      name: '抖店服务工单',
      enabled: true,
      match: { surfaces: SERVICE, platforms: ['douyin'], kinds: [], tagsAny: [] },
      budgetMs: 24 * H,
      clock: DOUYIN_DAY,
    },
  ],
  // Douyin's standard answers (服务工单 reply guidance), kept word for word.
  templates: [
    {
      id: 'default-douyin-unclear',
      title: '未理解所述问题，请重新提交',
      body: '根据描述未理解所述问题，辛苦确认具体问题并重新提交。',
      folder: FOLDER,
      tags: ['标准答复', '问题不清'],
      platforms: ['douyin'],
      shortcut: '/blj',
    },
    {
      id: 'default-douyin-double-or-no-waybill',
      title: '双面单 / 无面单：请联系仓库核实',
      body: '请优先联系仓库核实具体情况。',
      folder: FOLDER,
      tags: ['标准答复', '双面单', '无面单'],
      platforms: ['douyin'],
      kinds: ['logistics', 'service-request', 'other'],
      shortcut: '/md',
    },
  ],
} as const satisfies MarketplaceMeta;

/**
 * Pinduoduo (拼多多商家后台): what the extension knows of the marketplace besides its readers. Plain data
 * (lib/adapters/meta-types.ts): bundled into the MAIN-world hook, the content script and wxt.config.ts.
 */
import type { MarketplaceMeta } from '../meta-types';

const H = 3600_000;
const FOLDER = '拼多多工单选项';

export const pddMeta = {
  id: 'pdd',
  names: { zh: '拼多多', en: 'Pinduoduo' },
  colour: '#c4231a',
  hosts: ['mms.pinduoduo.com'],
  allFrames: false,
  surfaces: [
    // 工单 `deadline` (todoList, detail) [seen].
    {
      id: 'pdd.work-order-list',
      family: 'workorder',
      deadlines: 'platform',
      names: { zh: '工单', en: 'work orders (工单)' },
    },
    // 售后 `expireRemainTime` and the row's `.timer` [seen].
    {
      id: 'pdd.aftersale-list',
      family: 'aftersale',
      deadlines: 'platform',
      names: { zh: '售后', en: 'after-sales (售后)' },
    },
  ],
  rules: [
    {
      // For the PDD order pages of a later issue: no surface read today yields it (PDD 工单 and 售后 carry
      // the platform's own deadlines), so it applies nowhere yet.
      id: 'pdd-order-review',
      name: '拼多多订单审核中',
      enabled: true,
      match: { surfaces: [], platforms: ['pdd'], kinds: ['platform-notice'], tagsAny: ['订单审核中'] },
      budgetMs: 24 * H,
      clock: { type: 'calendar' },
      informational: true,
    },
  ],
  // The ticket form's 收货状态 options (marketplaces.md, PDD reply form), verbatim: the text must match the
  // option the platform expects.
  templates: [
    {
      id: 'default-pdd-recall',
      title: '已进行召回',
      body: '已进行召回',
      folder: FOLDER,
      tags: ['收货状态', '拦截'],
      platforms: ['pdd'],
      shortcut: '/zh',
    },
    {
      id: 'default-pdd-buyer-received',
      title: '消费者已收到货',
      body: '消费者已收到货',
      folder: FOLDER,
      tags: ['收货状态'],
      platforms: ['pdd'],
      shortcut: '/ysh',
    },
    {
      id: 'default-pdd-no-return-tracking',
      title: '未查到退货物流轨迹',
      body: '未查到退货物流轨迹',
      folder: FOLDER,
      tags: ['收货状态', '退货'],
      platforms: ['pdd'],
      shortcut: '/wgj',
    },
    {
      id: 'default-pdd-unknown-tracking-no',
      title: '无法确认快递单号',
      body: '无法确认快递单号',
      folder: FOLDER,
      tags: ['收货状态', '退货'],
      platforms: ['pdd'],
      shortcut: '/wdh',
    },
    {
      id: 'default-pdd-return-not-received',
      title: '未收到退货商品',
      body: '未收到退货商品',
      folder: FOLDER,
      tags: ['收货状态', '退货'],
      platforms: ['pdd'],
      shortcut: '/wsh',
    },
  ],
} as const satisfies MarketplaceMeta;

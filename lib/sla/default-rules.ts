import type { Clock, Rule } from './rule-schema';

const H = 3600_000;

/** Douyin service tickets: the clock runs only 09:00–21:00, every day including holidays (sla-rules.md). */
export const DOUYIN_DAY: Clock = { type: 'windows', segments: [{ start: '09:00', end: '21:00' }], days: 'every' };

/** Tags that mark a Douyin ticket whose deadline was agreed with platform customer service (modelled wording). */
export const AGREED_TAGS: readonly string[] = ['协商时效', '约定时效', '协商处理时效'];

/** The floor of an agreed deadline (douyin-service-agreed: "as shown by the platform, never under 2 h"). */
export const AGREED_MIN_MS = 2 * H;

/**
 * The rule table of ../shared/sla-rules.md, shipped as editable defaults (options page → 时效规则).
 * Order matters: the first enabled rule that matches wins, so specific rules come before general ones.
 * A platform deadline always wins over every rule here (computeDeadline).
 * Tickets marked `urgent` also match rules tagged `紧急` (matchRule).
 */
export const DEFAULT_RULES: readonly Rule[] = [
  {
    id: 'douyin-service-urgent',
    name: '抖店服务工单（紧急）',
    enabled: true,
    match: { platforms: ['douyin'], kinds: [], tagsAny: ['紧急', '风险商品', '高危投诉'] },
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
    match: { platforms: ['douyin'], kinds: [], tagsAny: [...AGREED_TAGS] },
    budgetMs: AGREED_MIN_MS,
    clock: DOUYIN_DAY,
  },
  {
    id: 'douyin-provider',
    name: '抖店服务商发起工单',
    enabled: true,
    match: { platforms: ['douyin'], kinds: [], tagsAny: ['服务商发起工单', '服务商'] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
  {
    id: 'douyin-service-normal',
    name: '抖店服务工单',
    enabled: true,
    // Only tickets from the 服务工单 page (the adapter tags them 服务请求): a 售后 item without a
    // status_deadline is not a service ticket and must not get the 09:00–21:00 service clock.
    match: { platforms: ['douyin'], kinds: [], tagsAny: ['服务请求'] },
    budgetMs: 24 * H,
    clock: DOUYIN_DAY,
  },
  {
    id: 'taobao-urge-pickup',
    name: '淘宝催揽收任务工单',
    enabled: true,
    match: { platforms: ['taobao'], kinds: ['urge-pickup'], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
  {
    id: 'taobao-pickup-after-urge-ship',
    name: '淘宝催发货后揽收',
    enabled: true,
    match: { platforms: ['taobao'], kinds: ['urge-ship'], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
    // "picked up within 24 h of shipping": before the order ships this rule does not apply.
    startFrom: 'shipped',
  },
  {
    id: 'pdd-order-review',
    name: '拼多多订单审核中',
    enabled: true,
    match: { platforms: ['pdd'], kinds: ['platform-notice'], tagsAny: ['订单审核中'] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
    informational: true,
  },
  {
    id: 'default',
    name: '默认规则',
    enabled: true,
    match: { platforms: [], kinds: [], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
];

import type { Rule } from './rule-schema';

const H = 3600_000;
const DOUYIN_DAY = { type: 'windows', segments: [{ start: '09:00', end: '21:00' }], days: 'every' } as const;

/**
 * The rule table of ../shared/sla-rules.md, shipped as editable defaults (options page → 时效规则).
 * Order matters: the first enabled rule that matches wins, so specific rules come before general ones.
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
    match: { platforms: ['douyin'], kinds: [], tagsAny: [] },
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

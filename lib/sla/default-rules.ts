import type { Clock, Rule } from './rule-schema';

const H = 3600_000;

/** Douyin service tickets: the clock runs only 09:00–21:00, every day including holidays (sla-rules.md). */
export const DOUYIN_DAY: Clock = { type: 'windows', segments: [{ start: '09:00', end: '21:00' }], days: 'every' };

/** Tags that mark a Douyin ticket whose deadline was agreed with platform customer service (modelled wording). */
export const AGREED_TAGS: readonly string[] = ['协商时效', '约定时效', '协商处理时效'];

/** The tag the 服务工单 readers give a ticket whose source says a service provider raised it (服务商发起). */
export const PROVIDER_TAG = '服务商发起工单';

/** The floor of an agreed deadline (douyin-service-agreed: "as shown by the platform, never under 2 h"). */
export const AGREED_MIN_MS = 2 * H;

/** The 服务工单 list: the only surface the Douyin rules of sla-rules.md are for. */
const SERVICE = ['douyin.service-tickets'] as const;
/** The Taobao 任务工单 list (催揽收 / 催发货). */
const TASKS = ['taobao.task-tickets'] as const;

/**
 * The rule table of ../shared/sla-rules.md, shipped as editable defaults (options page → 时效规则).
 * Order matters: the first enabled rule that matches wins, so specific rules come before general ones.
 * A platform deadline always wins over every rule here (computeDeadline), and on surfaces where only the
 * platform sets deadlines (PDD 工单 and 售后, 抖店 售后, 淘宝退款) no rule applies at all.
 * Tickets marked `urgent` also match rules tagged `紧急` (matchRule).
 *
 * Each rule matches first on the surface, which is certain; tags and kinds only refine within it. The README
 * rule table says, per rule, what it matches on and which page word (field, evidence) a refinement needs.
 */
export const DEFAULT_RULES: readonly Rule[] = [
  {
    // 紧急 from the record's tagList / the order cell's tag line; 风险商品 / 高危投诉 from the business type.
    id: 'douyin-service-urgent',
    name: '抖店服务工单（紧急）',
    enabled: true,
    match: { surfaces: [...SERVICE], platforms: ['douyin'], kinds: [], tagsAny: ['紧急', '风险商品', '高危投诉'] },
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
    match: { surfaces: [...SERVICE], platforms: ['douyin'], kinds: [], tagsAny: [...AGREED_TAGS] },
    budgetMs: AGREED_MIN_MS,
    clock: DOUYIN_DAY,
  },
  {
    // 服务商发起工单: the readers tag it from the source (createSourceDesc / the 来源 cell).
    id: 'douyin-provider',
    name: '抖店服务商发起工单',
    enabled: true,
    match: { surfaces: [...SERVICE], platforms: ['douyin'], kinds: [], tagsAny: [PROVIDER_TAG] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
  {
    // Every other ticket of the 服务工单 list, whatever its business type or ticket type says: the ordinary
    // kinds of sla-rules.md are all 24 h on the 09:00–21:00 clock, and the list is known from the page.
    id: 'douyin-service-normal',
    name: '抖店服务工单',
    enabled: true,
    match: { surfaces: [...SERVICE], platforms: ['douyin'], kinds: [], tagsAny: [] },
    budgetMs: 24 * H,
    clock: DOUYIN_DAY,
  },
  {
    id: 'taobao-urge-pickup',
    name: '淘宝催揽收任务工单',
    enabled: true,
    match: { surfaces: [...TASKS], platforms: ['taobao'], kinds: ['urge-pickup'], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
  {
    id: 'taobao-pickup-after-urge-ship',
    name: '淘宝催发货后揽收',
    enabled: true,
    match: { surfaces: [...TASKS], platforms: ['taobao'], kinds: ['urge-ship'], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
    // "picked up within 24 h of shipping": before the order ships this rule does not apply.
    startFrom: 'shipped',
  },
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
  {
    // Reached today only by Taobao 任务工单 of other kinds (协同工单, 售后任务) with a creation time.
    id: 'default',
    name: '默认规则',
    enabled: true,
    match: { surfaces: [], platforms: [], kinds: [], tagsAny: [] },
    budgetMs: 24 * H,
    clock: { type: 'calendar' },
  },
];

/**
 * The matches the default rules shipped with before surfaces existed (settings saved before Dexie v3).
 * `douyin-service-normal` then needed the tag 服务请求, which the readers took from the business type, a
 * field that holds 商品相关 / 价钱相关 …: ordinary 服务工单 fell through to the 24 h calendar default.
 */
const LEGACY_MATCHES: Readonly<Record<string, Omit<Rule['match'], 'surfaces'>>> = {
  'douyin-service-urgent': { platforms: ['douyin'], kinds: [], tagsAny: ['紧急', '风险商品', '高危投诉'] },
  'douyin-service-agreed': { platforms: ['douyin'], kinds: [], tagsAny: [...AGREED_TAGS] },
  'douyin-provider': { platforms: ['douyin'], kinds: [], tagsAny: ['服务商发起工单', '服务商'] },
  'douyin-service-normal': { platforms: ['douyin'], kinds: [], tagsAny: ['服务请求'] },
  'taobao-urge-pickup': { platforms: ['taobao'], kinds: ['urge-pickup'], tagsAny: [] },
  'taobao-pickup-after-urge-ship': { platforms: ['taobao'], kinds: ['urge-ship'], tagsAny: [] },
};

const sameMatch = (a: Omit<Rule['match'], 'surfaces'>, b: Omit<Rule['match'], 'surfaces'>): boolean =>
  JSON.stringify([a.platforms, a.kinds, a.tagsAny, a.urgent]) ===
  JSON.stringify([b.platforms, b.kinds, b.tagsAny, b.urgent]);

/**
 * Stored rules brought up to date: a default rule whose match the merchant never edited (it equals the
 * match it shipped with, and names no surface) gets today's match; budgets, clocks, names and the
 * enabled switch stay the merchant's. Edited and custom rules are kept as they are. Idempotent.
 */
export function upgradeRules(rules: readonly Rule[]): Rule[] {
  return rules.map((r) => {
    const legacy = LEGACY_MATCHES[r.id];
    const now = DEFAULT_RULES.find((d) => d.id === r.id);
    if (!legacy || !now || r.match.surfaces.length > 0 || !sameMatch(r.match, legacy)) return r;
    return { ...r, match: structuredClone(now.match) };
  });
}

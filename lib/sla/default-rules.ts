import { MARKETPLACES } from '../adapters/catalog';
import type { MarketplaceMeta, MetaRule } from '../adapters/meta-types';
import { AGREED_TAGS as agreedTags, DOUYIN_DAY as douyinDay } from '../adapters/douyin/meta';
import type { Clock, Rule } from './rule-schema';

const H = 3600_000;

// Douyin's rule constants live with its adapter (lib/adapters/douyin/meta.ts); re-exported for the engine.
export { AGREED_MIN_MS, PROVIDER_TAG } from '../adapters/douyin/meta';
/** Douyin service tickets: the clock runs only 09:00–21:00, every day including holidays (sla-rules.md). */
export const DOUYIN_DAY = douyinDay as unknown as Clock;
/** Tags that mark a Douyin ticket whose deadline was agreed with platform customer service (modelled wording). */
export const AGREED_TAGS: readonly string[] = agreedTags;

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
  // Each marketplace's own rules (its meta.ts `rules`), in catalog order: they match disjoint surfaces and
  // platforms, so the order between marketplaces never decides a match.
  ...((MARKETPLACES as readonly MarketplaceMeta[]).flatMap((m) => m.rules) as readonly MetaRule[] as readonly Rule[]),
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
  'douyin-service-agreed': { platforms: ['douyin'], kinds: [], tagsAny: ['协商时效', '约定时效', '协商处理时效'] },
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

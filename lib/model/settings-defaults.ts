/**
 * Settings defaults that content scripts need, free of zod so the page bundle stays small (issue 12). The
 * schema in settings.ts validates the same shapes in the worker and on extension pages.
 */
const MIN = 60_000;
const H = 60 * MIN;

/** When a countdown turns amber (`soon`) and red (`critical`). */
export const DEFAULT_TIERS = { soonWithinMs: 2 * H, soonShare: 0.25, criticalWithinMs: 30 * MIN };

/** Page features (lib/features/registry.ts) and whether each runs; every feature is on unless turned off. */
export const FEATURE_IDS = ['countdown-badge', 'template-picker', 'next-ticket', 'freshness-indicator'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];
export const DEFAULT_FEATURES: Record<FeatureId, boolean> = {
  'countdown-badge': true,
  'template-picker': true,
  'next-ticket': true,
  'freshness-indicator': true,
};

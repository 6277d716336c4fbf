import { z } from 'zod';
import { RuleSchema, SegmentSchema } from '../sla/rule-schema';
import { DEFAULT_RULES, upgradeRules } from '../sla/default-rules';
import { DEFAULT_FEATURES, DEFAULT_TIERS, FEATURE_IDS } from './settings-defaults';
import { PLATFORMS, type Platform } from './ticket';

const MIN = 60_000;
const H = 60 * MIN;

/** When a countdown turns amber (`soon`) and red (`critical`). */
export const TierSettingsSchema = z.object({
  soonWithinMs: z.number().int().nonnegative(),
  /** `soon` also when at most this share of the budget is left (0.25 = 25 %). */
  soonShare: z.number().min(0).max(1),
  criticalWithinMs: z.number().int().nonnegative(),
});
export type TierSettings = z.infer<typeof TierSettingsSchema>;

/**
 * The merchant's own clock: when people are there to be alerted. Never moves a platform deadline
 * (sla-rules.md, "Two clocks, not one").
 */
export const MerchantClockSchema = z.object({
  /** Off: alert around the clock. */
  enabled: z.boolean(),
  segments: z.array(SegmentSchema).min(1).max(12),
  days: z.enum(['every', 'workdays']),
});
export type MerchantClock = z.infer<typeof MerchantClockSchema>;

export const NotificationSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Alert this long before the deadline; 0 = at the deadline. */
  thresholdsMs: z.array(z.number().int().nonnegative()).max(10),
  /** Repeat while overdue; 0 = never. */
  overdueRepeatMs: z.number().int().nonnegative(),
  /** Overdue alerts are delivered even outside staffed hours. */
  overdueBreaksQuiet: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/**
 * One switch per marketplace (lib/model/ticket.ts PLATFORMS, from the adapters' meta.ts). A marketplace added
 * after the settings were saved reads as `on` (its default), so stored settings stay valid.
 */
const perPlatform = (on: boolean) =>
  z.object(
    Object.fromEntries(PLATFORMS.map((p) => [p, z.boolean().default(on)])) as Record<
      Platform,
      z.ZodDefault<z.ZodBoolean>
    >,
  );
const everyPlatform = (on: boolean) => Object.fromEntries(PLATFORMS.map((p) => [p, on])) as Record<Platform, boolean>;

/** Keeping list surfaces fresh and announcing new tickets (issue 14, lib/freshness). */
export const FreshnessSettingsSchema = z.object({
  /** Reload the merchant's own list tabs while nobody works in them, per platform. */
  keepFresh: perPlatform(true),
  /** Minutes between reloads of one shop's surface (2–60). */
  intervalMin: z.number().int().min(2).max(60),
  /** A shop's data is stale past this age when its lists are kept fresh … */
  staleKeptMs: z.number().int().positive(),
  /** … and past this age otherwise. */
  staleOtherMs: z.number().int().positive(),
  /** Optional: a pinned, muted tab per platform opened by the extension when no list tab is open. */
  backgroundTab: perPlatform(false),
  /** Announce new tickets per platform. */
  announce: perPlatform(true),
  /** Per surface (page kind) announcement switch; a surface not listed is announced. */
  announceSurfaces: z.record(z.string().max(60), z.boolean()),
  /** Play a short sound with the new-ticket notification (Chrome: offscreen document). */
  sound: z.boolean(),
});
export type FreshnessSettings = z.infer<typeof FreshnessSettingsSchema>;

export const SettingsSchema = z.object({
  tiers: TierSettingsSchema,
  /** Stored rules read through upgradeRules: default rules saved before surfaces existed gain theirs. */
  rules: z.array(RuleSchema).min(1).max(100).transform(upgradeRules),
  merchantClock: MerchantClockSchema,
  notifications: NotificationSettingsSchema,
  /** The popup lists tickets due within this window as 即将到期. */
  popupHorizonMs: z.number().int().positive(),
  /** Page features switched on or off (lib/features/registry.ts); a missing one is on. */
  features: z.partialRecord(z.enum(FEATURE_IDS), z.boolean()),
  freshness: FreshnessSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  tiers: { ...DEFAULT_TIERS },
  rules: DEFAULT_RULES.map((r) => structuredClone(r)),
  merchantClock: { enabled: false, segments: [{ start: '09:00', end: '23:00' }], days: 'every' },
  notifications: {
    enabled: true,
    thresholdsMs: [2 * H, 30 * MIN, 10 * MIN, 0],
    overdueRepeatMs: H,
    overdueBreaksQuiet: true,
  },
  popupHorizonMs: 24 * H,
  features: { ...DEFAULT_FEATURES },
  freshness: {
    keepFresh: everyPlatform(true),
    intervalMin: 5,
    staleKeptMs: 30 * MIN,
    staleOtherMs: 2 * H,
    backgroundTab: everyPlatform(false),
    announce: everyPlatform(true),
    announceSurfaces: {},
    sound: false,
  },
};

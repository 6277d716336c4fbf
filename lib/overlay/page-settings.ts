/**
 * The few settings a page needs (countdown tiers, which features run), read from `browser.storage.local`
 * with a cheap shape check instead of the zod schema: zod, the rule tables and the holiday data stay out of
 * content scripts (issue 12). Anything malformed reads as the default, part by part.
 *
 * The key is WXT's `local:settings` item (lib/settings/store.ts), whose stored value the worker and the
 * options page validate with the full schema.
 */
import { browser } from 'wxt/browser';
import type { TierSettings } from '../model/settings';
import { DEFAULT_FEATURES, DEFAULT_TIERS, FEATURE_IDS, type FeatureId } from '../model/settings-defaults';

export const SETTINGS_STORAGE_KEY = 'settings';
/** TEST ONLY: set by tests/e2e/harness.ts; pages then carry the readiness attributes (readiness.ts). */
export const TEST_READINESS_KEY = 'ticket-radar:test-readiness';

export interface PageSettings {
  tiers: TierSettings;
  features: Record<FeatureId, boolean>;
  /** Tests only: expose the readiness signal on the page. */
  testReadiness: boolean;
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  tiers: DEFAULT_TIERS,
  features: DEFAULT_FEATURES,
  testReadiness: false,
};

const num = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** A stored settings value reduced to what pages use. */
export function pageSettingsFrom(raw: unknown, testReadiness: unknown = false): PageSettings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const t = obj.tiers && typeof obj.tiers === 'object' ? (obj.tiers as Record<string, unknown>) : {};
  const tiers =
    num(t.soonWithinMs, 0, Number.MAX_SAFE_INTEGER) &&
    num(t.criticalWithinMs, 0, Number.MAX_SAFE_INTEGER) &&
    num(t.soonShare, 0, 1)
      ? { soonWithinMs: t.soonWithinMs, soonShare: t.soonShare, criticalWithinMs: t.criticalWithinMs }
      : DEFAULT_TIERS;
  const f = obj.features && typeof obj.features === 'object' ? (obj.features as Record<string, unknown>) : {};
  const features = { ...DEFAULT_FEATURES };
  for (const id of FEATURE_IDS) if (typeof f[id] === 'boolean') features[id] = f[id];
  return { tiers, features, testReadiness: testReadiness === true };
}

/** Loads page settings and calls back on every change; returns the unsubscribe. */
export function watchPageSettings(cb: (s: PageSettings) => void): () => void {
  let raw: unknown;
  let test: unknown;
  const emit = () => cb(pageSettingsFrom(raw, test));
  void browser.storage.local
    .get([SETTINGS_STORAGE_KEY, TEST_READINESS_KEY])
    .then((all) => {
      raw = all[SETTINGS_STORAGE_KEY];
      test = all[TEST_READINESS_KEY];
      emit();
    })
    .catch(() => undefined);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (SETTINGS_STORAGE_KEY in changes) raw = changes[SETTINGS_STORAGE_KEY]!.newValue;
    if (TEST_READINESS_KEY in changes) test = changes[TEST_READINESS_KEY]!.newValue;
    if (SETTINGS_STORAGE_KEY in changes || TEST_READINESS_KEY in changes) emit();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

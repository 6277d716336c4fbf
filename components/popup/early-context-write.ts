/**
 * The full popup's side of early-context.ts: the validated settings, marks, snoozes and view, left in storage
 * with the raw values they were made from, for the next open's early rows. Written only when they changed
 * (a storage write wakes every listener, the worker's too), and only when the raw values did not move while
 * they were being validated.
 */
import { browser } from 'wxt/browser';
import { loadSnoozes } from '@/lib/alarms/state';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { sanitizeSettings } from '@/lib/settings/store';
import { loadSetAside } from '@/lib/tickets/marks';
import { loadPopupView } from '@/lib/tickets/popup-view';
import {
  EARLY_CONTEXT_KEY,
  EARLY_SOURCE_KEYS,
  SETTINGS_STORAGE_KEY,
  earlySource,
  type EarlyContext,
} from './early-context';

const readRaw = () => browser.storage.local.get([...EARLY_SOURCE_KEYS, EARLY_CONTEXT_KEY]);

/** Brings the early context up to date; resolves to whether it wrote one. */
export async function refreshEarlyContext(): Promise<boolean> {
  const raw = await readRaw();
  const source = earlySource(raw);
  const old = raw[EARLY_CONTEXT_KEY] as { source?: unknown } | undefined;
  if (old?.source === source) return false;
  // The same validation the popup's own reads do (WXT's settings item falls back to the defaults when unset).
  const settings = sanitizeSettings(raw[SETTINGS_STORAGE_KEY] ?? DEFAULT_SETTINGS);
  const [setAside, snoozed, view] = await Promise.all([loadSetAside(), loadSnoozes(), loadPopupView()]);
  if (earlySource(await readRaw()) !== source) return false;
  const { activeKey: _moving, ...shown } = view;
  const ctx: EarlyContext = {
    source,
    settings: {
      tiers: settings.tiers,
      rules: settings.rules.map((r) => ({
        id: r.id,
        budgetMs: r.budgetMs,
        ...(r.informational !== undefined ? { informational: r.informational } : {}),
      })),
    },
    setAside: Object.fromEntries(setAside),
    snoozed,
    view: shown,
  };
  await browser.storage.local.set({ [EARLY_CONTEXT_KEY]: ctx });
  return true;
}

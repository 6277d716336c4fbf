/**
 * What the popup's early script needs besides the tickets to show rows in their right state: the tiers and
 * rules state() reads, the set-aside marks, the snoozes and the remembered view. Those are validated by zod
 * (lib/settings/store.ts, lib/tickets/marks.ts, lib/alarms/state.ts, lib/tickets/popup-view.ts), which the early
 * script does not load. So the full popup leaves the validated values in storage (early-context-write.ts) with
 * the raw stored values they were made from (`source`); the early script uses them only while the raw values
 * are still exactly those. Otherwise (a setting saved since, a damaged value) it shows no rows and the full
 * popup does, validating as always. No zod here: this module runs in the early script.
 */
import type { SetAside, StateSettings } from '@/lib/tickets/state';
import type { Platform, TicketKind } from '@/lib/model/ticket';

export const EARLY_CONTEXT_KEY = 'ticket-radar:popup-early';

/**
 * The stored values the context is made from: settings (WXT's `local:settings`), SET_ASIDE_KEY, SNOOZE_KEY,
 * POPUP_VIEW_KEY (early-context.test.ts checks these are the modules' keys).
 */
export const SETTINGS_STORAGE_KEY = 'settings';
export const SET_ASIDE_STORAGE_KEY = 'ticket-radar:set-aside';
export const SNOOZE_STORAGE_KEY = 'ticket-radar:snooze';
export const VIEW_STORAGE_KEY = 'ticket-radar:popup-view';
export const EARLY_SOURCE_KEYS = [
  SETTINGS_STORAGE_KEY,
  SET_ASIDE_STORAGE_KEY,
  SNOOZE_STORAGE_KEY,
  VIEW_STORAGE_KEY,
] as const;

/** The part of the remembered view the first rows depend on. */
export interface EarlyView {
  platform?: Platform;
  shop?: string;
  kind?: TicketKind;
  query: string;
  groupByShop: boolean;
  unfolded: string[];
}

export interface EarlyContext {
  source: string;
  settings: Required<StateSettings>;
  setAside: Record<string, SetAside>;
  snoozed: Record<string, number>;
  view: EarlyView;
}

/**
 * The raw stored values as one string. The view's `activeKey` moves with every ↓ and is not in it (the first
 * rows do not depend on it), so working the queue does not invalidate the context.
 */
export function earlySource(raw: Record<string, unknown>): string {
  return JSON.stringify(
    EARLY_SOURCE_KEYS.map((k) => {
      const v = raw[k];
      if (k === VIEW_STORAGE_KEY && v && typeof v === 'object' && 'activeKey' in v) {
        const { activeKey: _moving, ...rest } = v as Record<string, unknown>;
        return rest;
      }
      return v ?? null;
    }),
  );
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The context from `raw` (the source keys and EARLY_CONTEXT_KEY, as `storage.local.get` gave them), or
 * undefined when it is missing, was made from other values, or is not shaped as written (then: no early rows).
 */
export function earlyContext(raw: Record<string, unknown>): EarlyContext | undefined {
  const c = raw[EARLY_CONTEXT_KEY];
  if (!isObj(c) || c.source !== earlySource(raw)) return undefined;
  const s = c.settings;
  const v = c.view;
  if (!isObj(s) || !isObj(s.tiers) || !Array.isArray(s.rules) || !isObj(c.setAside) || !isObj(c.snoozed)) return;
  const { soonWithinMs, soonShare, criticalWithinMs } = s.tiers;
  if (!isNum(soonWithinMs) || !isNum(soonShare) || !isNum(criticalWithinMs)) return undefined;
  for (const r of s.rules as unknown[])
    if (
      !isObj(r) ||
      typeof r.id !== 'string' ||
      !isNum(r.budgetMs) ||
      (r.informational !== undefined && typeof r.informational !== 'boolean')
    )
      return undefined;
  for (const m of Object.values(c.setAside))
    if (!isObj(m) || !isNum(m.at) || (m.dueAt !== undefined && !isNum(m.dueAt))) return;
  for (const u of Object.values(c.snoozed)) if (!isNum(u)) return undefined;
  if (
    !isObj(v) ||
    typeof v.query !== 'string' ||
    typeof v.groupByShop !== 'boolean' ||
    !Array.isArray(v.unfolded) ||
    [v.platform, v.shop, v.kind].some((x) => x !== undefined && typeof x !== 'string')
  )
    return undefined;
  return c as unknown as EarlyContext;
}

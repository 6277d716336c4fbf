/**
 * Text ⇄ value for the notification settings form (components/options/NotificationSettings.tsx). Pure, so the
 * validation rules are tested without a DOM. Minutes in the form, milliseconds in settings.
 */
import { SegmentSchema, type Segment } from '../sla/rule-schema';

const MIN = 60_000;
/** Alerts more than a week ahead are not deadline alerts. */
export const THRESHOLD_MAX_MINUTES = 7 * 24 * 60;
/** NotificationSettingsSchema allows at most 10 thresholds. */
export const THRESHOLDS_MAX = 10;
export const REPEAT_MAX_MINUTES = 24 * 60;

/** `[2h, 30min, 10min, 0]` → `120, 30, 10, 0` (largest first, as they fire). */
export function thresholdsToText(ms: readonly number[]): string {
  return [...ms]
    .sort((a, b) => b - a)
    .map((v) => String(Math.round((v / MIN) * 100) / 100))
    .join(', ');
}

/**
 * `120, 30，10 0` → ms, largest first, duplicates dropped; `undefined` when any entry is not a whole number of
 * minutes in 0…{@link THRESHOLD_MAX_MINUTES} or there are more than {@link THRESHOLDS_MAX}. Empty is valid: no
 * alerts before the deadline (overdue repeats only). Chinese and ASCII commas, 、 and spaces all separate.
 */
export function parseThresholds(text: string): number[] | undefined {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const out = new Set<number>();
  for (const p of parts) {
    if (!/^\d{1,5}$/.test(p)) return undefined;
    const minutes = Number(p);
    if (minutes > THRESHOLD_MAX_MINUTES) return undefined;
    out.add(minutes * MIN);
  }
  if (out.size > THRESHOLDS_MAX) return undefined;
  return [...out].sort((a, b) => b - a);
}

/** Whole minutes in `0…max` → ms; `undefined` otherwise. */
export function parseMinutes(text: string, max: number): number | undefined {
  const s = text.trim();
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const minutes = Number(s);
  return minutes <= max ? minutes * MIN : undefined;
}

/** Whether a staffed-hours segment is valid (`HH:mm`, start ≠ end); an end at or before the start is overnight. */
export const segmentValid = (seg: Segment): boolean => SegmentSchema.safeParse(seg).success;

/** An end at or before the start runs past midnight (22:00–02:00); 24:00 is the end of the same day. */
export const isOvernight = (seg: Segment): boolean => seg.end !== '24:00' && seg.end <= seg.start;

/** Same values in the same order. */
export const sameNumbers = (a: readonly number[] | undefined, b: readonly number[]): boolean =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Test helpers for lib/sla: Beijing wall-clock text ⇄ instants without the machine's zone, and tickets.
 * Imported by tests and the bench only.
 */
import { BEIJING_OFFSET_MS, HOUR_MS, MINUTE_MS, formatInstant } from './beijing';
import type { DeadlineInput } from './types';

export const H = HOUR_MS;
export const MIN = MINUTE_MS;

/** `2025-11-24 20:00` or `2025-11-24 20:00:30.500` (Beijing) → epoch ms. */
export function bj(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (!m) throw new Error(`bad Beijing time: ${text}`);
  const [, y, mo, d, h, mi, s, ms] = m;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number(ms ?? 0)) -
    BEIJING_OFFSET_MS
  );
}

/** Epoch ms → `2025-11-24 20:00` (Beijing), for readable assertions. */
export const showBj = (ms: number | undefined): string => (ms === undefined ? 'undefined' : formatInstant(ms, true));

/** A Douyin service ticket received at `createdAt`, overridable field by field. */
export function ticket(over: Partial<DeadlineInput> = {}): DeadlineInput {
  const createdAt = over.createdAt ?? bj('2025-11-24 20:00');
  return {
    platform: 'douyin',
    surface: 'douyin.service-tickets',
    kind: 'service-request',
    status: 'pending',
    tags: [],
    urgent: false,
    createdAt,
    firstSeenAt: createdAt,
    ...over,
  };
}

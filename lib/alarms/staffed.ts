/**
 * The merchant's staffed hours (the second of "Two clocks, not one", sla-rules.md): when people are there to be
 * alerted. It never moves a deadline; it only decides when an alert may interrupt someone. All window math is
 * the deadline engine's (lib/sla windows.ts, Beijing time, chinese-days working days); nothing is re-derived here.
 */
import type { MerchantClock } from '../model/settings';
import { addWorkingTime, isInsideClock, type Clock } from '../sla';

// One Clock object per MerchantClock object: lib/sla caches compiled windows by Clock identity, and settings
// objects are replaced, not mutated, when the merchant edits them.
const asClock = new WeakMap<MerchantClock, Clock>();

/** The merchant clock as a deadline-engine `windows` clock. */
export function staffedClock(mc: MerchantClock): Clock {
  let c = asClock.get(mc);
  if (!c) {
    c = { type: 'windows', segments: mc.segments, days: mc.days };
    asClock.set(mc, c);
  }
  return c;
}

/** Whether someone is there at `ms`: always when the merchant clock is off. Window ends are exclusive. */
export function isStaffed(ms: number, mc: MerchantClock): boolean {
  return !mc.enabled || isInsideClock(ms, staffedClock(mc));
}

/**
 * The first staffed instant at or after `ms` (`ms` itself when staffed), or `undefined` when the clock has no
 * staffed time within the engine's walk limit (then nothing can be released and alerts stay held).
 *
 * lib/sla exports no "next window start"; `addWorkingTime(ms, 1, clock)` is the end of the first staffed
 * millisecond at or after `ms`, so one millisecond earlier is where that window (or `ms`) begins.
 */
export function nextStaffedAt(ms: number, mc: MerchantClock): number | undefined {
  if (isStaffed(ms, mc)) return ms;
  const end = addWorkingTime(ms, 1, staffedClock(mc));
  return end === undefined ? undefined : end - 1;
}

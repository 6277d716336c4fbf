/**
 * Working time on a clock: an interval walk over the clock's windows, one step per day (O(days)), never a
 * minute loop (sla-rules.md, "Performance"). All in Beijing time via ./beijing, whatever the machine's zone.
 */
import type { Clock } from './rule-schema';
import { DAY_MINUTES, MINUTE_MS, dayOf, dayStart } from './beijing';
import { isWorkdayOn } from './calendar';

/**
 * How far a walk may go before giving up. A clock with (almost) no working time must not spin, and a
 * deadline years away is a misconfigured rule: show none rather than a wrong one (conventions, principle 4).
 */
export const MAX_WALK_DAYS = 3 * 366;

/**
 * A `windows` clock prepared for walking. Each pattern is a flat list `[start, end, start, end, …]` of ms
 * offsets from Beijing midnight, sorted and merged, ends exclusive, all within `[0, DAY_MS]`.
 * Which pattern a day uses depends on whether the day itself and the day before are working days, because an
 * overnight segment (22:00–02:00) belongs to the day it starts on (its 00:00–02:00 part spills into the next day).
 */
export interface CompiledWindows {
  readonly type: 'windows';
  readonly every: boolean;
  /** Parts of segments inside their own day (day is a working day). */
  readonly own: readonly number[];
  /** Parts of overnight segments that spill into the next day (previous day was a working day). */
  readonly spill: readonly number[];
  /** Both: what every day of an `every` clock uses. */
  readonly both: readonly number[];
}

const EMPTY: readonly number[] = [];

/** `HH:mm` → minutes after midnight; `24:00` → 1440. */
function parseClockTime(s: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= DAY_MINUTES && Number(m[2]) < 60 ? minutes : undefined;
}

/** Sort and merge `[start, end)` pairs (in minutes); touching intervals merge, so 00:00–12:00 + 12:00–24:00 is one. */
function mergeToMs(intervals: [number, number][]): number[] {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of intervals) {
    if (e <= s) continue;
    const last = out.length - 1;
    if (last > 0 && s * MINUTE_MS <= out[last]!) out[last] = Math.max(out[last]!, e * MINUTE_MS);
    else out.push(s * MINUTE_MS, e * MINUTE_MS);
  }
  return out;
}

// Keyed by the clock object: rule objects are replaced, not edited in place, when settings change.
const compiled = new WeakMap<Clock, CompiledWindows | null>();

/**
 * Prepare a `windows` clock (cached per clock object: the settings' rule objects are reused for every
 * ticket). `undefined` for a calendar clock or a clock with no usable segment.
 */
export function compileClock(clock: Clock): CompiledWindows | undefined {
  if (clock.type !== 'windows') return undefined;
  const hit = compiled.get(clock);
  if (hit !== undefined) return hit ?? undefined;
  const own: [number, number][] = [];
  const spill: [number, number][] = [];
  for (const seg of clock.segments) {
    const s0 = parseClockTime(seg.start);
    const e0 = parseClockTime(seg.end);
    if (s0 === undefined || e0 === undefined) continue;
    // `24:00` as a start means the same as `00:00`; an end at or before the start runs past midnight.
    const s = s0 % DAY_MINUTES;
    const e = e0 <= s ? e0 + DAY_MINUTES : e0;
    own.push([s, Math.min(e, DAY_MINUTES)]);
    if (e > DAY_MINUTES) spill.push([0, e - DAY_MINUTES]);
  }
  const result: CompiledWindows | null =
    own.length === 0
      ? null
      : {
          type: 'windows',
          every: clock.days === 'every',
          own: mergeToMs(own.slice()),
          spill: mergeToMs(spill.slice()),
          both: mergeToMs(own.concat(spill)),
        };
  compiled.set(clock, result);
  return result ?? undefined;
}

/** The windows of one Beijing day. */
function patternFor(c: CompiledWindows, day: number): readonly number[] {
  if (c.every) return c.both;
  const today = isWorkdayOn(day);
  const spillsIn = c.spill.length > 0 && isWorkdayOn(day - 1);
  if (today) return spillsIn ? c.both : c.own;
  return spillsIn ? c.spill : EMPTY;
}

/** What a walk used, for explain(): counted pieces as `[from, to, …]` and the days a workday clock skipped. */
export interface WalkTrace {
  pieces: number[];
  offDays: number[];
}

function walk(startMs: number, budgetMs: number, c: CompiledWindows, trace?: WalkTrace): number | undefined {
  let remaining = budgetMs;
  const firstDay = dayOf(startMs);
  for (let day = firstDay; day <= firstDay + MAX_WALK_DAYS; day++) {
    const p = patternFor(c, day);
    if (trace && !c.every && !isWorkdayOn(day)) trace.offDays.push(day);
    const base = dayStart(day);
    for (let i = 0; i + 1 < p.length; i += 2) {
      const end = base + p[i + 1]!;
      if (end <= startMs) continue;
      const from = Math.max(base + p[i]!, startMs);
      const available = end - from;
      // `<=`: a deadline may fall exactly on a window's exclusive end (09:00 + 12 h → 21:00 the same day).
      if (remaining <= available) {
        trace?.pieces.push(from, from + remaining);
        return from + remaining;
      }
      remaining -= available;
      trace?.pieces.push(from, end);
    }
  }
  return undefined;
}

/**
 * The instant at which `budgetMs` of working time on `clock` has elapsed after `startMs`.
 * A start outside the windows waits for the next window; a result can sit on a window's exclusive end.
 * `undefined` when the clock is unusable or the walk would pass {@link MAX_WALK_DAYS}.
 */
export function addWorkingTime(startMs: number, budgetMs: number, clock: Clock): number | undefined {
  if (!Number.isFinite(startMs) || !Number.isFinite(budgetMs) || budgetMs < 0) return undefined;
  if (clock.type === 'calendar') return startMs + budgetMs;
  if (budgetMs === 0) return startMs;
  const c = compileClock(clock);
  return c ? walk(startMs, budgetMs, c) : undefined;
}

/** {@link addWorkingTime} that also reports the pieces it counted and the days it skipped. */
export function traceWorkingTime(
  startMs: number,
  budgetMs: number,
  clock: Clock,
): { dueAt: number | undefined; trace: WalkTrace } {
  const trace: WalkTrace = { pieces: [], offDays: [] };
  if (clock.type === 'calendar' || budgetMs <= 0) return { dueAt: addWorkingTime(startMs, budgetMs, clock), trace };
  const c = compileClock(clock);
  return {
    dueAt: c && Number.isFinite(startMs) && Number.isFinite(budgetMs) ? walk(startMs, budgetMs, c, trace) : undefined,
    trace,
  };
}

/** Whether the clock runs at instant `ms` (window ends are exclusive: 21:00 is outside 09:00–21:00). */
export function isInsideClock(ms: number, clock: Clock): boolean {
  if (clock.type === 'calendar') return true;
  const c = compileClock(clock);
  if (!c || !Number.isFinite(ms)) return false;
  const day = dayOf(ms);
  const t = ms - dayStart(day);
  const p = patternFor(c, day);
  for (let i = 0; i + 1 < p.length; i += 2) if (p[i]! <= t && t < p[i + 1]!) return true;
  return false;
}

/**
 * Working time on `clock` within `[fromMs, toMs)`: e.g. how much of the budget is left between now and the
 * deadline. 0 when `toMs <= fromMs`; `undefined` for an unusable clock or a span over {@link MAX_WALK_DAYS}.
 */
export function remainingWorkingTime(fromMs: number, toMs: number, clock: Clock): number | undefined {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return undefined;
  if (toMs <= fromMs) return 0;
  if (clock.type === 'calendar') return toMs - fromMs;
  const c = compileClock(clock);
  if (!c) return undefined;
  const firstDay = dayOf(fromMs);
  const lastDay = dayOf(toMs - 1);
  if (lastDay - firstDay > MAX_WALK_DAYS) return undefined;
  let sum = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const p = patternFor(c, day);
    const base = dayStart(day);
    for (let i = 0; i + 1 < p.length; i += 2) {
      const from = Math.max(base + p[i]!, fromMs);
      const to = Math.min(base + p[i + 1]!, toMs);
      if (to > from) sum += to - from;
    }
  }
  return sum;
}

/**
 * "Why this deadline?" in the merchant's words (zh-CN, or English for an English UI): start, rule, the clock windows counted, the days
 * skipped, platform changes (sla-rules.md: every deadline can explain itself). Pure; `now` is optional.
 */
import type { DueChange } from '../model/ticket';
import { platformDecides } from '../model/surface';
import { DAY_MINUTES, MINUTE_MS, dayOf, dayStart, formatDay, formatMinutes, formatTimeOfDay, yearOf } from './beijing';
import { HOLIDAY_DATA_YEARS, dayInfo } from './calendar';
import { EXPLAIN_STRINGS, type ExplainLocale, type ExplainStrings } from './explain-strings';
import { matchRule, ruleStartOf } from './match';
import type { Clock, Rule } from './rule-schema';
import type { DeadlineInput } from './types';
import { formatDuration } from '../time/light';
import { MAX_WALK_DAYS, isInsideClock, remainingWorkingTime, traceWorkingTime, type WalkTrace } from './windows';

/** Day lines (counted days and runs of days off) shown before the middle collapses into one summary line. */
export const EXPLAIN_MAX_DAY_LINES = 8;
/** Platform deadline changes shown; older ones are summarised. */
export const EXPLAIN_MAX_HISTORY_LINES = 5;

export type { ExplainLocale } from './explain-strings';

/** `1 小时`, `7 小时 30 分`, `45 分钟` (en: `1 h`, `7 h 30 min`, `45 min`), rounded to the minute. */
export function formatSpan(ms: number, locale: ExplainLocale = 'zh'): string {
  return spanIn(ms, EXPLAIN_STRINGS[locale]);
}

function spanIn(ms: number, S: ExplainStrings): string {
  const total = Math.round(Math.abs(ms) / MINUTE_MS);
  if (total === 0) return ms === 0 ? S.spanZero : S.spanUnderMinute;
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return S.spanMinutes(m);
  return m === 0 ? S.spanHours(h) : S.spanHoursMinutes(h, m);
}

function describeClock(clock: Clock, S: ExplainStrings): string {
  if (clock.type === 'calendar') return S.clockCalendar;
  const spans = clock.segments.map((s) => {
    const overnight = s.end !== '24:00' && s.end <= s.start;
    return overnight ? S.overnightSpan(s.start, s.end) : `${s.start}–${s.end}`;
  });
  return S.clockWindows(spans.join(S.listSep), clock.days === 'workdays');
}

type Fmt = (ms: number) => string;

/** A day of the walk: time counted on it, or a run of days off. */
type DayLine =
  { kind: 'work'; day: number; text: string; ms: number } | { kind: 'off'; from: number; to: number; names: string[] };

function dayLines(trace: WalkTrace, withYear: boolean, S: ExplainStrings): DayLine[] {
  // Merge touching pieces first, so an overnight window reads as one span (22:00–次日 02:00).
  const merged: number[] = [];
  for (let i = 0; i + 1 < trace.pieces.length; i += 2) {
    const from = trace.pieces[i]!;
    const to = trace.pieces[i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && merged[last] === from) merged[last] = to;
    else merged.push(from, to);
  }
  const work = new Map<number, { spans: string[]; ms: number }>();
  for (let i = 0; i + 1 < merged.length; i += 2) {
    const from = merged[i]!;
    const to = merged[i + 1]!;
    const day = dayOf(from);
    const endDay = dayOf(to);
    const end =
      endDay === day
        ? formatTimeOfDay(to)
        : to === dayStart(day + 1)
          ? formatMinutes(DAY_MINUTES)
          : `${formatDay(endDay, withYear)} ${formatTimeOfDay(to)}`;
    const entry = work.get(day) ?? { spans: [], ms: 0 };
    entry.spans.push(`${formatTimeOfDay(from)}–${end}`);
    entry.ms += to - from;
    work.set(day, entry);
  }
  const lines: DayLine[] = [];
  for (const [day, { spans, ms }] of work) {
    const info = dayInfo(day);
    const note = info.makeUp ? S.makeUpNote(info.holidayFor) : '';
    lines.push({
      kind: 'work',
      day,
      ms,
      text: S.workDay(formatDay(day, withYear), spans.join(S.listSep), spanIn(ms, S), note),
    });
  }
  for (const day of trace.offDays) {
    const name = dayInfo(day).holiday;
    const prev = lines.findLast((l) => l.kind === 'off');
    if (prev && prev.kind === 'off' && prev.to === day - 1) {
      prev.to = day;
      if (name && !prev.names.includes(name)) prev.names.push(name);
    } else lines.push({ kind: 'off', from: day, to: day, names: name ? [name] : [] });
  }
  const firstDay = (l: DayLine): number => (l.kind === 'work' ? l.day : l.from);
  return lines.sort((a, b) => firstDay(a) - firstDay(b));
}

function renderDayLine(l: DayLine, withYear: boolean, S: ExplainStrings): string {
  if (l.kind === 'work') return l.text;
  const when =
    l.from === l.to ? formatDay(l.from, withYear) : S.dayRange(formatDay(l.from, withYear), formatDay(l.to, withYear));
  return S.daysOff(when, l.names.join(S.listSep), l.from === l.to);
}

function collapse(lines: DayLine[], withYear: boolean, S: ExplainStrings): string[] {
  if (lines.length <= EXPLAIN_MAX_DAY_LINES) return lines.map((l) => renderDayLine(l, withYear, S));
  const head = lines.slice(0, 4);
  const middle = lines.slice(4, -3);
  const tail = lines.slice(-3);
  const counted = middle.reduce((sum, l) => sum + (l.kind === 'work' ? l.ms : 0), 0);
  const daysOff = middle.reduce((sum, l) => sum + (l.kind === 'off' ? l.to - l.from + 1 : 0), 0);
  const first = middle[0]!;
  const lastLine = middle[middle.length - 1]!;
  const from = first.kind === 'work' ? first.day : first.from;
  const to = lastLine.kind === 'work' ? lastLine.day : lastLine.to;
  return [
    ...head.map((l) => renderDayLine(l, withYear, S)),
    S.collapsed(formatDay(from, withYear), formatDay(to, withYear), spanIn(counted, S), daysOff),
    ...tail.map((l) => renderDayLine(l, withYear, S)),
  ];
}

function historyLines(history: readonly DueChange[], fmt: Fmt, S: ExplainStrings): string[] {
  const shown = history.slice(-EXPLAIN_MAX_HISTORY_LINES);
  const lines = shown.map((c) => S.dueChange(c.to > c.from, fmt(c.from), fmt(c.to), fmt(c.seenAt)));
  const older = history.length - shown.length;
  return older > 0 ? [S.olderChanges(older), ...lines] : lines;
}

/**
 * The time left or late in the badge's and the popup row's own form (formatDuration: `6天2小时`, `3小时05分`),
 * so a tooltip never says `146 小时` beside a badge that says `6天2小时`.
 */
function leftLine(
  dueAt: number,
  now: number,
  clock: Clock | undefined,
  S: ExplainStrings,
  locale: ExplainLocale,
): string {
  const left = dueAt - now;
  const span = (ms: number) => formatDuration(ms, locale);
  if (left <= 0) return S.overdueBy(span(left));
  const working = clock && clock.type !== 'calendar' ? remainingWorkingTime(now, dueAt, clock) : undefined;
  return working !== undefined && working !== left ? S.leftCounted(span(left), span(working)) : S.left(span(left));
}

/**
 * The steps behind a ticket's deadline as readable lines (zh-CN; `locale` 'en' for an English UI), e.g. for the Douyin example
 * `收到 11-24 20:00`, `规则：…，时限 12 小时，计时 09:00–21:00`, `11-24 20:00–21:00 计 1 小时`,
 * `11-25 09:00–20:00 计 11 小时`, `截止 11-25 20:00`. Long walks collapse to at most
 * {@link EXPLAIN_MAX_DAY_LINES} + 1 day lines. With `now`, a last line tells the time left.
 * Dates carry the year only when the span crosses a year (or `now` is in another year). In English the same
 * lines read `Received 11-24 20:00`, `Rule: …, 12 h allowed, counting 09:00–21:00 every day`, `Due 11-25 20:00`;
 * rule and holiday names are data and stay as they are.
 */
export function explain(
  t: DeadlineInput,
  rules: readonly Rule[],
  now?: number,
  locale: ExplainLocale = 'zh',
): string[] {
  const S = EXPLAIN_STRINGS[locale];
  const yearsDiffer = (...ms: number[]): boolean => new Set(ms.map(yearOf)).size > 1;

  if (t.platformDueAt !== undefined && Number.isFinite(t.platformDueAt)) {
    const due = t.platformDueAt;
    const history = t.dueHistory ?? [];
    const instants = [due, ...history.flatMap((c) => [c.from, c.to, c.seenAt]), ...(now === undefined ? [] : [now])];
    const withYear = yearsDiffer(...instants);
    const fmt: Fmt = (ms) => `${formatDay(dayOf(ms), withYear)} ${formatTimeOfDay(ms)}`;
    const lines = [S.platformDue(fmt(due)), ...historyLines(history, fmt, S), S.platformWins];
    if (now !== undefined) lines.push(leftLine(due, now, undefined, S, locale));
    return lines;
  }

  if (platformDecides(t.surface)) return [S.platformOnly];
  const rule = matchRule(t, rules);
  if (!rule) return [S.noDeadline];
  const start = ruleStartOf(rule, t);
  if (start === undefined) return [S.unknownStart];
  const { dueAt, trace } = traceWorkingTime(start, rule.budgetMs, rule.clock);
  const withYear = yearsDiffer(start, ...(dueAt === undefined ? [] : [dueAt]), ...(now === undefined ? [] : [now]));
  const fmt: Fmt = (ms) => `${formatDay(dayOf(ms), withYear)} ${formatTimeOfDay(ms)}`;

  let startLine = rule.startFrom === 'shipped' ? S.shipped(fmt(start)) : S.received(fmt(start));
  const firstCounted = trace.pieces[0];
  if (rule.clock.type === 'windows' && !isInsideClock(start, rule.clock) && firstCounted !== undefined) {
    startLine += S.startOutsideClock(fmt(firstCounted));
  }
  const lines = [
    startLine,
    S.rule(rule.name, spanIn(rule.budgetMs, S), describeClock(rule.clock, S), rule.informational === true),
  ];
  if (rule.clock.type === 'windows') {
    lines.push(...collapse(dayLines(trace, withYear, S), withYear, S));
    if (rule.clock.days === 'workdays' && dueAt !== undefined && yearOf(dueAt) > HOLIDAY_DATA_YEARS.last) {
      lines.push(S.holidayDataMissing(HOLIDAY_DATA_YEARS.last + 1));
    }
  }
  if (dueAt === undefined) {
    lines.push(S.tooFewWindows(Math.floor(MAX_WALK_DAYS / 365)));
    return lines;
  }
  lines.push(S.due(fmt(dueAt)));
  if (now !== undefined) lines.push(leftLine(dueAt, now, rule.clock, S, locale));
  return lines;
}

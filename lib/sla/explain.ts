/**
 * "Why this deadline?" in the merchant's words (zh-CN): start, rule, the clock windows counted, the days
 * skipped, platform changes (sla-rules.md: every deadline can explain itself). Pure; `now` is optional.
 */
import type { DueChange } from '../model/ticket';
import { DAY_MINUTES, MINUTE_MS, dayOf, dayStart, formatDay, formatMinutes, formatTimeOfDay, yearOf } from './beijing';
import { HOLIDAY_DATA_YEARS, dayInfo } from './calendar';
import { matchRule, ruleStartOf } from './match';
import type { Clock, Rule } from './rule-schema';
import type { DeadlineInput } from './types';
import { MAX_WALK_DAYS, isInsideClock, remainingWorkingTime, traceWorkingTime, type WalkTrace } from './windows';

/** Day lines (counted days and runs of days off) shown before the middle collapses into one summary line. */
export const EXPLAIN_MAX_DAY_LINES = 8;
/** Platform deadline changes shown; older ones are summarised. */
export const EXPLAIN_MAX_HISTORY_LINES = 5;

/** `1 小时`, `7 小时 30 分`, `45 分钟`, rounded to the minute. */
export function formatSpan(ms: number): string {
  const total = Math.round(Math.abs(ms) / MINUTE_MS);
  if (total === 0) return ms === 0 ? '0 分钟' : '不到 1 分钟';
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`;
}

function describeClock(clock: Clock): string {
  if (clock.type === 'calendar') return '全天连续计时（节假日照常计时）';
  const spans = clock.segments.map((s) => {
    const overnight = s.end !== '24:00' && s.end <= s.start;
    return overnight ? `${s.start}–次日 ${s.end}` : `${s.start}–${s.end}`;
  });
  return `计时 ${spans.join('、')}${clock.days === 'workdays' ? '，仅工作日（节假日不计，调休上班日照计）' : ''}`;
}

type Fmt = (ms: number) => string;

/** A day of the walk: time counted on it, or a run of days off. */
type DayLine =
  { kind: 'work'; day: number; text: string; ms: number } | { kind: 'off'; from: number; to: number; names: string[] };

function dayLines(trace: WalkTrace, withYear: boolean): DayLine[] {
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
    const note = info.makeUp ? `（调休上班日${info.holidayFor ? `，补${info.holidayFor}` : ''}）` : '';
    lines.push({
      kind: 'work',
      day,
      ms,
      text: `${formatDay(day, withYear)} ${spans.join('、')} 计 ${formatSpan(ms)}${note}`,
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

function renderDayLine(l: DayLine, withYear: boolean): string {
  if (l.kind === 'work') return l.text;
  const when =
    l.from === l.to ? formatDay(l.from, withYear) : `${formatDay(l.from, withYear)} 至 ${formatDay(l.to, withYear)}`;
  return `${when} 休息日${l.names.length ? `（${l.names.join('、')}）` : ''}，不计时`;
}

function collapse(lines: DayLine[], withYear: boolean): string[] {
  if (lines.length <= EXPLAIN_MAX_DAY_LINES) return lines.map((l) => renderDayLine(l, withYear));
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
    ...head.map((l) => renderDayLine(l, withYear)),
    `…… ${formatDay(from, withYear)} 至 ${formatDay(to, withYear)} 共计 ${formatSpan(counted)}${daysOff ? `（其间休息日 ${daysOff} 天）` : ''}`,
    ...tail.map((l) => renderDayLine(l, withYear)),
  ];
}

function historyLines(history: readonly DueChange[], fmt: Fmt): string[] {
  const shown = history.slice(-EXPLAIN_MAX_HISTORY_LINES);
  const lines = shown.map(
    (c) =>
      `${c.to > c.from ? '平台延长时效' : '平台提前了截止时间'}：${fmt(c.from)} → ${fmt(c.to)}（${fmt(c.seenAt)} 发现）`,
  );
  const older = history.length - shown.length;
  return older > 0 ? [`另有 ${older} 次更早的变更`, ...lines] : lines;
}

function leftLine(dueAt: number, now: number, clock: Clock | undefined): string {
  const left = dueAt - now;
  if (left <= 0) return `已超时 ${formatSpan(left)}`;
  const working = clock && clock.type !== 'calendar' ? remainingWorkingTime(now, dueAt, clock) : undefined;
  return working !== undefined && working !== left
    ? `剩余 ${formatSpan(left)}（其中计时时段内 ${formatSpan(working)}）`
    : `剩余 ${formatSpan(left)}`;
}

/**
 * The steps behind a ticket's deadline as readable zh-CN lines, e.g. for the Douyin example
 * `收到 11-24 20:00`, `规则：…，时限 12 小时，计时 09:00–21:00`, `11-24 20:00–21:00 计 1 小时`,
 * `11-25 09:00–20:00 计 11 小时`, `截止 11-25 20:00`. Long walks collapse to at most
 * {@link EXPLAIN_MAX_DAY_LINES} + 1 day lines. With `now`, a last line tells the time left.
 * Dates carry the year only when the span crosses a year (or `now` is in another year).
 */
export function explain(t: DeadlineInput, rules: readonly Rule[], now?: number): string[] {
  const yearsDiffer = (...ms: number[]): boolean => new Set(ms.map(yearOf)).size > 1;

  if (t.platformDueAt !== undefined && Number.isFinite(t.platformDueAt)) {
    const due = t.platformDueAt;
    const history = t.dueHistory ?? [];
    const instants = [due, ...history.flatMap((c) => [c.from, c.to, c.seenAt]), ...(now === undefined ? [] : [now])];
    const withYear = yearsDiffer(...instants);
    const fmt: Fmt = (ms) => `${formatDay(dayOf(ms), withYear)} ${formatTimeOfDay(ms)}`;
    const lines = [`平台给出的截止时间 ${fmt(due)}`, ...historyLines(history, fmt), '以平台时效为准，不套用规则'];
    if (now !== undefined) lines.push(leftLine(due, now, undefined));
    return lines;
  }

  const rule = matchRule(t, rules);
  if (!rule) return ['页面没有给出截止时间，也没有匹配的规则：不显示截止时间'];
  const start = ruleStartOf(rule, t);
  if (start === undefined) return ['规则的起算时间未知：不显示截止时间'];
  const { dueAt, trace } = traceWorkingTime(start, rule.budgetMs, rule.clock);
  const withYear = yearsDiffer(start, ...(dueAt === undefined ? [] : [dueAt]), ...(now === undefined ? [] : [now]));
  const fmt: Fmt = (ms) => `${formatDay(dayOf(ms), withYear)} ${formatTimeOfDay(ms)}`;

  let startLine =
    rule.startFrom === 'shipped'
      ? `发货 ${fmt(start)}`
      : t.createdAt !== undefined
        ? `收到 ${fmt(start)}`
        : `首次看到 ${fmt(start)}（页面未给出创建时间）`;
  const firstCounted = trace.pieces[0];
  if (rule.clock.type === 'windows' && !isInsideClock(start, rule.clock) && firstCounted !== undefined) {
    startLine += `，不在计时时段内，从 ${fmt(firstCounted)} 起计时`;
  }
  const lines = [
    startLine,
    `规则：${rule.name}，时限 ${formatSpan(rule.budgetMs)}，${describeClock(rule.clock)}${rule.informational ? '（仅供参考，不提醒）' : ''}`,
  ];
  if (rule.clock.type === 'windows') {
    lines.push(...collapse(dayLines(trace, withYear), withYear));
    if (rule.clock.days === 'workdays' && dueAt !== undefined && yearOf(dueAt) > HOLIDAY_DATA_YEARS.last) {
      lines.push(`${HOLIDAY_DATA_YEARS.last + 1} 年起的节假日安排尚未收录，按周一至周五计`);
    }
  }
  if (dueAt === undefined) {
    lines.push(`计时时段太少，${Math.floor(MAX_WALK_DAYS / 365)} 年内凑不够时限：不显示截止时间`);
    return lines;
  }
  lines.push(`截止 ${fmt(dueAt)}`);
  if (now !== undefined) lines.push(leftLine(dueAt, now, rule.clock));
  return lines;
}

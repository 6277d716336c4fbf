/**
 * The words of explain() and formatSpan(), one plain table per UI locale. lib/sla is pure (no browser.i18n),
 * so callers pass the locale (uiLocale()). Times, dates, rule names and holiday names arrive already
 * formatted: they are data and stay as they are. The zh table is the reference wording.
 */

export type ExplainLocale = 'zh' | 'en';

export interface ExplainStrings {
  // Spans (formatSpan)
  spanZero: string;
  spanUnderMinute: string;
  spanMinutes: (m: number) => string;
  spanHours: (h: number) => string;
  spanHoursMinutes: (h: number, m: number) => string;
  /** Joins spans, segments and holiday names. */
  listSep: string;
  // Clock description
  clockCalendar: string;
  overnightSpan: (start: string, end: string) => string;
  clockWindows: (spans: string, workdaysOnly: boolean) => string;
  // Start line
  shipped: (when: string) => string;
  received: (when: string) => string;
  startOutsideClock: (countFrom: string) => string;
  rule: (name: string, span: string, clock: string, informational: boolean) => string;
  // Day lines
  workDay: (day: string, spans: string, span: string, note: string) => string;
  makeUpNote: (holidayFor: string | undefined) => string;
  dayRange: (from: string, to: string) => string;
  daysOff: (when: string, names: string, oneDay: boolean) => string;
  collapsed: (from: string, to: string, span: string, daysOff: number) => string;
  holidayDataMissing: (fromYear: number) => string;
  tooFewWindows: (years: number) => string;
  due: (when: string) => string;
  // Platform deadline
  platformDue: (when: string) => string;
  dueChange: (later: boolean, from: string, to: string, seenAt: string) => string;
  olderChanges: (n: number) => string;
  platformWins: string;
  // Time left
  overdueBy: (span: string) => string;
  left: (span: string) => string;
  leftCounted: (span: string, counted: string) => string;
  // Nothing to go by
  noDeadline: string;
  /** A surface where only the platform sets deadlines, read without the platform's value. */
  platformOnly: string;
  unknownStart: string;
}

const zh: ExplainStrings = {
  spanZero: '0 分钟',
  spanUnderMinute: '不到 1 分钟',
  spanMinutes: (m) => `${m} 分钟`,
  spanHours: (h) => `${h} 小时`,
  spanHoursMinutes: (h, m) => `${h} 小时 ${m} 分`,
  listSep: '、',
  clockCalendar: '全天连续计时（节假日照常计时）',
  overnightSpan: (start, end) => `${start}–次日 ${end}`,
  clockWindows: (spans, workdaysOnly) =>
    `计时 ${spans}${workdaysOnly ? '，仅工作日（节假日不计，调休上班日照计）' : ''}`,
  shipped: (when) => `发货 ${when}`,
  received: (when) => `收到 ${when}`,
  startOutsideClock: (countFrom) => `，不在计时时段内，从 ${countFrom} 起计时`,
  rule: (name, span, clock, informational) =>
    `规则：${name}，时限 ${span}，${clock}${informational ? '（仅供参考，不提醒）' : ''}`,
  workDay: (day, spans, span, note) => `${day} ${spans} 计 ${span}${note}`,
  makeUpNote: (holidayFor) => `（调休上班日${holidayFor ? `，补${holidayFor}` : ''}）`,
  dayRange: (from, to) => `${from} 至 ${to}`,
  daysOff: (when, names) => `${when} 休息日${names ? `（${names}）` : ''}，不计时`,
  collapsed: (from, to, span, daysOff) =>
    `…… ${from} 至 ${to} 共计 ${span}${daysOff ? `（其间休息日 ${daysOff} 天）` : ''}`,
  holidayDataMissing: (fromYear) => `${fromYear} 年起的节假日安排尚未收录，按周一至周五计`,
  tooFewWindows: (years) => `计时时段太少，${years} 年内凑不够时限：不显示截止时间`,
  due: (when) => `截止 ${when}`,
  platformDue: (when) => `平台给出的截止时间 ${when}`,
  dueChange: (later, from, to, seenAt) =>
    `${later ? '平台延长时效' : '平台提前了截止时间'}：${from} → ${to}（${seenAt} 发现）`,
  olderChanges: (n) => `另有 ${n} 次更早的变更`,
  platformWins: '以平台时效为准，不套用规则',
  overdueBy: (span) => `已逾期 ${span}`,
  left: (span) => `剩余 ${span}`,
  leftCounted: (span, counted) => `剩余 ${span}（其中计时时段内 ${counted}）`,
  noDeadline: '页面没有给出截止时间，也没有匹配的规则：不显示截止时间',
  platformOnly: '此列表的截止时间由平台给出，这次没有读到：不按规则推算，不显示截止时间',
  unknownStart: '规则的起算时间未知：不显示截止时间',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const en: ExplainStrings = {
  spanZero: '0 min',
  spanUnderMinute: 'under 1 min',
  spanMinutes: (m) => `${m} min`,
  spanHours: (h) => `${h} h`,
  spanHoursMinutes: (h, m) => `${h} h ${m} min`,
  listSep: ', ',
  clockCalendar: 'counting around the clock (holidays included)',
  overnightSpan: (start, end) => `${start}–${end} next day`,
  clockWindows: (spans, workdaysOnly) =>
    workdaysOnly
      ? `counting ${spans} on workdays only (holidays skipped, make-up workdays counted)`
      : `counting ${spans} every day`,
  shipped: (when) => `Shipped ${when}`,
  received: (when) => `Received ${when}`,
  startOutsideClock: (countFrom) => `, outside counting hours; counting starts ${countFrom}`,
  rule: (name, span, clock, informational) =>
    `Rule: ${name}, ${span} allowed, ${clock}${informational ? ' (for reference only, no reminders)' : ''}`,
  workDay: (day, spans, span, note) => `${day} ${spans} counts ${span}${note}`,
  makeUpNote: (holidayFor) => (holidayFor ? ` (make-up workday for ${holidayFor})` : ' (make-up workday)'),
  dayRange: (from, to) => `${from} to ${to}`,
  daysOff: (when, names, oneDay) =>
    `${when} ${oneDay ? 'day off' : 'days off'}${names ? ` (${names})` : ''}, not counted`,
  collapsed: (from, to, span, daysOff) =>
    `… ${from} to ${to}: ${span} in total${daysOff ? ` (${plural(daysOff, 'day', 'days')} off in between)` : ''}`,
  holidayDataMissing: (fromYear) => `Holidays from ${fromYear} on are not known yet; counting Monday to Friday`,
  tooFewWindows: (years) => `Too few counting hours to fill the time allowed within ${years} years: no deadline shown`,
  due: (when) => `Due ${when}`,
  platformDue: (when) => `Platform deadline ${when}`,
  dueChange: (later, from, to, seenAt) =>
    `${later ? 'Platform extended the deadline' : 'Platform moved the deadline earlier'}: ${from} → ${to} (seen ${seenAt})`,
  olderChanges: (n) => `${plural(n, 'earlier change', 'earlier changes')} not shown`,
  platformWins: "The platform's deadline applies; rules are not used",
  overdueBy: (span) => `Overdue by ${span}`,
  left: (span) => `${span} left`,
  leftCounted: (span, counted) => `${span} left (${counted} of it in counting hours)`,
  noDeadline: 'No deadline on the page and no matching rule: no deadline shown',
  platformOnly: "This list's deadlines come from the platform and none was read: no rule is applied, no deadline shown",
  unknownStart: "The rule's start time is unknown: no deadline shown",
};

export const EXPLAIN_STRINGS: Readonly<Record<ExplainLocale, ExplainStrings>> = { zh, en };

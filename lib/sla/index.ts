/**
 * Deadline engine (issue 3). Pure: no Date.now(), no browser APIs, no machine time zone; `now` is passed in.
 * Every place that shows or acts on a deadline (badges, popup, alarms) goes through here.
 *
 * - windows.ts   working time on a clock (interval walk, O(days)), Beijing time
 * - calendar.ts  Chinese working days (holidays, 调休) from the chinese-days data
 * - match.ts     which rule applies
 * - deadline.ts  computeDeadline, tiers
 * - platform-due.ts  the platform's own deadline: resolve, follow changes (时效延长), agreed deadlines
 * - explain.ts   "why this deadline?" in zh-CN
 */
export type { Rule, Clock, Segment } from './rule-schema';
export { DEFAULT_RULES, DOUYIN_DAY, AGREED_TAGS, AGREED_MIN_MS, PROVIDER_TAG, upgradeRules } from './default-rules';
export { TIERS, type Tier, type DeadlineInput, type Deadline } from './types';
export { computeDeadline, tierOf, timeLeft } from './deadline';
export { matchRule, ruleStartOf, URGENT_TAG } from './match';
export {
  resolvePlatformDeadline,
  mergePlatformDue,
  agreedDeadline,
  DUE_HISTORY_MAX,
  DUE_JITTER_MS,
  type PlatformDueState,
  type PlatformDueMerge,
} from './platform-due';
export {
  addWorkingTime,
  isInsideClock,
  remainingWorkingTime,
  traceWorkingTime,
  MAX_WALK_DAYS,
  type WalkTrace,
} from './windows';
export { isWorkdayOn, dayInfo, HOLIDAY_DATA_YEARS, type DayInfo } from './calendar';
export { explain, formatSpan } from './explain';

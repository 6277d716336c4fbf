/**
 * Chinese time text as marketplace pages show it: countdowns (`6天2时3分30秒`, `剩余23小时59分`,
 * `已逾期2小时`, `剩余 00:45:10`) and Beijing wall-clock times (`2026-11-24 10:00`, `11-24 10:00`,
 * `昨天 21:30`). Used by the DOM-text fallback readers (marketplaces.md, "Reading strategies" 3).
 *
 * Pure and zone-independent: wall-clock times are Beijing time (UTC+8, no DST), converted with plain UTC
 * arithmetic and a fixed offset, never through the machine's local zone. When a text is ambiguous the
 * parsers return undefined (conventions.md: a wrong countdown is worse than a missing one).
 */
import { SHANGHAI_OFFSET_MS } from './light';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Full-width digits and punctuation (`１２：３０`) occur in pasted and some rendered text. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[：]/g, ':')
    .replace(/[－]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/\u00a0|\u3000/g, ' ');
}

/** A duration found in text. `overdue`: the text says the time is already past (已逾期 / 超时 …). */
export interface DurationText {
  ms: number;
  overdue: boolean;
}

/** Unit words → [rank, ms]. Rank enforces 天 > 时 > 分 > 秒 order inside one countdown. */
const UNITS: Record<string, readonly [rank: number, ms: number]> = {
  天: [0, DAY],
  日: [0, DAY],
  小时: [1, HOUR],
  时: [1, HOUR],
  分钟: [2, MINUTE],
  分: [2, MINUTE],
  秒钟: [3, SECOND],
  秒: [3, SECOND],
};
// Longer words first so 小时 is not read as 小 + 时, 分钟 not as 分 + 钟.
const UNIT_WORDS = '天|日|小时|时|分钟|分|秒钟|秒';
const TOKEN = new RegExp(`(\\d+)\\s*(?:个)?\\s*(${UNIT_WORDS})`, 'y');
const TOKEN_START = new RegExp(`(\\d+)\\s*(?:个)?\\s*(?:${UNIT_WORDS})`, 'g');

/**
 * Overdue words right before the duration (`已逾期2小时`, `超时30分钟`, `逾期：1天`). Not when the word is
 * itself in the future: `即将超时`, `将超时`, `距超时` / `离逾期` ("until it is late") are time left.
 */
const OVERDUE_BEFORE = /(?<!即将|将|距|离|距离)(?:已经?)?(?:逾期|超时|超期|过期)了?\s*:?\s*$/;

/**
 * What must not precede a countdown: part of a longer number or a decimal (`1.5小时` is not read, only
 * integers are), or a date / clock context where 日 and 时 are calendar words (`11月24日`, `今天10时30分`).
 */
const NOT_A_DURATION_BEFORE = /(?:[\d.]|[月日号]\s*|(?:今天|明天|昨天|前天|后天|上午|下午|晚上|凌晨|中午)\s*)$/;

/** Cues that make a bare `h:mm:ss` a countdown rather than a clock time. */
const COLON_CUE_BEFORE = /(?:剩余|还剩|剩|倒计时|还有|逾期|超时|超期)\s*:?\s*$/;
const COLON_CUE_AFTER = /^\s*(?:后|内)/;
/** A date or day word right before `10:00:00` makes it a clock time even with `后` after it. */
const DATE_BEFORE = /(?:\d[-/.年月日号]?|今天|明天|昨天|前天|后天)\s*$/;
const COLON = /(?<!\d)(?:(\d+)\s*天\s*)?(\d{1,3}):([0-5]\d):([0-5]\d)(?!\d)/g;

interface Candidate extends DurationText {
  index: number;
  length: number;
}

function unitRun(text: string): Candidate | undefined {
  const starts = new RegExp(TOKEN_START.source, 'g');
  for (let start = starts.exec(text); start; start = starts.exec(text)) {
    const index = start.index;
    let pos = index;
    let rank = -1;
    let ms = 0;
    for (;;) {
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      const unit = m?.[2] !== undefined ? UNITS[m[2]] : undefined;
      if (!m || !unit || unit[0] <= rank) break;
      rank = unit[0];
      ms += Number(m[1]) * unit[1];
      pos = TOKEN.lastIndex;
      // Allow a space between parts (`1天 3小时`) but not other words.
      const gap = /^\s*/.exec(text.slice(pos))?.[0].length ?? 0;
      if (/^\d/.test(text.slice(pos + gap))) pos += gap;
      else break;
    }
    // A calendar context rejects the whole run, so `10时30分` after `24日` is not retried as `30分`.
    if (NOT_A_DURATION_BEFORE.test(text.slice(0, index))) {
      starts.lastIndex = Math.max(pos, index + 1);
      continue;
    }
    return { index, length: pos - index, ms, overdue: OVERDUE_BEFORE.test(text.slice(0, index)) };
  }
  return undefined;
}

function colonRun(text: string): Candidate | undefined {
  for (const m of text.matchAll(COLON)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const cued = COLON_CUE_BEFORE.test(before) || (COLON_CUE_AFTER.test(after) && !DATE_BEFORE.test(before));
    if (!cued) continue;
    const ms = Number(m[1] ?? 0) * DAY + Number(m[2]) * HOUR + Number(m[3]) * MINUTE + Number(m[4]) * SECOND;
    return { index: m.index, length: m[0].length, ms, overdue: OVERDUE_BEFORE.test(before) };
  }
  return undefined;
}

/**
 * Finds the first duration in free text and says whether it is time left or time past.
 *
 * Reads unit countdowns (`6天2时3分30秒`, `剩余23小时59分`, `还剩1天`, `2小时后超时`; units 天/日, 时/小时,
 * 分/分钟, 秒, integers only, largest unit first) and `h:mm:ss` countdowns when a cue says so
 * (`剩余 00:45:10`, `23:59:59后自动退款`, `剩余 1天 02:03:04`). A bare `10:00:00` or `23:59` is a clock
 * time, not a duration, and is ignored. `overdue` is true when 已逾期 / 逾期 / 超时 / 超期 stands right
 * before the duration; `后超时`, `即将超时`, `距超时` mean time left.
 *
 * @returns the duration in ms, or undefined when no duration is found.
 */
export function parseDurationText(text: string): DurationText | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  const t = normalize(text);
  const found = [unitRun(t), colonRun(t)].filter((c): c is Candidate => c !== undefined);
  // The earliest duration wins; at the same place the longer reading (`1天 02:03:04` over `1天`).
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const best = found[0];
  // No service deadline is a year away or a year late: such a countdown is garbage, and none beats a wrong one.
  if (!best || !Number.isSafeInteger(best.ms) || best.ms > MAX_DURATION_MS) return undefined;
  return { ms: best.ms, overdue: best.overdue };
}

/** Countdowns longer than this are not read (fuzzing found `剩余 99999天` read as 274 years). */
export const MAX_DURATION_MS = 366 * DAY;

const MIN_PLAUSIBLE = Date.UTC(2015, 0, 1);
const YEAR_MS = 366 * DAY;

/** Beijing wall-clock fields → epoch ms, or undefined when a field is out of range (`25:61`, `2-30`). */
function beijing(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || mi > 59 || s > 59) return undefined;
  // 24:00(:00) is the exclusive end of a day (sla-rules.md); other hours above 23 are not times.
  if (h > 24 || (h === 24 && (mi > 0 || s > 0))) return undefined;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_OFFSET_MS;
}

/** The same plausibility window as parseEpoch: after 2015, at most a year after `now`. */
const plausible = (ms: number | undefined, now: number) =>
  ms !== undefined && ms >= MIN_PLAUSIBLE && ms <= now + YEAR_MS ? ms : undefined;

const TIME = String.raw`(\d{1,2})\s*[:时]\s*(\d{2})(?:\s*[:分]\s*(\d{2}))?`;
const FULL = new RegExp(
  String.raw`(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*T?\s*${TIME}(?!\d)`,
);
const RELATIVE = new RegExp(String.raw`(今天|昨天|前天|明天|后天)\s*${TIME}(?!\d)`);
const MONTH_DAY = new RegExp(String.raw`(?<![\d\-/.年])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*[日号]?\s+${TIME}(?!\d)`);
const DAY_OFFSET: Record<string, number> = { 前天: -2, 昨天: -1, 今天: 0, 明天: 1, 后天: 2 };

/**
 * Reads a Beijing wall-clock time from text, whatever the machine's zone: `2026-11-24 10:00:00`,
 * `2026-11-24 10:00`, `2026/11/24 10:00`, `2026年11月24日 10:00`, `11-24 10:00` (the year that puts it
 * nearest to `now`), `今天 10:00`, `昨天 21:30`, `前天 08:00`, `明天 09:00`, `后天 09:00` (days counted
 * from `now`'s Beijing date). A date without a time, or a time without a date, is ambiguous and gives
 * undefined, as do out-of-range fields and results before 2015 or more than a year after `now`.
 *
 * @param now epoch ms; anchors relative days and the inferred year.
 * @returns epoch ms, or undefined.
 */
export function parseDateTimeText(text: string, now: number): number | undefined {
  if (typeof text !== 'string' || !text || !Number.isFinite(now)) return undefined;
  const t = normalize(text);
  const hms = (m: RegExpExecArray, i: number) => [Number(m[i]), Number(m[i + 1]), Number(m[i + 2] ?? 0)] as const;

  const full = FULL.exec(t);
  if (full) {
    return plausible(beijing(Number(full[1]), Number(full[2]), Number(full[3]), ...hms(full, 4)), now);
  }

  // Beijing calendar date of `now`, by shifting the instant +8 h and reading UTC fields.
  const bj = new Date(now + SHANGHAI_OFFSET_MS);
  const rel = RELATIVE.exec(t);
  if (rel) {
    const offset = DAY_OFFSET[rel[1] ?? ''] ?? 0;
    const base = beijing(bj.getUTCFullYear(), bj.getUTCMonth() + 1, bj.getUTCDate(), ...hms(rel, 2));
    return plausible(base === undefined ? undefined : base + offset * DAY, now);
  }

  const md = MONTH_DAY.exec(t);
  if (md) {
    const year = bj.getUTCFullYear();
    const options = [year - 1, year, year + 1]
      .map((y) => beijing(y, Number(md[1]), Number(md[2]), ...hms(md, 3)))
      .filter((ms): ms is number => ms !== undefined)
      .sort((a, b) => Math.abs(a - now) - Math.abs(b - now));
    return plausible(options[0], now);
  }
  return undefined;
}

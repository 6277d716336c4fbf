/** Reading a platform deadline from countdown text, shared by the DOM and JSON readers. Pure. */
import type { PlatformDeadline } from '../../model/ticket';
import { parseDurationText } from '../../time/parse-text';
import { TIMEOUT_CUE } from './kinds';

export interface TextDeadline {
  /** The countdown as time left (negative when the text says it is already late). */
  deadline?: PlatformDeadline;
  /** A countdown was shown but could not be read: no rule deadline may be guessed next to it. */
  unreadable?: true;
}

/**
 * The first line that reads as a countdown (`剩余23小时59分`, `已超时2小时`, `23:59:59后自动退款`).
 * Only lines with a time-left / time-past cue are read, so `7天无理由` is not a deadline.
 */
export function deadlineFromLines(lines: readonly string[], now: number): TextDeadline {
  const cued = lines.filter((l) => TIMEOUT_CUE.test(l));
  for (const line of cued) {
    const d = parseDurationText(line);
    if (!d) continue;
    const ms = Math.round(d.overdue ? -d.ms : d.ms);
    return { deadline: { type: 'remaining', ms: ms === 0 ? 0 : ms, receivedAt: now } };
  }
  return cued.length ? { unreadable: true } : {};
}

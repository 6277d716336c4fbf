/**
 * The one place dayjs plugins are set up. All marketplace times are Beijing time (UTC+8, no DST);
 * nothing here depends on the machine's zone.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };
export const SHANGHAI = 'Asia/Shanghai';
export { SHANGHAI_OFFSET_MS } from './light';

export { parseEpoch } from './light';

/** `2026-11-24 10:00` in Beijing time, whatever the machine's zone. */
export function formatBeijing(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(ms).tz(SHANGHAI).format(pattern);
}

export { formatDuration } from './light';

import { t } from '@/lib/i18n';
// The dayjs-free helper: the popup's early first-rows script writes countdowns too.
import { formatDuration } from '@/lib/time/light';

/** `还剩 1小时2分` / `已逾期 5分`: the row's countdown, also written in place by the ticker. */
export function countdownText(dueAt: number, now: number, locale: 'zh' | 'en'): string {
  return dueAt <= now
    ? t('popupOverdueBy', formatDuration(now - dueAt, locale))
    : t('popupLeft', formatDuration(dueAt - now, locale));
}

/**
 * Countdown text updated in place: once a second, every rendered `[data-countdown]` (only the rows the virtual
 * list shows exist) gets its text rewritten when it changed. No React re-render, so the list costs nothing per
 * second at any size.
 */
import { useEffect, type RefObject } from 'react';
import { countdownText } from './countdown';

/** Our own rows' countdowns (not a marketplace selector). */
const COUNTDOWN = '[data-countdown]';

export function useCountdownTicker(root: RefObject<HTMLElement | null>, locale: 'zh' | 'en'): void {
  useEffect(() => {
    const tick = () => {
      const now = Date.now();
      root.current?.querySelectorAll<HTMLElement>(COUNTDOWN).forEach((el) => {
        const due = Number(el.dataset.countdown);
        if (!Number.isFinite(due)) return;
        const text = countdownText(due, now, locale);
        if (el.textContent !== text) el.textContent = text;
      });
    };
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [root, locale]);
}

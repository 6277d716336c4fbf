/**
 * UI strings through the extension i18n system (public/_locales, zh_CN default, en second).
 * Outside an extension context (unit tests) the key is returned, so tests assert on keys, not wording.
 */
import { browser } from 'wxt/browser';

export function t(key: string, ...subs: (string | number)[]): string {
  try {
    const getMessage = browser.i18n?.getMessage as ((k: string, s?: string[]) => string) | undefined;
    const msg = getMessage?.(key, subs.map(String));
    if (msg) return msg;
  } catch {
    /* no i18n here */
  }
  return subs.length ? `${key}(${subs.join(',')})` : key;
}

/**
 * The locale the extension's messages are shown in (`@@ui_locale`, the same source getMessage uses), so
 * numbers and words never mix languages. Chinese first: anything but English is `zh`.
 */
export function uiLocale(): 'zh' | 'en' {
  try {
    const getMessage = browser.i18n?.getMessage as ((k: string) => string) | undefined;
    return getMessage?.('@@ui_locale').toLowerCase().startsWith('en') ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export const kindKey = (kind: string) => `kind_${kind.replace(/-/g, '_')}`;

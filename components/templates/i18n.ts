/**
 * Strings of the template library through `browser.i18n` (public/_locales, where the keys of
 * locales-templates.json are merged). Before that merge, and outside an extension (unit tests, the
 * browser-test harness), the zh-CN text from locales-templates.json is used, so the UI never shows keys.
 */
import { browser } from 'wxt/browser';
import messages from './locales-templates.json';

export type MessageKey = keyof (typeof messages)['zh_CN'];

/** Keys owned elsewhere in public/_locales that the library reuses (ticket kinds, platform names). */
export type SharedMessageKey = `kind_${string}` | `platform_${string}`;

const substitute = (text: string, subs: readonly string[]): string =>
  text.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');

function fromBrowser(key: string, subs: readonly string[]): string {
  try {
    const getMessage = browser?.i18n?.getMessage as ((k: string, s?: string[]) => string) | undefined;
    return getMessage?.(key, [...subs]) ?? '';
  } catch {
    return ''; // no extension context
  }
}

/** The message for `key` with `$1`… substituted. */
export function t(key: MessageKey | SharedMessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  const msg = fromBrowser(key, s);
  if (msg !== '') return msg;
  const table: Record<string, string> = messages.zh_CN;
  const own = table[key];
  if (own !== undefined) return substitute(own, s);
  return FALLBACK_SHARED[key] ?? key;
}

/** zh-CN names for the shared keys, used only when `browser.i18n` is unavailable. */
const FALLBACK_SHARED: Record<string, string> = {
  platform_pdd: '拼多多',
  platform_douyin: '抖店',
  platform_taobao: '淘宝/天猫',
  kind_consult: '咨询',
  kind_refund: '退款',
  kind_return: '退货',
  kind_exchange: '换货',
  kind_logistics: '物流',
  kind_urge_ship: '催发货',
  kind_urge_pickup: '催揽收',
  kind_service_request: '服务工单',
  kind_platform_notice: '平台通知',
  kind_other: '其他',
};

/**
 * The UI language the library renders variable labels in: the one `getMessage` uses, so labels and
 * messages never mix languages; zh when there is no extension context (matching the zh-CN fallback).
 */
export function uiLocale(): 'zh' | 'en' {
  return fromBrowser('@@ui_locale', []).toLowerCase().startsWith('en') ? 'en' : 'zh';
}

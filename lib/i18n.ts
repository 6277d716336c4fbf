/**
 * The one way UI strings are looked up: the extension i18n system (public/_locales, zh_CN default, en second),
 * used alike by the popup, options page, worker (notifications) and content scripts (badges, picker).
 * public/_locales is the only place a string is written.
 *
 * Outside an extension (unit tests) `browser.i18n` is missing; tests/setup/i18n.ts then lends the zh_CN
 * messages through {@link setTestMessages}, so the tests read real wording. Production never calls it.
 */
import { browser } from 'wxt/browser';
import { MARKETPLACES, marketplaceColour, marketplaceName } from './adapters/catalog';
import type { CSSProperties } from 'react';
import type { MarketplaceMeta } from './adapters/meta-types';

/** Every key of the default locale: typed lookups where the key is a literal. */
export type MessageKey = keyof typeof import('../public/_locales/zh_CN/messages.json');

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
let testMessages: Messages | undefined;

/** TEST ONLY: the messages.json to answer from when `browser.i18n` is unavailable. */
export function setTestMessages(messages: Messages | undefined): void {
  testMessages = messages;
}

/** Chrome's substitution rules: `$NAME$` placeholders whose content is `$1`…, then `$1`… directly, `$$` → `$`. */
function fromMessages(messages: Messages, key: string, subs: readonly string[]): string | undefined {
  const entry = messages[key];
  if (!entry) return undefined;
  const arg = (n: string) => subs[Number(n) - 1] ?? '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content === undefined ? m : content.replace(/\$(\d)/g, (_x, n: string) => arg(n));
  });
  return named.replace(/\$(\d)/g, (_x, n: string) => arg(n)).replace(/\$\$/g, '$');
}

export function t(key: string, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  try {
    const getMessage = browser.i18n?.getMessage as ((k: string, s?: string[]) => string) | undefined;
    const msg = getMessage?.(key, s);
    if (msg) return msg;
  } catch {
    /* no extension i18n here (unit tests) */
  }
  const fallback = testMessages && fromMessages(testMessages, key, s);
  if (fallback !== undefined) return fallback;
  return s.length ? `${key}(${s.join(',')})` : key;
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

/**
 * A marketplace's display name in the UI language. Names live in the adapter's meta.ts (lib/adapters/catalog.ts),
 * not in the message files, so a new marketplace is named where it is defined.
 */
export const platformName = (platform: string): string => marketplaceName(platform, uiLocale());

/** A surface's display name, after its marketplace's (`拼多多 工单`, `Pinduoduo work orders (工单)`). */
export function surfaceName(surface: string): string {
  const locale = uiLocale();
  for (const m of MARKETPLACES as readonly MarketplaceMeta[]) {
    const s = m.surfaces.find((x) => x.id === surface);
    if (s) return `${m.names[locale]} ${s.names[locale]}`;
  }
  return surface;
}

/** Inline style giving a platform badge (`.plat`, `.opt-plat`) its marketplace's colour. */
export const platformStyle = (platform: string): CSSProperties =>
  ({ '--plat': marketplaceColour(platform) }) as CSSProperties;

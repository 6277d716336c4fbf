/** Opening a ticket's page: focus a tab already on it, else open one. Used by the popup and notifications. */
import { browser } from 'wxt/browser';
import { PAGE_CATALOG } from './adapters/page-catalog';
import { matchesPattern } from './messaging/match-pattern';
import type { Platform } from './model/ticket';

/**
 * Links come from stored data (pages, backups): only a seller page of the ticket's own platform is opened
 * (https, one of that adapter's hosts), never a host a page or a backup file named.
 */
export function allowedTicketUrl(url: string, platform?: Platform): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const matches = platform
    ? (PAGE_CATALOG.find((a) => a.id === platform)?.matches ?? [])
    : PAGE_CATALOG.flatMap((a) => a.matches);
  return matches.some((p) => matchesPattern(p, u));
}

/** Same page: same origin + path, and the same `id`-like query values when the target has them. */
export function samePage(tabUrl: string | undefined, target: string): boolean {
  if (!tabUrl) return false;
  try {
    const a = new URL(tabUrl);
    const b = new URL(target);
    if (a.origin !== b.origin || a.pathname !== b.pathname) return false;
    for (const [k, v] of b.searchParams) if (a.searchParams.get(k) !== v) return false;
    return true;
  } catch {
    return false;
  }
}

export async function openOrFocus(url: string, platform?: Platform): Promise<void> {
  if (!allowedTicketUrl(url, platform)) return;
  const tabs = await browser.tabs.query({});
  const hit = tabs.find((t) => samePage(t.url, url));
  if (hit?.id !== undefined) {
    await browser.tabs.update(hit.id, { active: true });
    if (hit.windowId !== undefined) await browser.windows.update(hit.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

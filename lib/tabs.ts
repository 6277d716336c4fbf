/** Opening a ticket's page: focus a tab already on it, else open one. Used by the popup and notifications. */
import { browser } from 'wxt/browser';

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

export async function openOrFocus(url: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  const hit = tabs.find((t) => samePage(t.url, url));
  if (hit?.id !== undefined) {
    await browser.tabs.update(hit.id, { active: true });
    if (hit.windowId !== undefined) await browser.windows.update(hit.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

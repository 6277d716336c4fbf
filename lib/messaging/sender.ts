/**
 * Who may talk to the background. A message is accepted only from this extension: its own pages
 * (popup, options) or its content scripts running on a supported marketplace page. Pure, for tests.
 */
import type { RequestType } from './protocol';
import { CONTENT_SCRIPT_REQUESTS } from './protocol';
import { matchesPattern } from './match-pattern';

export { matchesPattern };

export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  origin?: string | undefined;
  frameId?: number | undefined;
  documentId?: string | undefined;
}

/**
 * The page session a content-script message comes from, as the browser names it (tab, frame, document):
 * a page cannot choose these. Undefined for extension pages and senders without a tab.
 */
export function sessionOf(sender: SenderLike): { tabId: number; frameId: number; documentId?: string } | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  let origin = '';
  try {
    origin = new URL(sender.url ?? '').origin;
  } catch {
    /* no url: tab + frame alone */
  }
  // Firefox has no documentId: the frame's origin stands in, so a frame navigated elsewhere is a new session.
  return { tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId ?? origin };
}

export type SenderVerdict = { ok: true; from: 'page' | 'content' } | { ok: false; reason: string };

export function checkSender(
  type: RequestType,
  sender: SenderLike,
  self: { id: string; origin: string },
  marketplaceMatches: readonly string[],
): SenderVerdict {
  if (sender.id !== self.id) return { ok: false, reason: `foreign extension ${sender.id ?? '(none)'}` };
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return { ok: false, reason: 'sender without url' };
  }
  // `URL.origin` is "null" for non-special schemes in some engines; compare scheme + host instead.
  if (`${url.protocol}//${url.host}` === self.origin) return { ok: true, from: 'page' };
  if (!sender.tab) return { ok: false, reason: `non-tab sender ${url.origin}` };
  if (!marketplaceMatches.some((p) => matchesPattern(p, url)))
    return { ok: false, reason: `content script on unsupported page ${url.origin}` };
  if (!CONTENT_SCRIPT_REQUESTS.has(type)) return { ok: false, reason: `${type} not allowed from content scripts` };
  return { ok: true, from: 'content' };
}

/**
 * The worker's half of reading a page (issue 12): what the MAIN-world hook copied (a response body, React row
 * records) is parsed and read here, with the adapter's zod-validating readers, instead of on the page's thread.
 * The content script only checks the copy's shape (decode-page-message.ts) and hands it over; the handler
 * (handlers.ts `readPage`) decides the shop from the read (lib/identity/shop.ts) and stores it in the same
 * hop. The JSON readers validate each ticket (lib/adapters/validate.ts): what they return is stored as is.
 *
 * Pure: no storage, no clock of its own (the content script's `now` is when the data arrived). Never throws:
 * a reader that throws, a body that is not JSON or an endpoint the adapter does not know become issues.
 */
import type { MarketplaceAdapter, PageKind, ReadContext, ReadResult } from '../adapters/types';
import type { RequestOf } from '../messaging/protocol';

const message = (e: unknown) => (e instanceof Error ? e.message.slice(0, 120) : 'error');

/** The request body a list was asked with, when it was JSON: its filters decide what "complete" means. */
function requestOf(body: string | undefined): ReadContext['request'] {
  if (body === undefined) return undefined;
  try {
    return { body: JSON.parse(body) as unknown };
  } catch {
    return { body };
  }
}

export function readCopied(adapter: MarketplaceAdapter | undefined, req: RequestOf<'pages/read'>): ReadResult {
  if (!adapter) return { tickets: [], issues: [{ code: 'no-reader', detail: `no adapter for ${req.platform}` }] };
  let pageUrl: URL;
  try {
    pageUrl = new URL(req.pageUrl);
  } catch {
    return { tickets: [], issues: [{ code: 'bad-shape', detail: 'pages/read: page url' }] };
  }
  const ctx: ReadContext = { now: req.now, pageUrl, shop: req.shop };
  const { source } = req;
  if (source.kind === 'records') {
    if (!adapter.readRecord) return { tickets: [], issues: [{ code: 'no-reader', detail: 'readRecord' }] };
    const merged: ReadResult = { tickets: [], issues: [] };
    for (const record of source.records) {
      try {
        const r = adapter.readRecord(record, req.pageKind as PageKind, ctx);
        merged.tickets.push(...r.tickets);
        merged.issues.push(...r.issues);
        if (r.shop) merged.shop = r.shop;
      } catch {
        merged.issues.push({ code: 'reader-threw', detail: 'readRecord' });
      }
    }
    return merged;
  }
  const ep = adapter.endpoints.find((e) => e.id === source.endpoint);
  let path = '';
  try {
    path = new URL(source.url, pageUrl).pathname;
  } catch {
    /* no path: no endpoint matches */
  }
  // The endpoint is the one its URL names: a content script cannot have one reader read another's answer.
  if (!ep || !ep.path.test(path))
    return { tickets: [], issues: [{ code: 'no-reader', detail: `endpoint ${source.endpoint.slice(0, 60)}` }] };
  let json: unknown;
  try {
    json = JSON.parse(source.body);
  } catch {
    return { tickets: [], issues: [{ code: 'json-invalid', detail: `${ep.id}: response is not JSON` }] };
  }
  try {
    return ep.read(json, { ...ctx, request: requestOf(source.requestBody) });
  } catch (e) {
    return { tickets: [], issues: [{ code: 'reader-threw', detail: `${ep.id}: ${message(e)}` }] };
  }
}

/** The answer as the protocol carries it (ReadResultSchema): issue texts clipped, at most 200 issues. */
export function answerOf(r: ReadResult): ReadResult {
  return {
    ...r,
    issues: r.issues.slice(0, 200).map((i) => ({ code: i.code.slice(0, 60), detail: i.detail.slice(0, 300) })),
  };
}

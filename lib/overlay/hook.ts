/**
 * MAIN-world observer, started at document_start by each `<market>-hook.content.ts`. It wraps the page's
 * own `fetch` and `XMLHttpRequest`, copies JSON responses whose path matches an adapter endpoint, and hands
 * them to the isolated content script on the private port of page-channel.ts. It never re-sends a request
 * (Douyin signs calls, PDD wants `anti-content`), never changes what the page receives, never throws into
 * the page, and leaves nothing the page can see: the wrappers are indistinguishable from the natives
 * (stealth.ts) and there is no global marker (the install guard is this module's own variable).
 */
import { cloneRecord, reactRecord } from './react-record';
import {
  DATA_EVENT,
  HELLO_EVENT,
  MAX_BODY_CHARS,
  MAX_RECORDS,
  MAX_REQUEST_CHARS,
  OFFER_EVENT,
  ROW_INDEX_ATTR,
  type PageMessage,
} from './page-channel';
import { wrapNative } from './stealth';

export interface HookOptions {
  /** Request paths to copy (adapter endpoint patterns). */
  paths: readonly RegExp[];
  /** React row records to read: rows selector and the prop name holding the record. */
  records?: { rowSelector: string; propName: string; pathPrefix: string };
}

/** Messages sent per second at most, with this burst; beyond it, the newest message per URL waits. */
export const HOOK_RATE = { perSecond: 50, burst: 100 };
/** Messages kept while the port is not there yet or the rate is exceeded (the newest per key win). */
const MAX_QUEUED = 200;

// Captured at document_start, before any page script runs: the page may replace these later, and a
// replaced `dispatchEvent` would otherwise see (and could keep) our port.
const reflectApply = Reflect.apply;
const stringify = JSON.stringify;
const NativeCustomEvent = CustomEvent;
const responseClone = Response.prototype.clone;
const responseText = Response.prototype.text;
const headersGet = Headers.prototype.get;
// (Read off `window`: the same functions as EventTarget.prototype's in a browser, and the right ones in tests.)
const addListener = window.addEventListener;
const removeListener = window.removeEventListener;
const dispatch = window.dispatchEvent;
const dispatchOnTarget = EventTarget.prototype.dispatchEvent;
const preventDefault = Event.prototype.preventDefault;
const NativeEvent = Event;
const now = Date.now;
// The rate limit runs on the monotonic clock (a page, or a test, may move Date).
const perfNow = performance.now;
const clock = () => reflectApply(perfNow, performance, []) as number;

/** One install per window: a module-scoped guard, never a property the page could look for. */
let installed = false;

/** A request body we can copy without consuming it: only strings (JSON bodies), capped. */
function requestText(body: unknown): string | undefined {
  return typeof body === 'string' && body.length <= MAX_REQUEST_CHARS ? body : undefined;
}

/**
 * The hook's end of the channel: takes the first port the isolated side offers, then sends every message on
 * it, at most HOOK_RATE; what waits (no port yet, or over the rate) is merged per key, newest wins.
 */
export function createSender(win: Window, timers: { setTimeout: typeof setTimeout } = window) {
  let port: MessagePort | undefined;
  const queue = new Map<string, PageMessage>();
  let tokens = HOOK_RATE.burst;
  let refilledAt = clock();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const post = (msg: PageMessage) => {
    try {
      reflectApply(dispatchOnTarget, port, [new NativeCustomEvent(DATA_EVENT, { detail: stringify(msg) })]);
    } catch {
      /* never into the page */
    }
  };
  const take = () => {
    const t = clock();
    tokens = Math.min(HOOK_RATE.burst, tokens + ((t - refilledAt) / 1000) * HOOK_RATE.perSecond);
    refilledAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const flush = () => {
    flushTimer = undefined;
    if (!port) return;
    for (const [key, msg] of queue) {
      if (!take()) break;
      queue.delete(key);
      post(msg);
    }
    if (queue.size) flushTimer = timers.setTimeout(flush, 1000 / HOOK_RATE.perSecond);
  };
  const onOffer = (e: Event) => {
    const p = (e as MessageEvent).ports?.[0];
    if (port || !p) return;
    port = p;
    reflectApply(preventDefault, e, []);
    reflectApply(removeListener, win, [OFFER_EVENT, onOffer]);
    flush();
  };
  reflectApply(addListener, win, [OFFER_EVENT, onOffer]);
  reflectApply(dispatch, win, [new NativeEvent(HELLO_EVENT)]);

  return (key: string, msg: PageMessage) => {
    if (port && !queue.size && take()) return post(msg);
    queue.delete(key); // re-insert: the newest message for a key goes last
    queue.set(key, msg);
    if (queue.size > MAX_QUEUED) queue.delete(queue.keys().next().value as string);
    if (port && flushTimer === undefined) flushTimer = timers.setTimeout(flush, 1000 / HOOK_RATE.perSecond);
  };
}

/** A frame of a seller page, not one an unrelated site embedded: top-level, or a frame of the same origin. */
function ownFrame(): boolean {
  try {
    return window.top === window || window.top?.location.origin === location.origin;
  } catch {
    return false; // a cross-origin top: reading its location throws
  }
}

export function installHook(opts: HookOptions): void {
  if (installed || !ownFrame()) return;
  installed = true;

  const send = createSender(window);
  const emitResponse = (
    url: string,
    transport: 'fetch' | 'xhr',
    body: string,
    requestBody: string | undefined,
    declaredBytes = 0,
  ) => {
    // Checked before anything parses it: a huge body is never copied, only noted for diagnostics.
    if (declaredBytes || body.length > MAX_BODY_CHARS)
      return send(`big ${url}`, { type: 'oversized', url, chars: declaredBytes || body.length });
    send(`${url} ${requestBody ?? ''}`, { type: 'response', url, receivedAt: now(), transport, body, requestBody });
  };
  const wanted = (rawUrl: string): string | undefined => {
    try {
      const url = new URL(rawUrl, location.href);
      // Only the seller host's own API: a page script fetching the same path from a host it controls
      // must not be able to feed us a list.
      if (url.origin !== location.origin) return undefined;
      return opts.paths.some((p) => p.test(url.pathname)) ? url.href : undefined;
    } catch {
      return undefined;
    }
  };

  if (typeof window.fetch === 'function') {
    window.fetch = wrapNative(window.fetch, (call, _this, args) => {
      const p = call();
      try {
        const input = args[0];
        const url = wanted(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        // The request's filter (tab, status, date range) decides what a "complete" list means.
        const requestBody = requestText(args[1]?.body);
        if (url) {
          p.then((res) => {
            if (!res.ok && res.status !== 200) return;
            // Decoding a huge body into a string costs the page's thread tens of ms: skip it by its length.
            const declared = Number(reflectApply(headersGet, res.headers, ['content-length']) ?? 0);
            if (declared > MAX_BODY_CHARS * 3) return emitResponse(url, 'fetch', '', requestBody, declared);
            // The natives captured at install: a page that replaces Response.prototype.text later gets nothing in.
            (reflectApply(responseText, reflectApply(responseClone, res, []), []) as Promise<string>)
              .then((body) => emitResponse(url, 'fetch', body, requestBody))
              .catch(() => undefined);
          }).catch(() => undefined);
        }
      } catch {
        /* the page's fetch result is returned untouched whatever happens here */
      }
      return p;
    });
  }

  const XHR = window.XMLHttpRequest?.prototype;
  if (XHR) {
    const urls = new WeakMap<XMLHttpRequest, string>();
    XHR.open = wrapNative(XHR.open, (call, xhr, args) => {
      try {
        const url = wanted(String(args[1]));
        if (url) urls.set(xhr as XMLHttpRequest, url);
      } catch {
        /* ignore */
      }
      return call();
    });
    XHR.send = wrapNative(XHR.send, (call, self, args) => {
      const xhr = self as XMLHttpRequest;
      const url = urls.get(xhr);
      if (url) {
        const requestBody = requestText(args[0]);
        reflectApply(addListener, xhr, [
          'load',
          () => {
            try {
              const text =
                xhr.responseType === '' || xhr.responseType === 'text'
                  ? xhr.responseText
                  : xhr.responseType === 'json'
                    ? JSON.stringify(xhr.response)
                    : undefined;
              if (text !== undefined) emitResponse(url, 'xhr', text, requestBody);
            } catch {
              /* ignore */
            }
          },
        ]);
      }
      return call();
    });
  }

  if (opts.records) startRecordReader(opts.records, (msg) => send('records', msg));
}

/** Reads React row records when rows appear or change, debounced to one pass per animation frame. */
function startRecordReader(cfg: NonNullable<HookOptions['records']>, emit: (m: PageMessage) => void) {
  let scheduled = false;
  let lastSent = '';
  const pass = () => {
    scheduled = false;
    if (!location.pathname.startsWith(cfg.pathPrefix)) return;
    try {
      const rows = [...document.querySelectorAll(cfg.rowSelector)].slice(0, MAX_RECORDS);
      const records: { rowIndex: number; record: unknown }[] = [];
      rows.forEach((row, i) => {
        const rec = reactRecord(row, cfg.propName);
        if (rec === undefined) return;
        row.setAttribute(ROW_INDEX_ATTR, String(i));
        records.push({ rowIndex: i, record: cloneRecord(rec) });
      });
      const payload = JSON.stringify(records);
      // Rows that carry no record are said once too (an empty list): the isolated side then reads their text
      // at once instead of waiting out its grace for records that will not come (pipeline.ts).
      if ((records.length || rows.length) && payload !== lastSent) {
        lastSent = payload;
        emit({ type: 'records', receivedAt: now(), records });
      }
    } catch {
      /* fall back to DOM text on the isolated side */
    }
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(pass);
    }
  };
  const start = () =>
    new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}

/**
 * MAIN-world observer, started at document_start by each `<market>-hook.content.ts`. It wraps the page's
 * own `fetch` and `XMLHttpRequest`, copies JSON responses whose path matches an adapter endpoint, and hands
 * them to the isolated content script as a JSON string. It never re-sends a request (Douyin signs calls,
 * PDD wants `anti-content`), never changes what the page receives, and never throws into the page.
 */
import { cloneRecord, reactRecord } from './react-record';
import { MAX_BODY_CHARS, MAX_REQUEST_CHARS, PAGE_EVENT, ROW_INDEX_ATTR, type PageMessage } from './page-channel';

export interface HookOptions {
  /** Request paths to copy (adapter endpoint patterns). */
  paths: readonly RegExp[];
  /** React row records to read: rows selector and the prop name holding the record. */
  records?: { rowSelector: string; propName: string; pathPrefix: string };
}

const INSTALLED = Symbol.for('ticket-radar.hook');

/**
 * Gives a wrapper the original's name, length and `toString()`. Risk-control scripts on seller pages
 * fingerprint `fetch.toString()` for `[native code]`; a wrapper that shows its source could get the
 * merchant's session challenged.
 */
function masquerade<T extends object>(wrapper: T, original: object): T {
  try {
    const nativeToString = Function.prototype.toString;
    Object.defineProperty(wrapper, 'toString', {
      value: function toString() {
        return nativeToString.call(original);
      },
      configurable: true,
      writable: true,
    });
    Object.defineProperty(wrapper, 'name', { value: (original as { name?: string }).name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: (original as { length?: number }).length, configurable: true });
  } catch {
    /* cosmetic: never break the page over it */
  }
  return wrapper;
}

/** A request body we can copy without consuming it: only strings (JSON bodies), capped. */
function requestText(body: unknown): string | undefined {
  return typeof body === 'string' && body.length <= MAX_REQUEST_CHARS ? body : undefined;
}

export function installHook(opts: HookOptions): void {
  const w = window as unknown as Record<symbol, boolean>;
  if (w[INSTALLED]) return; // all_frames + SPA re-injection: wrap once
  w[INSTALLED] = true;

  const emit = (msg: PageMessage) => {
    try {
      window.dispatchEvent(new CustomEvent(PAGE_EVENT, { detail: JSON.stringify(msg) }));
    } catch {
      /* never into the page */
    }
  };
  const wanted = (rawUrl: string): string | undefined => {
    try {
      const url = new URL(rawUrl, location.href);
      return opts.paths.some((p) => p.test(url.pathname)) ? url.href : undefined;
    } catch {
      return undefined;
    }
  };

  const origFetch = window.fetch;
  if (typeof origFetch === 'function') {
    const wrapped = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const p = origFetch.apply(this, args);
      try {
        const input = args[0];
        const url = wanted(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        // The request's filter (tab, status, date range) decides what a "complete" list means.
        const requestBody = requestText(args[1]?.body);
        if (url) {
          p.then((res) => {
            if (!res.ok && res.status !== 200) return;
            res
              .clone()
              .text()
              .then((body) => {
                if (body.length <= MAX_BODY_CHARS)
                  emit({ type: 'response', url, receivedAt: Date.now(), transport: 'fetch', body, requestBody });
              })
              .catch(() => undefined);
          }).catch(() => undefined);
        }
      } catch {
        /* the page's fetch result is returned untouched whatever happens here */
      }
      return p;
    };
    window.fetch = masquerade(wrapped, origFetch) as typeof fetch;
  }

  const XHR = window.XMLHttpRequest?.prototype;
  if (XHR) {
    const open = XHR.open;
    const send = XHR.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    XHR.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const url = wanted(String(args[1]));
        if (url) urls.set(this, url);
      } catch {
        /* ignore */
      }
      return (open as (...a: unknown[]) => void).apply(this, args);
    } as typeof XHR.open;
    XHR.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      if (url) {
        const requestBody = requestText(body);
        this.addEventListener('load', () => {
          try {
            const text =
              this.responseType === '' || this.responseType === 'text'
                ? this.responseText
                : this.responseType === 'json'
                  ? JSON.stringify(this.response)
                  : undefined;
            if (text !== undefined && text.length <= MAX_BODY_CHARS) {
              emit({ type: 'response', url, receivedAt: Date.now(), transport: 'xhr', body: text, requestBody });
            }
          } catch {
            /* ignore */
          }
        });
      }
      return send.call(this, body);
    };
    masquerade(XHR.open, open);
    masquerade(XHR.send, send);
  }

  if (opts.records) startRecordReader(opts.records, emit);
}

/** Reads React row records when rows appear or change, debounced to one pass per animation frame. */
function startRecordReader(cfg: NonNullable<HookOptions['records']>, emit: (m: PageMessage) => void) {
  let scheduled = false;
  let lastSent = '';
  const pass = () => {
    scheduled = false;
    if (!location.pathname.startsWith(cfg.pathPrefix)) return;
    try {
      const rows = [...document.querySelectorAll(cfg.rowSelector)];
      const records: { rowIndex: number; record: unknown }[] = [];
      rows.forEach((row, i) => {
        const rec = reactRecord(row, cfg.propName);
        if (rec === undefined) return;
        row.setAttribute(ROW_INDEX_ATTR, String(i));
        records.push({ rowIndex: i, record: cloneRecord(rec) });
      });
      const payload = JSON.stringify(records);
      if (records.length && payload !== lastSent) {
        lastSent = payload;
        emit({ type: 'records', receivedAt: Date.now(), records });
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

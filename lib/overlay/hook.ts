/**
 * MAIN-world observer, started at document_start by each `<market>-hook.content.ts`. It wraps the page's
 * own `fetch` and `XMLHttpRequest`, copies JSON responses whose path matches an adapter endpoint, and hands
 * them to the isolated content script on the private port of page-channel.ts. A fetch body is read from our
 * own clone as a stream, decoded in steps and dropped at the cap (`copyBody`), an XHR's parsed JSON written
 * back in slices (`copyJson`), and a long body sent in parts, each in a task of its own (`createSender`): no
 * task of ours handles megabytes (issue 11: no synchronous work over 16 ms on the page's thread). It never re-sends a request
 * (Douyin signs calls, PDD wants `anti-content`), never changes what the page receives, never throws into
 * the page, and leaves nothing the page can see: the wrappers are indistinguishable from the natives
 * (stealth.ts) and there is no global marker (the install guard is this module's own variable).
 */
import { cloneRecord, nullArray, nullObject, reactRecord } from './react-record';
import {
  DATA_EVENT,
  HELLO_EVENT,
  MAX_BODY_CHARS,
  MAX_RECORDS,
  MAX_REQUEST_CHARS,
  OFFER_EVENT,
  PART_CHARS,
  ROW_INDEX_ATTR,
  partsOf,
  type PageMessage,
  type WireMessage,
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
/** Body characters kept waiting, at most (200 bodies just under the cap would be 800 MB). */
const MAX_QUEUED_CHARS = 4 * MAX_BODY_CHARS;

// Captured at document_start, before any page script runs: the page may replace these later, and a
// replaced `dispatchEvent` would otherwise see (and could keep) our port.
const reflectApply = Reflect.apply;
const stringify = JSON.stringify;
const objectKeys = Object.keys;
const isArray = Array.isArray;
const setPrototypeOf = Object.setPrototypeOf;
const stringSlice = String.prototype.slice;
const NativeCustomEvent = CustomEvent;
/**
 * A reader of `key` bound to the prototype's native getter: a page that redefines the getter later cannot
 * see or change what we read. (A test DOM that keeps it as an own field is read as a field.)
 */
const getter = <T>(proto: object, key: string): ((target: object) => T) => {
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  return get
    ? (target) => reflectApply(get, target, []) as T
    : (target) => (target as Record<string, unknown>)[key] as T;
};
const responseClone = Response.prototype.clone;
const responseStatus = getter<number>(Response.prototype, 'status');
const responseHeaders = getter<Headers>(Response.prototype, 'headers');
const responseBody = getter<ReadableStream<Uint8Array> | null>(Response.prototype, 'body');
const headersGet = Headers.prototype.get;
// The reader's methods, from a reader of our own: a page that replaces them later cannot see our copy.
const readerProto = Object.getPrototypeOf(new ReadableStream().getReader()) as ReadableStreamDefaultReader;
const getReader = ReadableStream.prototype.getReader;
const readChunk = readerProto.read;
const cancelReader = readerProto.cancel;
const NativeTextDecoder = TextDecoder;
const decode = TextDecoder.prototype.decode;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as Uint8Array;
const byteLength = getter<number>(typedArrayProto, 'byteLength');
const subarray = typedArrayProto.subarray;
const NativePromise = Promise;
const promiseThen = Promise.prototype.then;
const noop = () => undefined;
const nativeSetTimeout = window.setTimeout;
const xhrProto: object = globalThis.XMLHttpRequest?.prototype ?? {};
const xhrResponseType = getter<XMLHttpRequestResponseType>(xhrProto, 'responseType');
const xhrResponseText = getter<string>(xhrProto, 'responseText');
const xhrResponse = getter<unknown>(xhrProto, 'response');
const xhrReadyState = getter<number>(xhrProto, 'readyState');
const xhrGetHeader = globalThis.XMLHttpRequest?.prototype.getResponseHeader;
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
const { ceil, max, min } = Math;
/** Our timers, on the captured native (a page's replaced `setTimeout` would see each flush of ours). */
const timeout = ((fn: () => void, ms?: number) =>
  reflectApply(nativeSetTimeout, window, [fn, ms])) as typeof setTimeout;
const NativeURL = URL;
const urlHref = getter<string>(URL.prototype, 'href');
const urlOrigin = getter<string>(URL.prototype, 'origin');
const urlPathname = getter<string>(URL.prototype, 'pathname');
const requestUrl = getter<string>(globalThis.Request?.prototype ?? {}, 'url');
// `RegExp.prototype.test` looks up `exec` on the pattern each call; the native `exec` is called directly.
const regExpExec = RegExp.prototype.exec;
const eventPorts = getter<readonly MessagePort[]>(globalThis.MessageEvent?.prototype ?? {}, 'ports');
/**
 * The Map and WeakMap operations the hot path uses, captured: a page that replaced `Map.prototype.set`,
 * `.delete`, `.keys`, `size` or the iterator's `next` later would otherwise see every message we queue (or
 * break the queue). Maps are never iterated with `for … of` (that looks up `Symbol.iterator` at call time).
 */
const NativeMap = Map;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const mapDelete = Map.prototype.delete;
const mapKeys = Map.prototype.keys;
const mapSize = getter<number>(Map.prototype, 'size');
const mapIteratorNext = (Object.getPrototypeOf(new Map().keys()) as Iterator<unknown>).next;
const NativeWeakMap = WeakMap;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
/** `fn` called on `self` with `args`, through the captured Reflect.apply (rest arguments build no iterator). */
const call = <R>(fn: unknown, self: unknown, ...args: unknown[]): R =>
  reflectApply(fn as (...a: unknown[]) => unknown, self, args) as R;
/** The first key of a Map, in insertion order, through the captured iterator. */
const firstKey = <K>(m: Map<K, unknown>): K | undefined =>
  call<IteratorResult<K>>(mapIteratorNext, call(mapKeys, m)).value as K | undefined;
// The DOM the record reader uses (when Document is there: hook.ts is also loaded by unit tests without one).
const querySelectorAll = globalThis.Document?.prototype.querySelectorAll;
const nodeListLength = getter<number>(globalThis.NodeList?.prototype ?? {}, 'length');
const setAttribute = globalThis.Element?.prototype.setAttribute;
const documentElement = getter<Element | null>(globalThis.Document?.prototype ?? {}, 'documentElement');
const startsWith = String.prototype.startsWith;
const NativeMutationObserver = globalThis.MutationObserver;
const observe = globalThis.MutationObserver?.prototype.observe;
const nativeRaf = globalThis.requestAnimationFrame;

/** One install per window: a module-scoped guard, never a property the page could look for. */
let installed = false;

/**
 * UTF-8 takes at most 3 bytes per UTF-16 unit (a 4-byte character is 2 units), plus a 3-byte BOM: a body of
 * more bytes than this is longer than `cap` characters whatever it holds. Fewer bytes may still be too long
 * (ASCII is 1 byte a character), which only decoding tells; 2 M characters of Chinese are 6 MB.
 */
const surelyOver = (bytes: number, cap: number) => bytes > cap * 3 + 3;
/** Bytes decoded in one step: one network chunk can be megabytes, and decoding it at once is one long task. */
const DECODE_STEP = 256 * 1024;
/** Our own work between two yields to the page's event loop (a step decodes in ~1 ms; the goal is 16 ms). */
const SLICE_MS = 4;

/**
 * Lets the page's tasks run: resumes in a task of its own, posted on a private MessageChannel of ours. Not a
 * timer: Chromium runs a background tab's timers once a second (once a minute after five hidden minutes), and
 * a copy yields a dozen times. (A test DOM without MessageChannel gets our captured `setTimeout`.)
 */
const yieldToPage: () => Promise<void> = (() => {
  const Channel = globalThis.MessageChannel;
  if (typeof Channel !== 'function')
    return () => new NativePromise<void>((res) => void reflectApply(nativeSetTimeout, window, [res, 0]));
  const { port1, port2 } = new Channel();
  const postMessage = port2.postMessage;
  // Without a prototype: writing a new index would otherwise find a setter a page put on Array.prototype.
  const waiting = setPrototypeOf([], null) as (() => void)[];
  const shift = Array.prototype.shift;
  const push = Array.prototype.push;
  port1.onmessage = () => (reflectApply(shift, waiting, []) as (() => void) | undefined)?.();
  // (Node's ports, in unit tests, would otherwise keep the test process alive.)
  (port1 as { unref?: () => void }).unref?.();
  return () =>
    new NativePromise<void>((res) => {
      reflectApply(push, waiting, [res]);
      reflectApply(postMessage, port2, [null]);
    });
})();
/** Awaits a promise of ours without letting its rejection reach the page (an unhandled rejection shows). */
const quietly = async (p: unknown) => {
  try {
    await p;
  } catch {
    /* never into the page */
  }
};

/** What copying a response body gave: its text, or how long it was known to be when the copy stopped. */
export type BodyCopy = { text: string } | { over: number };

/**
 * Reads `stream` (the body of our clone, never the page's) to text of at most `cap` characters, decoding as
 * the bytes arrive, in steps of DECODE_STEP and yielding to the page every SLICE_MS, so no task of ours
 * decodes megabytes. It cancels the copy as soon as the body is known to be over the cap (which cancels only
 * our branch of the tee: the page still reads all of its own), and gives `{ over }`: the characters decoded
 * so far, or the bytes read when those alone exceed the cap. Decodes as `Response.text()` does (UTF-8,
 * replacement characters, BOM dropped). Undefined when the body fails mid-stream. Never throws.
 */
export async function copyBody(stream: ReadableStream<Uint8Array>, cap: number): Promise<BodyCopy | undefined> {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = reflectApply(getReader, stream, []) as ReadableStreamDefaultReader<Uint8Array>;
  } catch {
    return undefined; // locked or not a stream
  }
  const stop = (over: number): BodyCopy => {
    void quietly(reflectApply(cancelReader, reader, []));
    return { over };
  };
  try {
    const decoder = new NativeTextDecoder();
    let text = '';
    let bytes = 0;
    let since = clock();
    for (;;) {
      const { done, value } = (await reflectApply(readChunk, reader, [])) as ReadableStreamReadResult<Uint8Array>;
      if (done) break;
      const n = byteLength(value);
      bytes += n;
      if (surelyOver(bytes, cap)) return stop(max(text.length, ceil(bytes / 3)));
      for (let at = 0; at < n; at += DECODE_STEP) {
        // Ropes: `+=` does not copy what was decoded before (the string is flattened once, when it is sent).
        text += reflectApply(decode, decoder, [
          reflectApply(subarray, value, [at, at + DECODE_STEP]),
          { stream: true },
        ]);
        if (text.length > cap) return stop(text.length);
        if (clock() - since > SLICE_MS) {
          await yieldToPage();
          since = clock();
        }
      }
    }
    text += reflectApply(decode, decoder, []) as string;
    return text.length > cap ? { over: text.length } : { text };
  } catch {
    void quietly(reflectApply(cancelReader, reader, []));
    return undefined;
  }
}

/** Characters of one string written by one JSON.stringify call while copying a parsed response (~0.3 ms). */
const STRING_STEP = 64 * 1024;
/** Nesting deeper than this is not copied (list responses are a few levels deep; a cycle would never end). */
const MAX_DEPTH = 200;

/**
 * Writes `value` (what an XHR with `responseType: 'json'` parsed: plain objects, arrays, strings, numbers,
 * booleans, null) as JSON text of at most `cap` characters, as JSON.stringify would, in slices: one
 * JSON.stringify of it is ~6 ms a million characters in one task and finds out only at the end that the
 * body was over the cap. This walks the value with a stack of its own, writes long strings STRING_STEP at a
 * time, yields to the page every SLICE_MS and stops as soon as the text passes the cap, so no task of ours
 * is long whatever the page's object holds. The page can change its object between our slices; what we send
 * is then still JSON, read and validated in the worker like any copy. Strings cut mid-pair are written as
 * `\ud83d` escapes, which JSON.parse puts back together. `toJSON` is never called (the page's data is what
 * it is), and what JSON cannot hold (a BigInt, a getter that throws, nesting past MAX_DEPTH) gives up the
 * copy: undefined. Never throws.
 */
export async function copyJson(value: unknown, cap: number): Promise<BodyCopy | undefined> {
  /** An object or array being written: its keys (none for an array), how many, and the next one. */
  type Frame = { obj: object; keys: string[] | undefined; n: number; i: number; wrote: boolean };
  // Without a prototype, as `waiting` above: a missing index is never looked up on the page's Array.prototype.
  const stack = setPrototypeOf([], null) as Frame[];
  let text = '';
  /** A long string being written in steps, and how far. */
  let long: string | undefined;
  let longAt = 0;
  /** Writes a value (opens it, for an object, an array or a long string); false for what JSON leaves out. */
  const write = (v: unknown): boolean => {
    if (typeof v === 'string' && v.length > STRING_STEP) {
      long = v;
      longAt = 0;
      text += '"';
    } else if (v !== null && typeof v === 'object') {
      if (stack.length >= MAX_DEPTH) throw new RangeError('too deep');
      const keys = isArray(v) ? undefined : objectKeys(v);
      text += keys ? '{' : '[';
      stack[stack.length] = { obj: v, keys, n: keys ? keys.length : (v as unknown[]).length, i: 0, wrote: false };
    } else if (typeof v === 'undefined' || typeof v === 'function' || typeof v === 'symbol') return false;
    else text += stringify(v) as string; // a string, number (NaN: null), boolean or null; a BigInt throws
    return true;
  };
  try {
    if (!write(value)) return undefined;
    let since = clock();
    for (let steps = 1; ; steps++) {
      // A step of a long string is worth a look at the clock; a small value, every 64th.
      let look = steps % 64 === 0;
      if (long !== undefined) {
        const quoted = stringify(reflectApply(stringSlice, long, [longAt, longAt + STRING_STEP])) as string;
        text += reflectApply(stringSlice, quoted, [1, quoted.length - 1]) as string;
        longAt += STRING_STEP;
        if (longAt >= long.length) {
          long = undefined;
          text += '"';
        }
        look = true;
      } else {
        const top = stack[stack.length - 1];
        if (!top) break;
        if (top.i >= top.n) {
          text += top.keys ? '}' : ']';
          stack.length--;
        } else if (top.keys) {
          const key = top.keys[top.i++]!;
          const v = (top.obj as Record<string, unknown>)[key];
          // JSON.stringify leaves these properties out altogether; a comma goes before every other written one.
          if (typeof v !== 'undefined' && typeof v !== 'function' && typeof v !== 'symbol') {
            text += `${top.wrote ? ',' : ''}${stringify(key) as string}:`;
            top.wrote = true;
            write(v);
          }
        } else {
          const i = top.i++;
          if (i > 0) text += ',';
          if (!write((top.obj as unknown[])[i])) text += 'null'; // as JSON.stringify writes them in arrays
        }
      }
      if (text.length > cap) return { over: text.length };
      if (look && clock() - since > SLICE_MS) {
        await yieldToPage();
        since = clock();
      }
    }
    return { text };
  } catch {
    return undefined;
  }
}

/** A request body we can copy without consuming it: only strings (JSON bodies), capped. */
function requestText(body: unknown): string | undefined {
  return typeof body === 'string' && body.length <= MAX_REQUEST_CHARS ? body : undefined;
}

/**
 * The URL a request names: a string as it is, a Request's or URL's through their captured getters (which
 * throw for anything else). Anything else (an object with a `toString`) is not copied: converting it would
 * call the page's code a second time.
 */
function urlOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input === null || typeof input !== 'object') return undefined;
  const tryRead = (read: (target: object) => string) => {
    try {
      const url = read(input);
      return typeof url === 'string' ? url : undefined;
    } catch {
      return undefined; // not this kind
    }
  };
  return tryRead(requestUrl) ?? tryRead(urlHref);
}

/** What a message costs of the rate: a response one token per part of its body, anything else one. */
const costOf = (msg: PageMessage) => (msg.type === 'response' ? partsOf(msg.body.length) : 1);
const charsOf = (msg: PageMessage) => (msg.type === 'response' ? msg.body.length : 0);
/**
 * Our messages as JSON, without `toJSON`: JSON.stringify looks `toJSON` up on every object it writes, and a
 * page that defined `Object.prototype.toJSON` would be called with our message (and could change it). The
 * envelope has no prototype; the strings in it are primitives, which JSON.stringify never asks.
 */
const wire = (msg: WireMessage): string => stringify(setPrototypeOf({ ...msg }, null));
/** An init dictionary (of an event, a listener, an observer) without a prototype: the members we leave out
 * are not looked up on the page's Object.prototype. */
const eventInit = <T extends object>(init: T): T => setPrototypeOf(init, null) as T;

/**
 * The hook's end of the channel: takes the first port the isolated side offers, then sends every message on
 * it, at most HOOK_RATE; what waits (no port yet, or over the rate) is merged per key, newest wins.
 *
 * A body over PART_CHARS goes as a head and its parts, each part in a task of its own (page-channel.ts), and
 * nothing else is sent until its last part is out, so the isolated side gets each copy whole and in order.
 * The rate counts a response by its parts: a part costs the isolated side and the worker about what a small
 * message does, so the limit bounds both the tasks and the characters a page makes us handle a second (a copy
 * just under the cap is 8 of the 100-token burst). A copy that may start takes all its tokens at once, going
 * into debt that the next messages wait out, so it is never cut off between parts by the rate.
 */
export function createSender(
  win: Window,
  timers: { setTimeout: typeof setTimeout; now?: () => number } = { setTimeout: timeout },
) {
  const clockNow = timers.now ?? clock;
  let port: MessagePort | undefined;
  // Only through the captured operations (above): never `queue.set(…)` or `for … of queue`.
  const queue = new NativeMap<string, PageMessage>();
  const queued = () => mapSize(queue) > 0;
  let queuedChars = 0;
  let tokens = HOOK_RATE.burst;
  let refilledAt = clockNow();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** A copy's parts are going out: everything else waits in the queue. */
  let sending = false;
  let copies = 0;

  const dispatchWire = (msg: WireMessage) => {
    try {
      reflectApply(dispatchOnTarget, port, [new NativeCustomEvent(DATA_EVENT, eventInit({ detail: wire(msg) }))]);
    } catch {
      /* never into the page */
    }
  };
  const postParts = async (msg: Extract<PageMessage, { type: 'response' }>) => {
    sending = true;
    try {
      const { body, ...meta } = msg;
      const copy = `c${++copies}`;
      const n = partsOf(body.length);
      dispatchWire({ ...meta, type: 'head', copy, chars: body.length });
      for (let seq = 0; seq < n; seq++) {
        // Each part in its own task: the one that copied the body (or the last part) has had its share.
        await yieldToPage();
        const text = reflectApply(stringSlice, body, [seq * PART_CHARS, (seq + 1) * PART_CHARS]) as string;
        dispatchWire({ type: 'part', copy, seq, text });
      }
    } catch {
      /* never into the page */
    } finally {
      sending = false;
      if (queued() && flushTimer === undefined) flush();
    }
  };
  const post = (msg: PageMessage) => {
    if (msg.type === 'response' && msg.body.length > PART_CHARS) void postParts(msg);
    else if (msg.type !== 'incomplete') dispatchWire(msg);
  };
  const take = (cost: number) => {
    const t = clockNow();
    tokens = min(HOOK_RATE.burst, tokens + ((t - refilledAt) / 1000) * HOOK_RATE.perSecond);
    refilledAt = t;
    if (tokens < 1) return false;
    tokens -= cost;
    return true;
  };
  const unqueue = (key: string) => {
    const msg = call<PageMessage | undefined>(mapGet, queue, key);
    if (!msg) return;
    call(mapDelete, queue, key);
    queuedChars -= charsOf(msg);
  };
  const flush = () => {
    flushTimer = undefined;
    if (!port || sending) return; // a copy in parts flushes when its last part is out
    // Oldest first, one at a time (each is taken out before it is posted).
    for (let key = firstKey(queue); key !== undefined; key = firstKey(queue)) {
      const msg = call<PageMessage>(mapGet, queue, key);
      if (!take(costOf(msg))) break;
      unqueue(key);
      post(msg);
      if (sending) return;
    }
    if (queued()) flushTimer = timers.setTimeout(flush, 1000 / HOOK_RATE.perSecond);
  };
  const onOffer = (e: Event) => {
    if (port) return;
    let p: MessagePort | undefined;
    try {
      p = eventPorts(e)?.[0];
    } catch {
      return; // not a MessageEvent: not our isolated side's offer
    }
    if (!p) return;
    port = p;
    reflectApply(preventDefault, e, []);
    reflectApply(removeListener, win, [OFFER_EVENT, onOffer]);
    flush();
  };
  reflectApply(addListener, win, [OFFER_EVENT, onOffer]);
  reflectApply(dispatch, win, [new NativeEvent(HELLO_EVENT)]);

  return (key: string, msg: PageMessage) => {
    if (port && !queued() && !sending && take(costOf(msg))) return post(msg);
    unqueue(key); // re-insert: the newest message for a key goes last
    call(mapSet, queue, key, msg);
    queuedChars += charsOf(msg);
    const size = () => mapSize(queue);
    while (size() > MAX_QUEUED || (queuedChars > MAX_QUEUED_CHARS && size() > 1)) unqueue(firstKey(queue)!);
    if (port && !sending && flushTimer === undefined) flushTimer = timers.setTimeout(flush, 1000 / HOOK_RATE.perSecond);
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
  /** A matched response too long to copy: only noted, for diagnostics (`chars`: bytes declared or counted). */
  const emitOversized = (url: string, chars: number) => send(`big ${url}`, { type: 'oversized', url, chars });
  const emitResponse = (url: string, transport: 'fetch' | 'xhr', body: string, requestBody: string | undefined) => {
    // Checked before anything parses it: a huge body is never copied, only noted for diagnostics.
    if (body.length > MAX_BODY_CHARS) return emitOversized(url, body.length);
    send(`${url} ${requestBody ?? ''}`, { type: 'response', url, receivedAt: now(), transport, body, requestBody });
  };
  const wanted = (rawUrl: string): string | undefined => {
    try {
      const url = new NativeURL(rawUrl, location.href);
      // Only the seller host's own API: a page script fetching the same path from a host it controls
      // must not be able to feed us a list.
      if (urlOrigin(url) !== location.origin) return undefined;
      const path = urlPathname(url);
      for (let i = 0; i < opts.paths.length; i++) if (call(regExpExec, opts.paths[i], path)) return urlHref(url);
      return undefined;
    } catch {
      return undefined;
    }
  };

  /** Copies a matched fetch response: reads our clone's body as a stream, never the page's own. */
  const copyFetched = async (url: string, res: Response, requestBody: string | undefined) => {
    try {
      const status = responseStatus(res);
      if (status < 200 || status > 299) return;
      const headers = responseHeaders(res);
      const declared = +((reflectApply(headersGet, headers, ['content-length']) as string | null) ?? 0);
      // Declared too long for the cap whatever it holds: noted without even cloning it.
      if (surelyOver(declared, MAX_BODY_CHARS)) return emitOversized(url, declared);
      const stream = responseBody(reflectApply(responseClone, res, []) as Response);
      const copy = stream ? await copyBody(stream, MAX_BODY_CHARS) : { text: '' };
      if (!copy) return;
      if ('over' in copy) return emitOversized(url, copy.over);
      emitResponse(url, 'fetch', copy.text, requestBody);
    } catch {
      /* a body we cannot copy is left alone */
    }
  };

  /**
   * Copies what a loaded XHR holds, in a task of our own rather than the page's load task (that task has just
   * parsed or decoded the body for the page, and the getters are not free: `response` of a 1.9 M-character
   * JSON answer costs ~2 ms each time it is read). A page that re-opened the same object in its load handler
   * has dropped the body by then, and we copy nothing of it (its next answer is copied as usual).
   */
  const copyLoaded = async (url: string, xhr: XMLHttpRequest, requestBody: string | undefined) => {
    try {
      await yieldToPage();
      if (xhrReadyState(xhr) !== 4) return;
      // A body declared too long is noted without touching it (reading `responseText` can build the string
      // the page never asked for).
      const declared = +((reflectApply(xhrGetHeader!, xhr, ['content-length']) as string | null) ?? 0);
      if (surelyOver(declared, MAX_BODY_CHARS)) return emitOversized(url, declared);
      const type = xhrResponseType(xhr);
      if (type === '' || type === 'text') return emitResponse(url, 'xhr', xhrResponseText(xhr), requestBody);
      if (type !== 'json') return;
      // The page's parsed object, written back to JSON in slices and only up to the cap (copyJson), from the
      // task after the getter's.
      const value = xhrResponse(xhr);
      await yieldToPage();
      const copy = await copyJson(value, MAX_BODY_CHARS);
      if (!copy) return;
      if ('over' in copy) return emitOversized(url, copy.over);
      emitResponse(url, 'xhr', copy.text, requestBody);
    } catch {
      /* a rejection of ours would show in the page */
    }
  };

  if (typeof window.fetch === 'function') {
    window.fetch = wrapNative(window.fetch, (fetchNative, _this, args) => {
      const p = fetchNative();
      try {
        const input = args[0];
        const raw = urlOf(input);
        const url = raw === undefined ? undefined : wanted(raw);
        // The request's filter (tab, status, date range) decides what a "complete" list means.
        const requestBody = requestText(args[1]?.body);
        // Our reaction goes first (registered now, before the page can have read the body, so the clone
        // works), through the native `then` captured at install: a page's replaced `then` never sees it. A
        // failed fetch is the page's to see; we copy nothing.
        if (url) reflectApply(promiseThen, p, [(res: Response) => void copyFetched(url, res, requestBody), noop]);
      } catch {
        /* the page's fetch result is returned untouched whatever happens here */
      }
      return p;
    });
  }

  const XHR = window.XMLHttpRequest?.prototype;
  if (XHR) {
    const urls = new NativeWeakMap<XMLHttpRequest, string>();
    XHR.open = wrapNative(XHR.open, (open, xhr, args) => {
      try {
        const raw = urlOf(args[1]);
        const url = raw === undefined ? undefined : wanted(raw);
        if (url) call(weakMapSet, urls, xhr, url);
      } catch {
        /* ignore */
      }
      return open();
    });
    XHR.send = wrapNative(XHR.send, (send, self, args) => {
      const xhr = self as XMLHttpRequest;
      const url = call<string | undefined>(weakMapGet, urls, xhr);
      if (url) {
        const requestBody = requestText(args[0]);
        reflectApply(addListener, xhr, ['load', () => void copyLoaded(url, xhr, requestBody)]);
      }
      return send();
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
    if (!reflectApply(startsWith, location.pathname, [cfg.pathPrefix])) return;
    try {
      // Through the captured DOM methods, by index (a NodeList's `for … of` and spread look up its iterator).
      const rows = call<NodeListOf<Element>>(querySelectorAll, document, cfg.rowSelector);
      const n = min(nodeListLength(rows), MAX_RECORDS);
      // No prototype on the list or its entries (nor on what cloneRecord makes): JSON.stringify below and in
      // `wire` finds no `toJSON` of the page's on any of them.
      const records = nullArray<{ rowIndex: number; record: unknown }>();
      for (let i = 0; i < n; i++) {
        const row = rows[i]!;
        const rec = reactRecord(row, cfg.propName);
        if (rec === undefined) continue;
        call(setAttribute, row, ROW_INDEX_ATTR, `${i}`);
        const entry = nullObject() as unknown as { rowIndex: number; record: unknown };
        entry.rowIndex = i;
        entry.record = cloneRecord(rec);
        records[records.length] = entry;
      }
      const payload = stringify(records);
      // Rows that carry no record are said once too (an empty list): the isolated side then reads their text
      // at once instead of waiting out its grace for records that will not come (pipeline.ts).
      if ((records.length || n) && payload !== lastSent) {
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
      reflectApply(nativeRaf, window, [pass]);
    }
  };
  const start = () =>
    call(
      observe,
      new NativeMutationObserver(schedule),
      documentElement(document),
      eventInit({ childList: true, subtree: true }),
    );
  if (documentElement(document)) start();
  else reflectApply(addListener, document, ['readystatechange', start, eventInit({ once: true })]);
}

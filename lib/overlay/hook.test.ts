// @vitest-environment happy-dom
/**
 * The hook's streaming copy of a response (hook.ts `copyBody`), and the fetch wrapper around it on a test
 * window: the cap and the cancel, characters split across chunks, a body that fails mid-stream, and a page
 * that replaces the natives after the hook installed. The sliced JSON copy of an XHR's parsed answer
 * (`copyJson`), and the sender's parts, order and rate for long bodies (`createSender`). A page that replaces
 * Map, Array, iterator and WeakMap built-ins or defines `toJSON`, Proxy-trap or init-member getters on
 * Object.prototype after install sees none of our calls, and our messages still arrive whole.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The hook yields to the page by a message on a MessageChannel of its own (a task, as timers are throttled in
// background tabs). Node's ports deliver a chain of such messages in one turn of its loop, which a browser
// never does, so the tests give the hook a channel whose message is a task, as in the browser.
vi.hoisted(() => {
  class TaskChannel {
    port1: { onmessage: ((e: unknown) => void) | null } = { onmessage: null };
    port2 = { postMessage: (data: unknown) => void setTimeout(() => this.port1.onmessage?.({ data }), 0) };
  }
  (globalThis as { MessageChannel: unknown }).MessageChannel = TaskChannel;
});
import { copyBody, copyJson, createSender, HOOK_RATE, installHook } from './hook';
import {
  DATA_EVENT,
  MAX_BODY_CHARS,
  OFFER_EVENT,
  PART_CHARS,
  openPageChannel,
  type PageMessage,
  type WireMessage,
} from './page-channel';
import { createAssembler } from './decode-page-message';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** In what the hook handles: a page that sees this anywhere has seen our data. */
const MARK = 'OURS-7f3a';
/**
 * A page's traps, set after install: each replaces a built-in (or defines a getter on a prototype) and records
 * its name, what it was called on and with, then behaves as the original. Read `calls` after `restore()`.
 */
function pageTraps({ proxyGet = false } = {}) {
  const calls: unknown[][] = [];
  const undo: (() => void)[] = [];
  const trap = (owner: object, key: PropertyKey, asGetter = false) => {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    // (A test window may hold its functions behind accessors: the function is what they give.)
    const orig = (d?.get && !asGetter ? d.get.call(owner) : d?.value) as ((...a: unknown[]) => unknown) | undefined;
    // Written without the built-ins it traps (no push, no spread), or it would call itself.
    const fn = function (this: unknown, ...a: unknown[]) {
      // What it is (for the failure message), then what it was called on and with.
      const call: unknown[] = [`${typeof key === 'symbol' ? '@@iterator' : key}`, this];
      for (let i = 0; i < a.length; i++) call[i + 2] = a[i];
      calls[calls.length] = call;
      return orig ? Reflect.apply(orig, this, a) : undefined;
    };
    // Descriptors without a prototype: once Object.prototype has a `get`, every other descriptor would have one.
    const bare = (desc: PropertyDescriptor) => Object.setPrototypeOf(desc, null) as PropertyDescriptor;
    Object.defineProperty(
      owner,
      key,
      bare(asGetter ? { get: fn, configurable: true } : { configurable: true, writable: true, value: fn }),
    );
    undo[undo.length] = () =>
      d ? Object.defineProperty(owner, key, bare({ ...d })) : delete (owner as Record<PropertyKey, unknown>)[key];
  };
  for (const key of ['set', 'get', 'delete', 'keys', 'has', Symbol.iterator]) trap(Map.prototype, key);
  trap(Object.getPrototypeOf(new Map().keys()) as object, 'next');
  for (const key of ['push', 'shift', 'slice', 'map', 'forEach', Symbol.iterator]) trap(Array.prototype, key);
  trap(Object.getPrototypeOf([][Symbol.iterator]()) as object, 'next');
  for (const key of ['get', 'set']) trap(WeakMap.prototype, key);
  for (const key of ['has', 'add']) trap(WeakSet.prototype, key);
  trap(String.prototype, 'startsWith');
  trap(RegExp.prototype, 'exec');
  for (const key of ['min', 'max', 'ceil']) trap(Math, key);
  trap(Object, 'keys');
  trap(Object, 'entries');
  trap(window, 'setTimeout');
  trap(window, 'requestAnimationFrame');
  // Getters JSON.stringify, a Proxy and a WebIDL dictionary would find on the way up from an object of ours.
  trap(Object.prototype, 'toJSON', true);
  trap(Array.prototype, 'toJSON', true);
  // (`get` only in a synchronous test: every property descriptor of the test runner would then have a `get`.)
  for (const key of ['ownKeys', 'getOwnPropertyDescriptor', 'has']) trap(Object.prototype, key, true);
  if (proxyGet) trap(Object.prototype, 'get', true);
  for (const key of ['bubbles', 'cancelable', 'composed', 'once', 'attributes']) trap(Object.prototype, key, true);
  calls.length = 0; // what setting the traps went through
  return {
    calls,
    restore: () => {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
    },
  };
}

/** Whether `v` holds MARK anywhere within a few levels (a string, a Map's entries, an object's values). */
function mentions(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes(MARK);
  // A DOM node is the browser's to handle (happy-dom stands for its native code here): not looked into.
  if (v === null || typeof v !== 'object' || depth > 6 || v instanceof Node) return false;
  const inner = v instanceof Map ? [...v.keys(), ...v.values()] : Object.values(v);
  return inner.some((x) => mentions(x, depth + 1));
}

/** A body stream that serves `chunks` one pull at a time, then ends (or fails); it counts pulls and cancels. */
function chunked(chunks: readonly Uint8Array[], opts: { failAfter?: number } = {}) {
  const seen = { pulls: 0, cancelled: false as boolean, reason: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        const i = seen.pulls++;
        if (opts.failAfter !== undefined && i === opts.failAfter) return c.error(new Error('connection reset'));
        if (i < chunks.length) c.enqueue(chunks[i]!);
        else c.close();
      },
      cancel(reason) {
        seen.cancelled = true;
        seen.reason = reason;
      },
    },
    { highWaterMark: 0 }, // pulled only when read: the pull count is what the copy asked for
  );
  return { stream, seen };
}

/** `n` chunks of `size` bytes of 'x'. */
const xs = (n: number, size: number) => Array.from({ length: n }, () => new Uint8Array(size).fill(0x78));

describe('copyBody', () => {
  it('copies a body under the cap, whole', async () => {
    const { stream, seen } = chunked([utf8('{"a":'), utf8('1}')]);
    expect(await copyBody(stream, 100)).toEqual({ text: '{"a":1}' });
    expect(seen.cancelled).toBe(false);
  });

  it('a body of exactly the cap is copied; one character more is not', async () => {
    expect(await copyBody(chunked([utf8('abcd')]).stream, 4)).toEqual({ text: 'abcd' });
    expect(await copyBody(chunked([utf8('abcde')]).stream, 4)).toEqual({ over: 5 });
  });

  it('cancels the copy as soon as it is over the cap, without reading the rest', async () => {
    // 100 chunks of 64 KB (6.4 MB): the cap of 200,000 characters is passed in the 4th.
    const { stream, seen } = chunked(xs(100, 65_536));
    const copy = await copyBody(stream, 200_000);
    expect(copy).toEqual({ over: 4 * 65_536 });
    expect(seen.pulls).toBe(4);
    expect(seen.cancelled).toBe(true);
  });

  it('past 3 bytes a character, stops on the byte count alone', async () => {
    // One chunk of 3 × cap + 4 bytes cannot decode to `cap` characters or fewer, whatever it holds.
    const { stream, seen } = chunked([new Uint8Array(3 * 1000 + 4).fill(0xe4)]);
    expect(await copyBody(stream, 1000)).toEqual({ over: 1002 });
    expect(seen.cancelled).toBe(true);
  });

  it('decodes characters split across chunks at every byte, as Response.text() does', async () => {
    const text = '\uFEFF工单 №7 — 退款 😀 ok';
    const bytes = utf8(text);
    const expected = await new Response(bytes).text(); // the BOM is dropped
    expect(expected.startsWith('工单')).toBe(true);
    for (let cut = 1; cut < bytes.length; cut++) {
      const copy = await copyBody(chunked([bytes.slice(0, cut), bytes.slice(cut)]).stream, 100);
      expect(copy, `cut at byte ${cut}`).toEqual({ text: expected });
    }
    // One byte per chunk, too.
    const single = [...bytes].map((b) => new Uint8Array([b]));
    expect(await copyBody(chunked(single).stream, 100)).toEqual({ text: expected });
  });

  it('invalid and truncated UTF-8 become replacement characters, as in Response.text()', async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xe5, 0xb7]); // a, invalid, b, a truncated 工
    const copy = await copyBody(chunked([bytes.slice(0, 2), bytes.slice(2)]).stream, 100);
    expect(copy).toEqual({ text: await new Response(bytes).text() });
    expect(copy).toEqual({ text: 'a\uFFFDb\uFFFD' });
  });

  it('counts characters, not bytes, against the cap (Chinese is 3 bytes a character)', async () => {
    const body = '工'.repeat(1000); // 3,000 bytes
    expect(await copyBody(chunked([utf8(body)]).stream, 1000)).toEqual({ text: body });
    expect(await copyBody(chunked([utf8(body + '单')]).stream, 1000)).toEqual({ over: 1001 });
  });

  it('decodes a chunk of megabytes in steps, letting the page run between them', async () => {
    // 24 MB in one chunk (one network read can be that): decoded whole, it would be one long task.
    const { stream } = chunked([new Uint8Array(24 << 20).fill(0x78)]);
    let pageRan = false;
    setTimeout(() => (pageRan = true), 0); // the page's next task
    const copy = copyBody(stream, 30 << 20).then((c) => ({ c, pageRanBefore: pageRan }));
    const { c, pageRanBefore } = await copy;
    expect(c && 'text' in c && c.text.length).toBe(24 << 20);
    expect(pageRanBefore).toBe(true);
  });

  it('a body that fails mid-stream gives nothing and throws nothing', async () => {
    const { stream } = chunked(xs(5, 1000), { failAfter: 2 });
    await expect(copyBody(stream, 1_000_000)).resolves.toBeUndefined();
  });

  it('a stream that is not ours to read (locked by the page) gives nothing', async () => {
    const { stream } = chunked([utf8('x')]);
    stream.getReader();
    await expect(copyBody(stream, 10)).resolves.toBeUndefined();
  });
});

describe('installHook: the fetch wrapper', () => {
  const messages: PageMessage[] = [];
  /** What the page's own (native) fetch answers next. */
  let answer: () => Response = () => new Response('{}');

  beforeAll(() => {
    // The page's native fetch, as the hook finds it at document_start.
    // (A plain function: a vi.fn would itself call `then` on the promise it returns.)
    window.fetch = (async () => answer()) as typeof fetch;
    // The isolated side's end of the private channel (happy-dom has no MessageChannel: ports as event targets).
    class Port extends EventTarget {
      close() {}
    }
    const channel = () => ({ port1: new Port(), port2: new Port() }) as unknown as MessageChannel;
    // (An index, not `push`: the last test traps Array.prototype.push and looks for our data in its calls.)
    openPageChannel(window, (data) => (messages[messages.length] = JSON.parse(data as string) as PageMessage), channel);
    // Records of rows matching `.tr-row` on any path (happy-dom's is about:blank); no test before the last adds one.
    installHook({ paths: [/^\/api\/list$/], records: { rowSelector: '.tr-row', propName: 'record', pathPrefix: '' } });
  });

  /** The message the hook sends for the page's next fetch of /api/list, after the page read its own body. */
  async function fetchAndCopy(make: () => Response, readOwn: (r: Response) => Promise<unknown> = (r) => r.text()) {
    const before = messages.length;
    answer = make;
    const res = await window.fetch('/api/list', { method: 'POST', body: '{"page":1}' });
    const own = await readOwn(res);
    await vi.waitFor(() => expect(messages.length).toBe(before + 1));
    return { msg: messages.at(-1)!, own };
  }

  it('copies a matched response; the page reads its own body untouched', async () => {
    const body = JSON.stringify({ list: [{ id: 1, title: '退款' }] });
    const { msg, own } = await fetchAndCopy(() => new Response(body));
    expect(own).toBe(body);
    expect(msg).toMatchObject({ type: 'response', transport: 'fetch', body, requestBody: '{"page":1}' });
  });

  it('a response over the cap is noted as oversized; the page still gets every byte', async () => {
    const { stream, seen } = chunked(xs(64, 65_536)); // 4.2 MB of 'x'
    const { msg, own } = await fetchAndCopy(
      () => new Response(stream),
      async (r) => (await r.arrayBuffer()).byteLength,
    );
    expect(own).toBe(64 * 65_536);
    expect(msg.type).toBe('oversized');
    if (msg.type !== 'oversized') return;
    expect(msg.chars).toBeGreaterThan(MAX_BODY_CHARS);
    expect(msg.chars).toBeLessThan(MAX_BODY_CHARS + 65_536 + 1); // stopped within a chunk of the cap
    expect(seen.cancelled).toBe(false); // only our branch of the tee was cancelled
  });

  it('a declared Content-Length beyond 3 bytes a character of the cap is noted without reading', async () => {
    const declared = 3 * MAX_BODY_CHARS + 4;
    const { msg } = await fetchAndCopy(
      () => new Response('{}', { headers: { 'content-length': String(declared) } }),
      async () => undefined, // the page does not even read it
    );
    expect(msg).toMatchObject({ type: 'oversized', chars: declared });
  });

  it('a body that fails mid-stream is not copied, and the page sees its own failure', async () => {
    const before = messages.length;
    answer = () => new Response(chunked(xs(4, 1000), { failAfter: 2 }).stream);
    const res = await window.fetch('/api/list');
    await expect(res.text()).rejects.toThrow();
    // The next response is copied: the failed one left nothing behind, and nothing was sent for it.
    const { msg } = await fetchAndCopy(() => new Response('{"ok":1}'));
    expect(messages.length).toBe(before + 1);
    expect(msg).toMatchObject({ type: 'response', body: '{"ok":1}' });
  });

  it('a page that replaces Response, stream, decoder and promise methods after install neither sees nor stops the copy', async () => {
    const spy = vi.fn();
    const thenOn = new Set<unknown>();
    const trap = (start: object, key: string) => {
      // Where the page would replace it: the prototype that owns it (happy-dom inherits some).
      let proto = start;
      while (!Object.getOwnPropertyDescriptor(proto, key)) proto = Object.getPrototypeOf(proto) as object;
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      const orig = (d.value ?? d.get) as (...a: unknown[]) => unknown;
      const replaced = function (this: unknown, ...a: unknown[]) {
        // The test runner itself calls `then` all the time: for it, only who it was called on is kept.
        if (key === 'then') thenOn.add(this);
        else spy(key);
        return Reflect.apply(orig, this, a);
      };
      Object.defineProperty(proto, key, d.get ? { ...d, get: replaced } : { ...d, value: replaced });
      return () => Object.defineProperty(proto, key, d);
    };
    const readerProto = Object.getPrototypeOf(new ReadableStream().getReader()) as object;
    const restore = [
      trap(Response.prototype, 'clone'),
      trap(Response.prototype, 'text'),
      trap(Response.prototype, 'json'),
      trap(Response.prototype, 'arrayBuffer'),
      trap(ReadableStream.prototype, 'getReader'),
      trap(readerProto, 'read'),
      trap(readerProto, 'cancel'),
      trap(TextDecoder.prototype, 'decode'),
      trap(Headers.prototype, 'get'),
      trap(Promise.prototype, 'then'),
    ];
    try {
      const body = JSON.stringify({ list: [{ id: 2 }] });
      answer = () => new Response(body);
      const before = messages.length;
      const pending = window.fetch('/api/list');
      const res = await pending;
      await vi.waitFor(() => expect(messages.length).toBe(before + 1));
      // Nothing of ours went through the page's functions (the page has not touched its response yet), and
      // the page's `then` never saw the fetch promise we react to.
      expect(spy).not.toHaveBeenCalled();
      expect(thenOn.has(pending)).toBe(false);
      expect(messages.at(-1)).toMatchObject({ type: 'response', body });
      expect(await res.text()).toBe(body); // the page's own read works (and goes through its own `text`)
      expect(spy).toHaveBeenCalledWith('text');
    } finally {
      restore.forEach((r) => r());
    }
  });

  it('a page that replaces Map, Array, iterator and other built-ins, or defines toJSON getters, after install sees nothing of ours; a response and a records message arrive whole', async () => {
    const record = { id: MARK, items: [{ title: `${MARK} 退款` }, [1, 2]], nested: { deep: [MARK] }, n: null };
    const row = document.createElement('div');
    row.className = 'tr-row';
    // What React keeps on a rendered row (react-record.ts).
    (row as unknown as Record<string, unknown>)['__reactFiber$t'] = { memoizedProps: { record } };
    const body = JSON.stringify({ list: [{ id: MARK }] });
    // Made before the traps: happy-dom's Response constructor (the browser's code) goes through Array methods.
    const made = new Response(body);
    answer = () => made;
    const before = messages.length;
    const traps = pageTraps();
    let res: Response | undefined;
    try {
      res = await window.fetch('/api/list');
      document.body.append(row); // the record reader's observer sees it and reads it in the next frame
      await vi.waitFor(() => expect(messages.length).toBe(before + 2));
    } finally {
      traps.restore();
      row.remove();
    }
    const ours = traps.calls.filter((c) => mentions(c));
    expect(ours).toEqual([]);
    expect(traps.calls.length).toBeGreaterThan(0); // the traps were live (the test runner went through them)
    const got = messages.slice(before);
    expect(got).toContainEqual(expect.objectContaining({ type: 'response', body }));
    expect(got).toContainEqual(expect.objectContaining({ type: 'records', records: [{ rowIndex: 0, record }] }));
    expect(await res.text()).toBe(body);
  });

  it("a wrapper's Proxy inherits no trap: a page's Object.prototype.get/ownKeys and WeakMap.prototype.get are never asked", () => {
    // (Read before: the test window's own lookup of `fetch` goes through Maps.)
    const f = window.fetch;
    const toString = Function.prototype.toString;
    const printed = toString.call(f);
    const { calls, restore } = pageTraps({ proxyGet: true });
    let probe: unknown[];
    try {
      // Synchronous: nothing but these lines runs while the traps are set.
      probe = [
        f.name,
        f.length,
        Reflect.ownKeys(f).length,
        Object.getOwnPropertyDescriptor(f, 'name')?.value,
        'prototype' in f,
        toString.call(f),
      ];
    } finally {
      restore();
    }
    expect(calls).toEqual([]);
    expect(probe.slice(0, 5)).toEqual(['', 0, 2, '', false]);
    expect(probe[5]).toBe(printed); // the test's "native" fetch is an arrow function: its source, not ours
  });
});

describe("copyJson: an XHR's parsed answer written back in slices", () => {
  const roundTrip = async (v: unknown, cap = 1_000_000) => {
    const copy = await copyJson(v, cap);
    return copy && 'text' in copy ? copy.text : copy;
  };

  it('writes what JSON.stringify writes', async () => {
    const values: unknown[] = [
      { a: 1, b: 'x', c: [1, '2', null, true, { d: [] }], e: {}, f: -0, g: 1e21, h: 0.1 },
      { 工单: '退款 "加急"\n\u2028\\', '': 0, 10: 'ten', 2: 'two', nested: [[[{}]]] },
      [undefined, () => 1, Symbol('s'), NaN, Infinity, -Infinity],
      { skipped: undefined, fn: () => 1, sym: Symbol('s'), kept: false },
      'a string',
      42,
      null,
      [],
    ];
    for (const v of values) expect(await roundTrip(v)).toBe(JSON.stringify(v));
  });

  it('long strings are written in steps, also when a step cuts a surrogate pair, and parse back whole', async () => {
    const step = 64 * 1024;
    // Emoji (two UTF-16 units) everywhere, so steps of 65,536 units cut pairs; quotes and newlines to escape.
    const long = '😀"工\n'.repeat(Math.ceil((3 * step + 7) / 5));
    const v = { list: [{ title: long }, long.slice(1)], tail: 1 };
    const text = await roundTrip(v);
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string)).toEqual(v);
  });

  it('stops as soon as the text passes the cap, without walking the rest', async () => {
    let read = 0;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      get id() {
        read++;
        return i;
      },
    }));
    const copy = await copyJson(rows, 1000);
    expect(copy && 'over' in copy && copy.over).toBeGreaterThan(1000);
    expect(read).toBeLessThan(200);
  });

  it('what JSON cannot hold, or a page that throws, gives nothing; a cycle never runs away', async () => {
    expect(await copyJson(undefined, 100)).toBeUndefined();
    expect(await copyJson({ n: 1n }, 100)).toBeUndefined();
    const throwing = {
      get x() {
        throw new Error('page');
      },
    };
    expect(await copyJson(throwing, 100)).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // Past the cap, or past the depth bound, whichever comes first: never a text, never a hang.
    expect(await copyJson(cyclic, 1_000_000)).toBeUndefined();
    const copy = await copyJson(cyclic, 100);
    expect(copy && 'over' in copy).toBe(true);
  });

  it('never calls toJSON (a page that defined one on Object.prototype is not asked)', async () => {
    const spy = vi.fn(() => 'page');
    (Object.prototype as { toJSON?: unknown }).toJSON = spy;
    try {
      expect(await roundTrip({ a: [{ b: 1 }] })).toBe('{"a":[{"b":1}]}');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('a large answer is written in slices, letting the page run between them', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ id: i, title: '退款' }));
    let pageRan = false;
    setTimeout(() => (pageRan = true), 0);
    const text = await roundTrip(rows, 20_000_000);
    expect(text).toBe(JSON.stringify(rows));
    expect(pageRan).toBe(true);
  });
});

describe('createSender: long bodies in parts', () => {
  class Port extends EventTarget {
    close() {}
  }
  /** A sender on a port of our own; `got` is what crossed, decoded, with the number of messages seen when each arrived. */
  function channel(opts: { now?: () => number } = {}) {
    const got: WireMessage[] = [];
    /** After each message: how many had come once 50 microtasks later (a part chained by a microtask would count). */
    const afterMicrotasks: number[] = [];
    const port = new Port();
    port.addEventListener(DATA_EVENT, (e) => {
      got[got.length] = JSON.parse((e as CustomEvent<string>).detail) as WireMessage; // (not `push`: a test traps it)
      const i = got.length - 1;
      let p = Promise.resolve();
      for (let k = 0; k < 50; k++) p = p.then(() => undefined);
      void p.then(() => (afterMicrotasks[i] = got.length));
    });
    const timers: (() => void)[] = [];
    const send = createSender(window, {
      setTimeout: ((fn: () => void) => timers.push(fn)) as unknown as typeof setTimeout,
      ...opts,
    });
    window.dispatchEvent(new MessageEvent(OFFER_EVENT, { cancelable: true, ports: [port as unknown as MessagePort] }));
    return { got, afterMicrotasks, send, timers };
  }
  const response = (body: string, url = 'https://x.test/api/list'): PageMessage => ({
    type: 'response',
    url,
    receivedAt: 1,
    transport: 'fetch',
    body,
  });
  const reassembled = (got: WireMessage[]) => {
    const out: PageMessage[] = [];
    const a = createAssembler((m) => out.push(m));
    for (const m of got) a.receive(m);
    a.close();
    return out;
  };

  it('a body over PART_CHARS goes as a head and parts, each in a later task, and is put back together whole', async () => {
    // Emoji straddle every part boundary (two units each, parts of an even length offset by one).
    const body = 'x' + '😀'.repeat(Math.ceil((2.5 * PART_CHARS) / 2));
    const { got, afterMicrotasks, send } = channel();
    send('k', response(body));
    expect(got.map((m) => m.type)).toEqual(['head']); // the parts follow in tasks of their own
    await vi.waitFor(() => expect(got).toHaveLength(1 + 3));
    expect(got.map((m) => m.type)).toEqual(['head', 'part', 'part', 'part']);
    expect(afterMicrotasks).toEqual([1, 2, 3, 4]); // no part came in the task of the one before
    expect(got.slice(1).map((m) => (m.type === 'part' ? m.text.length : 0))).toEqual([
      PART_CHARS,
      PART_CHARS,
      body.length - 2 * PART_CHARS,
    ]);
    expect(reassembled(got)).toEqual([response(body)]);
  });

  it('a body of PART_CHARS or less goes whole, in one message', () => {
    const { got, send } = channel();
    send('k', response('y'.repeat(PART_CHARS)));
    expect(got).toEqual([response('y'.repeat(PART_CHARS))]);
  });

  it('what is sent while a copy is in parts waits and follows it, merged per key (newest wins)', async () => {
    const { got, send } = channel();
    const long = 'z'.repeat(2 * PART_CHARS + 1);
    send('a', response(long));
    send('b', response('{"first":1}', 'https://x.test/b'));
    send('c', { type: 'oversized', url: 'https://x.test/c', chars: 9 });
    send('b', response('{"second":2}', 'https://x.test/b'));
    await vi.waitFor(() => expect(got.filter((m) => m.type !== 'part' && m.type !== 'head')).toHaveLength(2));
    expect(reassembled(got)).toEqual([
      response(long),
      { type: 'oversized', url: 'https://x.test/c', chars: 9 },
      response('{"second":2}', 'https://x.test/b'),
    ]);
  });

  it('a page that replaced Map and Array methods and their iterators after install sees nothing of what waits in the queue', async () => {
    let t = 0;
    const { got, send, timers } = channel({ now: () => t });
    const traps = pageTraps();
    try {
      // Past the burst (the rest waits, merged per key), then a second for the tokens to come back.
      // The 20 over the burst use 10 keys twice: the second of each replaces the first.
      for (let i = 0; i < HOOK_RATE.burst + 20; i++) {
        const key = i < HOOK_RATE.burst ? `k${i}` : `k${HOOK_RATE.burst + (i % 10)}`;
        send(key, response(`{"${MARK}":${i}}`, `https://x.test/${key}`));
      }
      t += 1000;
      while (timers.length) timers.shift()!();
    } finally {
      traps.restore();
    }
    expect(traps.calls.filter((c) => mentions(c))).toEqual([]);
    const bodies = reassembled(got).map((m) => (m.type === 'response' ? m.body : ''));
    // The first 100 at once, in order; of the 20 that waited, the newest 10, one per key.
    expect(bodies).toEqual(Array.from({ length: 110 }, (_, i) => `{"${MARK}":${i < 100 ? i : i + 10}}`));
  });

  it('the rate counts a copy by its parts (a frozen clock: no tokens come back)', async () => {
    const { got, send, timers } = channel({ now: () => 0 });
    const long = 'w'.repeat(7 * PART_CHARS + 1); // 8 parts: 8 of the 100-token burst
    send('long', response(long));
    for (let i = 0; i < HOOK_RATE.burst - 8 + 1; i++) send(`k${i}`, response('{}', `https://x.test/${i}`));
    // Those sent during the parts waited; the last part out, they go as far as the tokens reach.
    await vi.waitFor(() => expect(got.filter((m) => m.type === 'response')).toHaveLength(HOOK_RATE.burst - 8));
    expect(timers.length).toBeGreaterThan(0); // the last one waits for tokens
    expect(reassembled(got).filter((m) => m.type === 'response')).toHaveLength(1 + HOOK_RATE.burst - 8);
  });
});

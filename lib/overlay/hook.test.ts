// @vitest-environment happy-dom
/**
 * The hook's streaming copy of a response (hook.ts `copyBody`), and the fetch wrapper around it on a test
 * window: the cap and the cancel, characters split across chunks, a body that fails mid-stream, and a page
 * that replaces the natives after the hook installed.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { copyBody, installHook } from './hook';
import { MAX_BODY_CHARS, openPageChannel, type PageMessage } from './page-channel';

const utf8 = (s: string) => new TextEncoder().encode(s);

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
    openPageChannel(window, (data) => messages.push(JSON.parse(data as string) as PageMessage), channel);
    installHook({ paths: [/^\/api\/list$/] });
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
});

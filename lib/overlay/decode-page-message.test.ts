/**
 * The isolated side of the page channel: the shape checks of every message (heads and parts included), and
 * the reassembly of long bodies when parts are missing, forged, out of order, interleaved or late.
 */
import { describe, expect, it } from 'vitest';
import { createAssembler, decodePageMessage, PARTS_TIMEOUT_MS } from './decode-page-message';
import { MAX_BODY_CHARS, MAX_PARTS, PART_CHARS, type PageMessage, type WireMessage } from './page-channel';

const meta = { url: 'https://x.test/api/list', receivedAt: 1, transport: 'fetch' as const };
const head = (copy: string, chars: number): WireMessage => ({ type: 'head', ...meta, copy, chars });
const part = (copy: string, seq: number, text: string): WireMessage => ({ type: 'part', copy, seq, text });
/** A body of `chars` characters and its parts, as the hook sends them. */
function parts(copy: string, chars: number): { body: string; wire: WireMessage[] } {
  const body = Array.from({ length: chars }, (_, i) => String.fromCharCode(0x4e00 + (i % 500))).join('');
  const wire = [head(copy, chars)];
  for (let seq = 0; seq * PART_CHARS < chars; seq++)
    wire.push(part(copy, seq, body.slice(seq * PART_CHARS, (seq + 1) * PART_CHARS)));
  return { body, wire };
}

/** An assembler on a clock the test moves. */
function assembler() {
  const out: PageMessage[] = [];
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let ids = 0;
  const a = createAssembler((m) => out.push(m), {
    setTimeout: (fn, ms) => (timers.set(++ids, { at: now + ms, fn }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at > now) continue;
      timers.delete(id);
      t.fn();
    }
  };
  return { a, out, advance, timers };
}

describe('decodePageMessage: heads and parts', () => {
  it('accepts what the hook sends, as JSON', () => {
    expect(decodePageMessage(JSON.stringify(head('c1', 300_000)))).toEqual(head('c1', 300_000));
    expect(decodePageMessage(JSON.stringify(part('c1', 1, 'abc')))).toEqual(part('c1', 1, 'abc'));
  });

  it('refuses forged shapes: a part too long or past the last, a copy over the cap, odd fields', () => {
    const bad: unknown[] = [
      part('c1', 0, 'x'.repeat(PART_CHARS + 1)),
      part('c1', MAX_PARTS, 'x'),
      part('c1', -1, 'x'),
      part('c1', 0.5, 'x'),
      { ...part('c1', 0, 'x'), copy: 'c'.repeat(21) },
      { ...part('c1', 0, 'x'), text: 7 },
      head('c1', MAX_BODY_CHARS + 1),
      head('c1', -1),
      { ...head('c1', 10), transport: 'ws' },
      { ...head('c1', 10), url: 'u'.repeat(4001) },
      { type: 'incomplete', url: 'x', detail: 'a page may not say this' },
    ];
    for (const m of bad) expect(decodePageMessage(JSON.stringify(m)), JSON.stringify(m).slice(0, 80)).toBeUndefined();
  });
});

describe('createAssembler', () => {
  it('puts a long body back together from its parts, in order', () => {
    const { a, out, timers } = assembler();
    const { body, wire } = parts('c1', 2 * PART_CHARS + 5);
    wire.forEach((m) => a.receive(m));
    expect(out).toEqual([{ type: 'response', ...meta, body }]);
    expect(timers.size).toBe(0); // nothing held, no timer left
  });

  it('passes other messages through as they come', () => {
    const { a, out } = assembler();
    const small: WireMessage = { type: 'response', ...meta, body: '{}' };
    a.receive(small);
    expect(out).toEqual([small]);
  });

  it('a part out of order, of another copy or of the wrong length drops the copy, said once', () => {
    const cases: [string, (w: WireMessage[]) => WireMessage[]][] = [
      ['a part out of order', (w) => [w[0]!, w[2]!, w[1]!, w[3]!]],
      ['a part out of order', (w) => [w[0]!, w[1]!, { ...w[2]!, copy: 'c9' } as WireMessage, w[3]!]],
      ['a part out of order', (w) => [w[0]!, w[1]!, w[1]!, w[2]!, w[3]!]],
      ['a part of the wrong length', (w) => [w[0]!, part('c1', 0, 'short'), w[2]!, w[3]!]],
    ];
    for (const [why, order] of cases) {
      const { a, out } = assembler();
      order(parts('c1', 2 * PART_CHARS + 5).wire).forEach((m) => a.receive(m));
      expect(out).toEqual([{ type: 'incomplete', url: meta.url, detail: expect.stringContaining(why) as string }]);
    }
  });

  it('another message between the parts drops the copy and is passed on; a new head drops the old copy', () => {
    const { a, out } = assembler();
    const first = parts('c1', 2 * PART_CHARS);
    const second = parts('c2', PART_CHARS + 1);
    const small: WireMessage = { type: 'oversized', url: meta.url, chars: 5 };
    [first.wire[0]!, first.wire[1]!, small, ...first.wire.slice(2)].forEach((m) => a.receive(m));
    [second.wire[0]!, second.wire[1]!, ...second.wire].forEach((m) => a.receive(m));
    expect(out).toEqual([
      { type: 'incomplete', url: meta.url, detail: 'another message after 1 of 2 parts' },
      small,
      // The stray part c1/1 after it is ignored; c2's first head is dropped by its second, which completes.
      { type: 'incomplete', url: meta.url, detail: 'a new copy after 1 of 2 parts' },
      { type: 'response', ...meta, body: second.body },
    ]);
  });

  it('a copy whose next part does not come is let go after PARTS_TIMEOUT_MS', () => {
    const { a, out, advance } = assembler();
    const { wire } = parts('c1', 3 * PART_CHARS);
    a.receive(wire[0]!);
    a.receive(wire[1]!);
    advance(PARTS_TIMEOUT_MS - 1);
    a.receive(wire[2]!); // progress re-arms the timer
    advance(PARTS_TIMEOUT_MS - 1);
    expect(out).toEqual([]);
    advance(1);
    expect(out).toEqual([{ type: 'incomplete', url: meta.url, detail: 'no part for 30 s after 2 of 3 parts' }]);
    a.receive(wire[3]!); // too late: a stray part, ignored
    expect(out).toHaveLength(1);
  });

  it('stray parts with nothing open are ignored and hold nothing', () => {
    const { a, out, timers } = assembler();
    a.receive(part('c7', 0, 'x'.repeat(PART_CHARS)));
    expect(out).toEqual([]);
    expect(timers.size).toBe(0);
  });
});

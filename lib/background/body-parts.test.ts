/**
 * The worker's uploads of long bodies (body-parts.ts): whole in order, per page session, bounded in memory
 * and time, and gone with the worker (the content side then sends the body again).
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, PART_CHARS } from '../overlay/page-channel';
import type { RequestOf } from '../messaging/protocol';
import { createBodyParts, HOLD_MS, MAX_HELD, withUploadedBody } from './body-parts';

const tab = (tabId: number, documentId = 'doc') => ({
  id: 'extid',
  url: 'https://mms.pinduoduo.com/list',
  tab: { id: tabId },
  frameId: 0,
  documentId,
});
/** The parts of a body of `chars` characters, as the content script sends them. */
function partsOf(upload: string, chars: number, fill = 'x') {
  const body = fill.repeat(chars);
  const n = Math.ceil(chars / PART_CHARS);
  return {
    body,
    ref: { upload, parts: n, chars },
    parts: Array.from({ length: n }, (_, seq) => ({
      upload,
      seq,
      parts: n,
      text: body.slice(seq * PART_CHARS, (seq + 1) * PART_CHARS),
    })),
  };
}
const read = (ref: { upload: string; parts: number; chars: number }): RequestOf<'pages/read'> => ({
  type: 'pages/read',
  platform: 'pdd',
  pageKind: 'pdd.work-order-list',
  now: 1,
  pageUrl: 'https://mms.pinduoduo.com/list',
  source: { kind: 'response', endpoint: 'pdd.todo', url: 'https://mms.pinduoduo.com/api', body: '', bodyParts: ref },
});

describe('body parts', () => {
  it('a body sent in parts is read whole, once', () => {
    const store = createBodyParts(() => 0);
    const u = partsOf('u1', 2 * PART_CHARS + 3);
    for (const p of u.parts) expect(store.put(tab(1), p)).toEqual({ ok: true });
    const whole = withUploadedBody(read(u.ref), tab(1), store);
    expect('error' in whole ? whole : whole.source).toMatchObject({ kind: 'response', body: u.body });
    expect(whole).not.toHaveProperty('source.bodyParts');
    // Taken: asked again, the worker no longer holds it (the content side would upload it anew).
    expect(withUploadedBody(read(u.ref), tab(1), store)).toEqual({ ok: false, error: 'parts: upload not held' });
  });

  it('another page session cannot add to an upload or read it; a read without parts is left as it is', () => {
    const store = createBodyParts(() => 0);
    const u = partsOf('u1', PART_CHARS + 1);
    store.put(tab(1), u.parts[0]!);
    expect(store.put(tab(2), u.parts[1]!)).toEqual({ ok: false, error: 'parts: upload not held' });
    store.put(tab(1), u.parts[1]!);
    expect(store.take(tab(1, 'other-doc'), u.ref)).toEqual({ error: 'parts: upload not held' });
    const plain = { ...read(u.ref), source: { kind: 'records' as const, records: [] } };
    expect(withUploadedBody(plain, tab(1), store)).toBe(plain);
  });

  it('parts out of order, of the wrong length or count, an unfinished upload, a body beside parts: refused', () => {
    const store = createBodyParts(() => 0);
    const u = partsOf('u1', 3 * PART_CHARS);
    store.put(tab(1), u.parts[0]!);
    expect(store.put(tab(1), u.parts[2]!)).toEqual({ ok: false, error: 'parts: out of order' });
    store.put(tab(1), u.parts[0]!);
    expect(store.put(tab(1), { ...u.parts[1]!, text: 'short' })).toEqual({ ok: false, error: 'parts: out of order' });
    store.put(tab(1), u.parts[0]!);
    expect(store.put(tab(1), { ...u.parts[1]!, parts: 2 })).toEqual({ ok: false, error: 'parts: out of order' });
    store.put(tab(1), u.parts[0]!);
    store.put(tab(1), u.parts[1]!);
    expect(store.take(tab(1), u.ref)).toEqual({ error: 'parts: upload not held' }); // 2 of 3
    const both = read(u.ref);
    if (both.source.kind === 'response') both.source.body = 'x';
    expect(withUploadedBody(both, tab(1), store)).toEqual({ ok: false, error: 'pages/read: a body and parts' });
  });

  it('a new upload of the same page session lets go of the unfinished one', () => {
    const store = createBodyParts(() => 0);
    const a = partsOf('a', 2 * PART_CHARS);
    const b = partsOf('b', 2 * PART_CHARS, 'y');
    store.put(tab(1), a.parts[0]!);
    b.parts.forEach((p) => store.put(tab(1), p));
    expect(store.put(tab(1), a.parts[1]!)).toEqual({ ok: false, error: 'parts: upload not held' });
    expect(store.take(tab(1), b.ref)).toEqual({ body: b.body });
  });

  it('memory is bounded: the oldest uploads go past MAX_HELD, and an upload left for HOLD_MS', () => {
    let now = 0;
    const store = createBodyParts(() => now);
    const tabs = Math.ceil(MAX_HELD / MAX_BODY_CHARS) + 1;
    const uploads = Array.from({ length: tabs }, (_, i) => partsOf(`u${i}`, MAX_BODY_CHARS));
    uploads.forEach((u, i) => u.parts.forEach((p) => store.put(tab(i + 1), p)));
    // The first went to make room; the newest are still held.
    expect(store.take(tab(1), uploads[0]!.ref)).toEqual({ error: 'parts: upload not held' });
    expect(store.take(tab(tabs), uploads[tabs - 1]!.ref)).toEqual({ body: uploads[tabs - 1]!.body });
    const late = partsOf('late', PART_CHARS + 1);
    store.put(tab(99), late.parts[0]!);
    now += HOLD_MS + 1;
    expect(store.put(tab(99), late.parts[1]!)).toEqual({ ok: false, error: 'parts: upload not held' });
  });
});

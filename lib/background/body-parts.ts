/**
 * Long bodies a content script sends ahead of its `pages/read`, in `pages/part` messages (issue 11: one
 * runtime message of a 2 M-character body is ~30 ms of the page's thread, which serialises it; a part of
 * PART_CHARS is ~5 ms). The worker keeps the parts of each upload until the read names it, then reads the
 * whole body as if it had come in the read (read.ts).
 *
 * Uploads are keyed by the page session the browser names (tab, frame, document), so no page can add to or
 * take another's, and a page session has one upload at a time (its reads go one by one, pipeline.ts): a
 * part 0 starts over and lets go of any other. Every part is checked against its upload (same part count,
 * the next in order, PART_CHARS long but the last); anything else drops the upload. Memory is bounded: at
 * most MAX_HELD characters in all (the oldest uploads go first) and an upload without a new part for
 * HOLD_MS is dropped. Nothing of this survives the worker: a read whose upload is gone is answered
 * `parts: …`, which the content side takes as "send again" (not a refusal, messages.ts), and it uploads the
 * body anew; so a killed worker loses no read.
 */
import { MAX_BODY_CHARS, PART_CHARS } from '../overlay/page-channel';
import type { RequestOf } from '../messaging/protocol';
import { sessionOf, type SenderLike } from '../messaging/sender';

/** Characters held for all page sessions at most: a few bodies just under the cap. */
export const MAX_HELD = 4 * MAX_BODY_CHARS;
/** An upload whose next part has not come for this long is dropped (its parts come a round trip apart). */
export const HOLD_MS = 60_000;

type Part = Omit<RequestOf<'pages/part'>, 'type'>;
type Ref = NonNullable<Extract<RequestOf<'pages/read'>['source'], { kind: 'response' }>['bodyParts']>;

export interface BodyParts {
  /** Adds a part to its upload: the answer to `pages/part`. */
  put(sender: SenderLike, part: Part): { ok: true } | { ok: false; error: string };
  /** A finished upload's body (and lets go of it), or why there is none. */
  take(sender: SenderLike, ref: Ref): { body: string } | { error: string };
}

export function createBodyParts(now: () => number = Date.now): BodyParts {
  const uploads = new Map<string, { session: string; parts: number; next: number; text: string; at: number }>();
  let held = 0;
  const drop = (key: string) => {
    const u = uploads.get(key);
    if (!u) return;
    held -= u.text.length;
    uploads.delete(key);
  };
  const sessionKey = (sender: SenderLike) => {
    const s = sessionOf(sender);
    return s ? `${s.tabId}/${s.frameId}/${s.documentId ?? ''}` : undefined;
  };
  return {
    put(sender, part) {
      const session = sessionKey(sender);
      if (!session) return { ok: false, error: 'parts: no page session' };
      const key = `${session} ${part.upload}`;
      const t = now();
      for (const [k, u] of uploads) if (t - u.at > HOLD_MS || (part.seq === 0 && u.session === session)) drop(k);
      if (part.seq === 0) uploads.set(key, { session, parts: part.parts, next: 0, text: '', at: t });
      const u = uploads.get(key);
      // Gone with the worker that had the first parts, or dropped: the content side sends it all again.
      if (!u) return { ok: false, error: 'parts: upload not held' };
      // Every part but the last is PART_CHARS long (the schema bounds the last).
      const whole = part.seq === part.parts - 1 || part.text.length === PART_CHARS;
      if (part.parts !== u.parts || part.seq !== u.next || !whole) {
        drop(key);
        return { ok: false, error: 'parts: out of order' };
      }
      u.text += part.text; // a rope: the parts are joined once, when the read parses the body
      u.next++;
      u.at = t;
      held += part.text.length;
      // The oldest uploads first (a Map keeps insertion order), never the one this part belongs to.
      for (const k of uploads.keys()) {
        if (held <= MAX_HELD) break;
        if (k !== key) drop(k);
      }
      return { ok: true };
    },
    take(sender, ref) {
      const session = sessionKey(sender);
      const key = `${session ?? ''} ${ref.upload}`;
      const u = uploads.get(key);
      drop(key);
      if (!session || !u || u.next !== u.parts || u.parts !== ref.parts || u.text.length !== ref.chars)
        return { error: 'parts: upload not held' };
      return { body: u.text };
    },
  };
}

/** A read with its uploaded body put in place (or as it came, without one), or the reply saying why not. */
export function withUploadedBody(
  req: RequestOf<'pages/read'>,
  sender: SenderLike,
  parts: BodyParts,
): RequestOf<'pages/read'> | { ok: false; error: string } {
  const { source } = req;
  if (source.kind !== 'response' || !source.bodyParts) return req;
  if (source.body !== '') return { ok: false, error: 'pages/read: a body and parts' };
  const got = parts.take(sender, source.bodyParts);
  if ('error' in got) return { ok: false, error: got.error };
  const { bodyParts: _ref, ...rest } = source;
  return { ...req, source: { ...rest, body: got.body } };
}

/**
 * The isolated side of the page channel: checks what arrives on the private port (page-channel.ts). Only our
 * hook holds the other end, but what it copies is the page's own data, so every message is untrusted. A cheap
 * hand-written shape check rather than zod, so content scripts do not bundle zod (issue 12); what the
 * readers take from a message is validated again in the worker (protocol.ts) before anything is stored.
 *
 * A long body comes as a head and its parts (page-channel.ts); {@link createAssembler} puts it back together.
 */
import {
  MAX_BODY_CHARS,
  MAX_PARTS,
  MAX_RECORDS,
  MAX_REQUEST_CHARS,
  PART_CHARS,
  openPageChannel,
  partLength,
  partsOf,
  type PageMessage,
  type WireMessage,
} from './page-channel';

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const index = (v: unknown, below: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < below;

/** A response's fields other than its body, checked (a whole response and a head share them). */
function responseMeta(
  m: Record<string, unknown>,
): Omit<Extract<PageMessage, { type: 'response' }>, 'type' | 'body'> | undefined {
  const { transport } = m;
  if (!finite(m.receivedAt) || !str(m.url, 4000)) return undefined;
  if (transport !== 'fetch' && transport !== 'xhr') return undefined;
  if (m.requestBody !== undefined && !str(m.requestBody, MAX_REQUEST_CHARS)) return undefined;
  return {
    url: m.url,
    receivedAt: m.receivedAt,
    transport,
    ...(m.requestBody !== undefined ? { requestBody: m.requestBody } : {}),
  };
}

function asMessage(v: unknown): WireMessage | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Record<string, unknown>;
  if (m.type === 'response') {
    const meta = responseMeta(m);
    if (!meta || !str(m.body, MAX_BODY_CHARS)) return undefined;
    return { type: 'response', ...meta, body: m.body };
  }
  if (m.type === 'head') {
    const meta = responseMeta(m);
    if (!meta || !str(m.copy, 20) || !index(m.chars, MAX_BODY_CHARS + 1)) return undefined;
    return { type: 'head', ...meta, copy: m.copy, chars: m.chars };
  }
  if (m.type === 'part') {
    if (!str(m.copy, 20) || !index(m.seq, MAX_PARTS) || !str(m.text, PART_CHARS)) return undefined;
    return { type: 'part', copy: m.copy, seq: m.seq, text: m.text };
  }
  if (m.type === 'records') {
    if (!finite(m.receivedAt) || !Array.isArray(m.records) || m.records.length > MAX_RECORDS) return undefined;
    const records: { rowIndex: number; record: unknown }[] = [];
    for (const r of m.records as unknown[]) {
      if (!r || typeof r !== 'object') return undefined;
      const { rowIndex, record } = r as { rowIndex?: unknown; record?: unknown };
      if (!finite(rowIndex) || !Number.isInteger(rowIndex) || rowIndex < 0) return undefined;
      records.push({ rowIndex, record });
    }
    return { type: 'records', receivedAt: m.receivedAt, records };
  }
  if (m.type === 'oversized') {
    if (!str(m.url, 4000) || !finite(m.chars)) return undefined;
    return { type: 'oversized', url: m.url, chars: m.chars };
  }
  return undefined;
}

/** A message as the hook posts it (a JSON string; an object from captures and tests), checked; or undefined. */
export function decodePageMessage(data: unknown): WireMessage | undefined {
  try {
    if (typeof data === 'string') {
      if (data.length > MAX_BODY_CHARS + 10_000) return undefined;
      data = JSON.parse(data);
    }
    return asMessage(data);
  } catch {
    return undefined;
  }
}

/** A copy whose next part has not come for this long is dropped (the hook sends them one task apart). */
export const PARTS_TIMEOUT_MS = 30_000;

/**
 * Puts long bodies back together: after a head, its parts must follow in order, each of its exact length
 * (PART_CHARS, the last what is left), and nothing else in between, which is how our hook sends them. Any
 * other sequence (a part of another copy or out of order, a message between the parts, a new head, no part
 * for PARTS_TIMEOUT_MS) drops the unfinished copy, said once as an `incomplete` message for the health log;
 * stray parts are ignored. Memory: one unfinished copy at most, never more than its head announced
 * (MAX_BODY_CHARS at most), and the timer lets go of it even if nothing else arrives.
 */
export function createAssembler(
  onMessage: (msg: PageMessage) => void,
  timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(id: unknown): void } = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): { receive(msg: WireMessage): void; close(): void } {
  let open:
    | { head: Extract<WireMessage, { type: 'head' }>; text: string; next: number; parts: number; timer: unknown }
    | undefined;
  const drop = (why: string) => {
    if (!open) return;
    const { head, next, parts, timer } = open;
    open = undefined;
    timers.clearTimeout(timer);
    onMessage({ type: 'incomplete', url: head.url, detail: `${why} after ${next} of ${parts} parts` });
  };
  const arm = () => timers.setTimeout(() => drop('no part for 30 s'), PARTS_TIMEOUT_MS);
  return {
    receive(msg) {
      if (msg.type === 'part') {
        if (!open) return; // stray: nothing to add it to, nothing held
        if (msg.copy !== open.head.copy || msg.seq !== open.next) return drop('a part out of order');
        if (msg.text.length !== partLength(open.head.chars, msg.seq)) return drop('a part of the wrong length');
        open.text += msg.text; // a rope: no copy of what came before
        open.next++;
        timers.clearTimeout(open.timer);
        if (open.next < open.parts) {
          open.timer = arm();
          return;
        }
        const { head, text } = open;
        open = undefined;
        const { type: _head, copy: _copy, chars: _chars, ...meta } = head;
        return onMessage({ type: 'response', ...meta, body: text });
      }
      drop(msg.type === 'head' ? 'a new copy' : 'another message');
      if (msg.type !== 'head') return onMessage(msg);
      open = { head: msg, text: '', next: 0, parts: partsOf(msg.chars), timer: arm() };
    },
    close() {
      if (open) timers.clearTimeout(open.timer);
      open = undefined;
    },
  };
}

/**
 * Opens the private channel to this frame's hook and calls `onMessage` with each valid message (long bodies
 * reassembled), until `signal` aborts. Call synchronously at document_start (the handshake must finish
 * before page scripts run). Events dispatched on `window` are never read: a page script can dispatch those.
 */
export function listenPageChannel(win: Window, onMessage: (msg: PageMessage) => void, signal: AbortSignal): void {
  const assembler = createAssembler(onMessage, {
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
  });
  const close = openPageChannel(win, (data) => {
    const msg = decodePageMessage(data);
    if (msg) assembler.receive(msg);
  });
  signal.addEventListener(
    'abort',
    () => {
      close();
      assembler.close();
    },
    { once: true },
  );
}

/**
 * The isolated side of the page channel: validates what arrives on the private port (page-channel.ts). Only
 * our hook holds the other end, but what it copies is the page's own data, so every message is still
 * untrusted page input.
 */
import { z } from 'zod';
import { MAX_BODY_CHARS, MAX_RECORDS, MAX_REQUEST_CHARS, openPageChannel, type PageMessage } from './page-channel';

export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('response'),
    /** The request URL as the page issued it (absolute). */
    url: z.string().max(4000),
    receivedAt: z.number(),
    transport: z.enum(['fetch', 'xhr']),
    body: z.string().max(MAX_BODY_CHARS),
    requestBody: z.string().max(MAX_REQUEST_CHARS).optional(),
  }),
  z.object({
    type: z.literal('records'),
    receivedAt: z.number(),
    /** Row records read from React props, in the order of `rowIndex` attributes set on the rows. */
    records: z.array(z.object({ rowIndex: z.number().int().nonnegative(), record: z.unknown() })).max(MAX_RECORDS),
  }),
  z.object({ type: z.literal('oversized'), url: z.string().max(4000), chars: z.number() }),
]);

/** A message as the hook posts it (an object), or as a JSON string (captures, tests). */
export function decodePageMessage(data: unknown): PageMessage | undefined {
  try {
    if (typeof data === 'string') {
      if (data.length > MAX_BODY_CHARS + 10_000) return undefined;
      data = JSON.parse(data);
    }
    const r = PageMessageSchema.safeParse(data);
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the private channel to this frame's hook and calls `onMessage` with each valid message, until
 * `signal` aborts. Call synchronously at document_start (the handshake must finish before page scripts run).
 * Events dispatched on `window` are never read: a page script can dispatch those.
 */
export function listenPageChannel(win: Window, onMessage: (msg: PageMessage) => void, signal: AbortSignal): void {
  const close = openPageChannel(win, (data) => {
    const msg = decodePageMessage(data);
    if (msg) onMessage(msg);
  });
  signal.addEventListener('abort', close, { once: true });
}

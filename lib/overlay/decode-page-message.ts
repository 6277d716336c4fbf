/**
 * The isolated side of the page channel: checks what arrives on the private port (page-channel.ts). Only our
 * hook holds the other end, but what it copies is the page's own data, so every message is untrusted. A cheap
 * hand-written shape check rather than zod, so content scripts do not bundle zod (issue 12); what the
 * readers take from a message is validated again in the worker (protocol.ts) before anything is stored.
 */
import { MAX_BODY_CHARS, MAX_RECORDS, MAX_REQUEST_CHARS, openPageChannel, type PageMessage } from './page-channel';

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function asMessage(v: unknown): PageMessage | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Record<string, unknown>;
  if (m.type === 'response') {
    if (!finite(m.receivedAt) || !str(m.url, 4000) || !str(m.body, MAX_BODY_CHARS)) return undefined;
    if (m.transport !== 'fetch' && m.transport !== 'xhr') return undefined;
    if (m.requestBody !== undefined && !str(m.requestBody, MAX_REQUEST_CHARS)) return undefined;
    return {
      type: 'response',
      url: m.url,
      receivedAt: m.receivedAt,
      transport: m.transport,
      body: m.body,
      ...(m.requestBody !== undefined ? { requestBody: m.requestBody } : {}),
    };
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

/** A message as the hook posts it (an object), or as a JSON string (captures, tests). */
export function decodePageMessage(data: unknown): PageMessage | undefined {
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

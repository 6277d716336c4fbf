/**
 * Checks what arrives on the page channel: the page can dispatch the same event with anything. A cheap
 * hand-written shape check rather than zod, so content scripts do not bundle zod (issue 12); what the
 * readers take from a message is validated again in the worker (protocol.ts) before anything is stored.
 */
import { MAX_BODY_CHARS, MAX_REQUEST_CHARS, type PageMessage } from './page-channel';

const MAX_RECORDS = 500;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function asMessage(v: unknown): PageMessage | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Record<string, unknown>;
  if (!finite(m.receivedAt)) return undefined;
  if (m.type === 'response') {
    if (!str(m.url, 4000) || !str(m.body, MAX_BODY_CHARS)) return undefined;
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
    if (!Array.isArray(m.records) || m.records.length > MAX_RECORDS) return undefined;
    const records: { rowIndex: number; record: unknown }[] = [];
    for (const r of m.records as unknown[]) {
      if (!r || typeof r !== 'object') return undefined;
      const { rowIndex, record } = r as { rowIndex?: unknown; record?: unknown };
      if (!finite(rowIndex) || !Number.isInteger(rowIndex) || rowIndex < 0) return undefined;
      records.push({ rowIndex, record });
    }
    return { type: 'records', receivedAt: m.receivedAt, records };
  }
  return undefined;
}

export function decodePageMessage(detail: unknown): PageMessage | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_BODY_CHARS + 10_000) return undefined;
  try {
    return asMessage(JSON.parse(detail));
  } catch {
    return undefined;
  }
}

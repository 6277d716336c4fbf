/** Validates what arrives on the page channel: the page can dispatch the same event with anything. */
import { z } from 'zod';
import { MAX_BODY_CHARS, MAX_REQUEST_CHARS, type PageMessage } from './page-channel';

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
    records: z.array(z.object({ rowIndex: z.number().int().nonnegative(), record: z.unknown() })).max(500),
  }),
]);

export function decodePageMessage(detail: unknown): PageMessage | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_BODY_CHARS + 10_000) return undefined;
  try {
    const r = PageMessageSchema.safeParse(JSON.parse(detail));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The channel between the MAIN-world hook and the isolated content script. Data crosses as a JSON string
 * in `CustomEvent.detail` because Firefox would need `cloneInto` for objects (toolchain.md). The page
 * can dispatch this event too, so the receiver treats every message as untrusted page input.
 */
import { z } from 'zod';

export const PAGE_EVENT = 'ticket-radar:page-data';

/** Responses larger than this are not copied across (a ticket list is far smaller). */
export const MAX_BODY_CHARS = 4_000_000;

export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('response'),
    /** The request URL as the page issued it (absolute). */
    url: z.string().max(4000),
    receivedAt: z.number(),
    transport: z.enum(['fetch', 'xhr']),
    body: z.string().max(MAX_BODY_CHARS),
  }),
  z.object({
    type: z.literal('records'),
    receivedAt: z.number(),
    /** Row records read from React props, in the order of `rowIndex` attributes set on the rows. */
    records: z.array(z.object({ rowIndex: z.number().int().nonnegative(), record: z.unknown() })).max(500),
  }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** The attribute the MAIN-world record reader sets on each row it read, so the isolated side can pair them. */
export const ROW_INDEX_ATTR = 'data-ticket-radar-row';

export function decodePageMessage(detail: unknown): PageMessage | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_BODY_CHARS + 10_000) return undefined;
  try {
    const r = PageMessageSchema.safeParse(JSON.parse(detail));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

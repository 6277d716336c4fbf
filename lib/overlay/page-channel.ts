/**
 * The channel between the MAIN-world hook and the isolated content script. Data crosses as a JSON string
 * in `CustomEvent.detail` because Firefox would need `cloneInto` for objects (toolchain.md). The page
 * can dispatch this event too, so the receiver validates every message as untrusted page input
 * (decode-page-message.ts). This file stays free of zod so the MAIN-world bundle stays small.
 */
export const PAGE_EVENT = 'ticket-radar:page-data';

/** Responses larger than this are not copied across (a ticket list is far smaller). */
export const MAX_BODY_CHARS = 4_000_000;

/** Request bodies larger than this are not copied (list filters are a few hundred characters). */
export const MAX_REQUEST_CHARS = 20_000;

/** The attribute the MAIN-world record reader sets on each row it read, so the isolated side can pair them. */
export const ROW_INDEX_ATTR = 'data-ticket-radar-row';

export type PageMessage =
  | {
      type: 'response';
      url: string;
      receivedAt: number;
      transport: 'fetch' | 'xhr';
      body: string;
      /** The request's body when it was a string (the list's filter). */
      requestBody?: string | undefined;
    }
  | { type: 'records'; receivedAt: number; records: { rowIndex: number; record: unknown }[] };

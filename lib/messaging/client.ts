/** Sending typed requests to the background, from content scripts and extension pages. */
import { browser } from 'wxt/browser';
import { ResponseSchemas, type Request, type RequestType, type ResponseFor } from './protocol';

export class MessageError extends Error {}

/** Sends a request and validates the reply: a reply that fails validation is an error, not data. */
export async function send<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<ResponseFor<T>> {
  const reply: unknown = await browser.runtime.sendMessage(req);
  const parsed = ResponseSchemas[req.type as T].safeParse(reply);
  if (!parsed.success) {
    const err =
      reply && typeof reply === 'object' && 'error' in reply
        ? String((reply as { error: unknown }).error)
        : 'invalid reply';
    throw new MessageError(`${req.type}: ${err}`);
  }
  return parsed.data as ResponseFor<T>;
}

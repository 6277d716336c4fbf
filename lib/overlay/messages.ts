/**
 * Requests from content scripts to the worker, without zod on the page (issue 12): the worker validates
 * every request with the protocol schemas and checks the sender; the page only checks that a reply has the
 * shape it is about to read. Types come from protocol.ts as type-only imports.
 */
import { browser } from 'wxt/browser';
import type {
  FreshnessState,
  ReadAnswer,
  Request,
  RequestOf,
  ResponseFor,
  TicketView,
  ValidIngest,
} from '../messaging/protocol';
import { PART_CHARS, partsOf } from './page-channel';

export class PageMessageError extends Error {
  /**
   * The worker answered and refused the request (another shop, an invalid payload, a sender it does not
   * allow): sending it again gets the same answer. Not a refusal: no answer at all (the worker stopped while
   * it was handling it, which the polyfill resolves as `undefined`), "rate: retry after …", and "parts: …"
   * (a worker that restarted during an upload no longer holds its parts: the body is sent again).
   */
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
  }
}

const ok = (reply: unknown): reply is { ok: true } & Record<string, unknown> =>
  !!reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true;

const failure = (type: string, reply: unknown) => {
  const error =
    reply && typeof reply === 'object' && 'error' in reply ? String((reply as { error: unknown }).error) : undefined;
  return new PageMessageError(
    `${type}: ${error ?? 'invalid reply'}`,
    error !== undefined && !/^(rate|parts)\b/.test(error),
  );
};

const isView = (v: unknown): v is TicketView =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as TicketView).key === 'string' &&
  typeof (v as TicketView).nativeId === 'string' &&
  typeof (v as TicketView).status === 'string' &&
  Array.isArray((v as TicketView).explain) &&
  ((v as TicketView).dueAt === undefined || typeof (v as TicketView).dueAt === 'number');

export async function ingest(req: Omit<ValidIngest, 'type'>): Promise<TicketView[]> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'tickets/ingest', ...req });
  if (!ok(reply) || !Array.isArray(reply.views)) throw failure('tickets/ingest', reply);
  return reply.views.filter(isView);
}

/**
 * What the hook copied, read and stored by the worker in one hop (lib/background/handlers.ts `readPage`).
 * Only the shape the pipeline reads is checked here; views are filtered as for `tickets/ingest`. A body over
 * PART_CHARS goes ahead in parts ({@link uploadBody}). `send` is the runtime's (tests: the handler).
 */
export async function readPage(
  req: Omit<RequestOf<'pages/read'>, 'type'>,
  send: (msg: Request) => Promise<unknown> = (msg) => browser.runtime.sendMessage(msg),
): Promise<ReadAnswer> {
  const { source } = req;
  const sent =
    source.kind === 'response' && source.body.length > PART_CHARS
      ? { ...req, source: { ...source, body: '', bodyParts: await uploadBody(source.body, send) } }
      : req;
  const reply: unknown = await send({ type: 'pages/read', ...sent });
  const r = ok(reply) ? (reply.result as Partial<ReadAnswer> | undefined) : undefined;
  if (
    !r ||
    typeof r !== 'object' ||
    !isShop(r.shop) ||
    !Array.isArray(r.views) ||
    !Array.isArray(r.issues) ||
    !Array.isArray(r.handedOver) ||
    (r.standIn !== undefined && (!isShop(r.standIn) || !Array.isArray(r.standIn.nativeIds)))
  )
    throw failure('pages/read', reply);
  return { ...(r as ReadAnswer), views: r.views.filter(isView) };
}

const isShop = (s: unknown): s is { shopId: string } =>
  !!s && typeof s === 'object' && typeof (s as { shopId?: unknown }).shopId === 'string';

/** Names this content script's uploads (the worker keys them by page session too: a reload starts anew). */
const uploadPrefix = Math.random().toString(36).slice(2, 10);
let uploads = 0;

/**
 * Sends a long body to the worker ahead of its read, PART_CHARS at a time (lib/background/body-parts.ts):
 * Chromium serialises a runtime message on the sender's thread, which is the page's, at ~15 ms a million
 * characters of Chinese, so a body just under the cap in one message would be one task of ~30 ms. Each part
 * waits for the worker's answer, so each goes out in a task of its own. A part the worker does not take
 * throws, and the whole read (with its upload) is tried again (start.ts, retry.ts).
 */
async function uploadBody(
  body: string,
  send: (msg: Request) => Promise<unknown>,
): Promise<{ upload: string; parts: number; chars: number }> {
  const upload = `${uploadPrefix}-${++uploads}`;
  const parts = partsOf(body.length);
  for (let seq = 0; seq < parts; seq++) {
    const text = body.slice(seq * PART_CHARS, (seq + 1) * PART_CHARS);
    const reply: unknown = await send({ type: 'pages/part', upload, seq, parts, text });
    if (!ok(reply)) throw failure('pages/part', reply);
  }
  return { upload, parts, chars: body.length };
}

export function reportHealth(reports: RequestOf<'health/report'>['reports']): void {
  void browser.runtime.sendMessage({ type: 'health/report', reports }).catch(() => undefined);
}

export async function templatesForPage(
  req: Omit<RequestOf<'templates/for-page'>, 'type'>,
): Promise<ResponseFor<'templates/for-page'>['index']> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'templates/for-page', ...req });
  if (
    !ok(reply) ||
    !reply.index ||
    typeof reply.index !== 'object' ||
    !Array.isArray((reply.index as { entries?: unknown }).entries)
  )
    throw failure('templates/for-page', reply);
  return reply.index as ResponseFor<'templates/for-page'>['index'];
}

export function templateUsed(id: string): void {
  void browser.runtime.sendMessage({ type: 'templates/used', id }).catch(() => undefined);
}

/** The page's 下一个 → control: the worker opens the next ticket; its key, or undefined when the queue is empty. */
export async function nextTicket(): Promise<string | undefined> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'tickets/next' });
  if (!ok(reply)) throw failure('tickets/next', reply);
  return typeof reply.key === 'string' ? reply.key : undefined;
}

/** The freshness indicator's state, checked by hand (the worker built it from validated storage). */
export function asFreshnessState(v: unknown): FreshnessState | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  const bool = (k: string) => typeof s[k] === 'boolean';
  if (!bool('watched') || !bool('on') || !bool('paused') || typeof s.intervalMin !== 'number') return undefined;
  if (s.lastReadAt !== undefined && typeof s.lastReadAt !== 'number') return undefined;
  return s as unknown as FreshnessState;
}

/** The tab reports whether the merchant is using it; the worker answers with the indicator's state. */
export async function freshnessActivity(a: Omit<RequestOf<'freshness/activity'>, 'type'>): Promise<FreshnessState> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'freshness/activity', ...a });
  const state = ok(reply) ? asFreshnessState(reply.state) : undefined;
  if (!state) throw failure('freshness/activity', reply);
  return state;
}

/**
 * Content side of ingest: what the runtime reads goes to the worker through here, so that a flood of
 * responses becomes a few messages and nothing is lost when the worker is busy, restarting or killed.
 *
 * - Batches for the same page kind and shop that are not complete listings are merged for MERGE_MS
 *   (the newest read of a ticket wins). The first batch of a quiet page goes at once (leading edge): the
 *   merge window bounds a burst, it must not delay the one read a page usually makes (its badges wait on it).
 * - More than MAX_PER_MESSAGE tickets are sent in chunks (the protocol's limit). A complete-listing claim is
 *   kept only when the listing fits in one message: chunks of a listing are not each complete, and a claim
 *   that cannot be made whole is dropped (tickets are stored; nothing is marked unseen on its evidence).
 * - A message counts as delivered only when the worker answered, which it does after its transaction
 *   committed. A failure (worker killed, restarting, or refusing over its rate) is retried with backoff,
 *   in order, for as long as the page lives; the runtime's promise resolves when it is stored. Retrying is
 *   safe: a batch the worker committed but could not acknowledge is stored again as the same rows (upserts
 *   by key that compare before writing).
 * - A batch the worker refused for good (`final`: another shop's, an invalid one) is given up at once: it
 *   would be refused again, and retrying it would hold up every later batch of the page behind it.
 *
 * Pure apart from the timers and `send` it is given (unit-tested with fake timers).
 */
import type { TicketView, ValidIngest } from '../messaging/protocol';
import { deliverWithRetry, type RetryOptions } from './retry';

export type IngestRequest = Omit<ValidIngest, 'type'>;

export const MERGE_MS = 150;
export const MAX_PER_MESSAGE = 500;

interface Pending {
  req: IngestRequest;
  waiters: { resolve: (v: TicketView[]) => void; reject: (e: unknown) => void }[];
}

export interface BatcherOptions extends RetryOptions {
  send: (req: IngestRequest) => Promise<TicketView[]>;
  now?: () => number;
}

export function createBatcher(opts: BatcherOptions) {
  const later = opts.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const queue: Pending[] = [];
  let open: Pending | undefined; // the batch still accepting merges
  let mergeTimer = false;
  let sending = false;
  const clock = opts.now ?? Date.now;
  /** When the last batch was let through without waiting (a burst merges after it). */
  let leadAt = -Infinity;

  const mergeKey = (r: IngestRequest) => `${r.platform}|${r.pageKind}|${r.shop.shopId}`;

  const closeOpen = () => {
    if (!open) return;
    // While the worker is away, reads keep coming: fold into the last waiting batch of the same page and
    // shop, so the queue grows by pages, not by responses (and order is kept: only the last one).
    const last = queue.at(-1);
    if (last && !last.req.complete && mergeKey(last.req) === mergeKey(open.req)) {
      last.req = merge(last.req, open.req);
      last.waiters.push(...open.waiters);
    } else queue.push(open);
    open = undefined;
  };

  async function pump() {
    if (sending) return;
    sending = true;
    try {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const views: TicketView[] = [];
        let failed: unknown;
        for (const chunk of chunks(p.req)) {
          const r = await deliver(chunk);
          if (r.ok) views.push(...r.value);
          else failed = r.error;
        }
        if (failed === undefined) p.waiters.forEach((w) => w.resolve(views));
        else p.waiters.forEach((w) => w.reject(failed));
      }
    } finally {
      sending = false;
    }
  }

  const deliver = (req: IngestRequest) => deliverWithRetry(() => opts.send(req), opts);

  function ingest(req: IngestRequest): Promise<TicketView[]> {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      if (!req.complete && open && mergeKey(open.req) === mergeKey(req)) {
        open.req = merge(open.req, req);
        open.waiters.push(waiter);
        return;
      }
      closeOpen();
      const p: Pending = { req: { ...req, tickets: [...req.tickets] }, waiters: [waiter] };
      const quiet = !open && !queue.length && !sending && !mergeTimer && clock() - leadAt >= MERGE_MS;
      if (quiet && !req.complete) leadAt = clock();
      if (req.complete || quiet) {
        queue.push(p); // a complete listing stands alone, and a quiet page's first read does not wait
        void pump();
        return;
      }
      open = p;
      if (!mergeTimer) {
        mergeTimer = true;
        later(() => {
          mergeTimer = false;
          closeOpen();
          void pump();
        }, MERGE_MS);
      }
    });
  }

  /** Batches not yet acknowledged (for tests and diagnostics). */
  const pending = () => queue.length + (open ? 1 : 0) + (sending ? 1 : 0);

  return { ingest, pending };
}

/** Two reads of the same page kind and shop: one batch, the newest read of each ticket last. */
function merge(a: IngestRequest, b: IngestRequest): IngestRequest {
  const byId = new Map(a.tickets.map((t) => [t.nativeId, t]));
  for (const t of b.tickets) {
    byId.delete(t.nativeId);
    byId.set(t.nativeId, t);
  }
  // Stand-in shops either read stored under move with the merged batch (identity: lib/identity/shop.ts).
  const supersedes = [...(a.supersedes ?? []), ...(b.supersedes ?? [])];
  return {
    ...b,
    shop: b.shop.name ? b.shop : { ...b.shop, name: a.shop.name },
    tickets: [...byId.values()],
    ...(supersedes.length ? { supersedes } : {}),
  };
}

/** At most MAX_PER_MESSAGE tickets per message; a listing that needs several is no longer a complete claim. */
export function chunks(req: IngestRequest): IngestRequest[] {
  if (req.tickets.length <= MAX_PER_MESSAGE) return [req];
  const { completeSince: _since, ...rest } = req;
  const out: IngestRequest[] = [];
  for (let i = 0; i < req.tickets.length; i += MAX_PER_MESSAGE)
    out.push({ ...rest, complete: false, tickets: req.tickets.slice(i, i + MAX_PER_MESSAGE) });
  return out;
}

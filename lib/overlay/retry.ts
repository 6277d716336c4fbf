/**
 * Delivery to the worker until it answers, shared by the batcher (ingest) and the read pipeline (pages/read):
 * a failure that is not the worker's final answer (the worker killed, restarting, or over its rate) is tried
 * again with backoff, for as long as the page lives. Retrying is safe for both: a read has no effect, and an
 * ingest the worker committed but could not acknowledge is stored again as the same rows.
 */
export const RETRY_MS = [200, 500, 1000, 2000, 5000, 10_000];

export interface RetryOptions {
  /** False once the extension context is gone: retrying cannot succeed then. */
  alive?: () => boolean;
  /** Whether a failure is the worker's final answer (a refusal), not a missing one. */
  final?: (error: unknown) => boolean;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  onRetry?: (attempt: number, error: unknown) => void;
}

export async function deliverWithRetry<T>(
  send: () => Promise<T>,
  opts: RetryOptions,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const later = opts.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await send() };
    } catch (e) {
      if (!(opts.alive ?? (() => true))() || (opts.final ?? (() => false))(e)) return { ok: false, error: e };
      opts.onRetry?.(attempt, e);
      // A worker over its rate says when to come back ("rate: retry after 800 ms").
      const hinted = /retry after (\d+) ms/.exec(e instanceof Error ? e.message : '')?.[1];
      const wait = Math.max(Number(hinted ?? 0), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!);
      await new Promise<void>((r) => later(r, wait));
    }
  }
}

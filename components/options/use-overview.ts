/**
 * The overview's numbers from the analytics worker (lib/analytics/worker.ts): asked on open, when tickets
 * change (at most every few seconds, however fast the pages ingest) and each minute.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { liveQuery } from 'dexie';
import { db } from '@/lib/db/schema';
import type { Settings } from '@/lib/model/settings';
import type { AnalyticsSummary } from '@/lib/analytics/summary';
import type { History } from '@/lib/analytics/history';
import type { TicketRow, WorkerReply, WorkerRequest } from '@/lib/analytics/worker';

export interface Overview {
  summary: AnalyticsSummary;
  history: History;
  count: number;
  /** Worker time for the last summary, ms (diagnostics, the size budget). */
  ms: number;
  shopLabels: Map<string, string>;
  /** Every ticket as export rows (for the CSV). */
  ticketRows(): Promise<TicketRow[]>;
}

const REFRESH_MIN_MS = 3000;

export function useOverview(settings: Pick<Settings, 'tiers' | 'rules'>, now: number): Overview | undefined {
  // One worker for the page's lifetime (the options page closes with it).
  const [worker] = useState(
    () => new Worker(new URL('../../lib/analytics/worker.ts', import.meta.url), { type: 'module' }),
  );
  const [result, setResult] = useState<Extract<WorkerReply, { type: 'summary' }>>();
  const seq = useRef(0);
  const waiting = useRef(new Map<number, (r: WorkerReply) => void>());
  const [changed, setChanged] = useState(0);

  useEffect(() => {
    const pending = waiting.current;
    const onMessage = (e: MessageEvent<WorkerReply>) => {
      const cb = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (cb) cb(e.data);
      else if (e.data.type === 'summary') setResult(e.data);
    };
    worker.addEventListener('message', onMessage);
    return () => worker.removeEventListener('message', onMessage);
  }, [worker]);

  // Tickets changed: a cheap live count, throttled.
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = liveQuery(() => db().tickets.count()).subscribe({
      next: () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => {
            last = Date.now();
            setChanged((n) => n + 1);
          },
          Math.max(0, last + REFRESH_MIN_MS - Date.now()),
        );
      },
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, []);

  useEffect(() => {
    const req: WorkerRequest = {
      id: ++seq.current,
      type: 'summary',
      now,
      settings: { tiers: settings.tiers, rules: settings.rules },
    };
    worker.postMessage(req);
  }, [worker, now, settings.tiers, settings.rules, changed]);

  return useMemo(() => {
    if (!result) return undefined;
    const shopLabels = new Map(result.summary.byShop.map((s) => [s.shopKey, s.label]));
    return {
      summary: result.summary,
      history: result.history,
      count: result.count,
      ms: result.ms,
      shopLabels,
      ticketRows: () =>
        new Promise<TicketRow[]>((resolve, reject) => {
          const id = ++seq.current;
          waiting.current.set(id, (r) => (r.type === 'ticket-rows' ? resolve(r.rows) : reject(new Error('export'))));
          worker.postMessage({
            id,
            type: 'ticket-rows',
            now: Date.now(),
            settings: { tiers: settings.tiers, rules: settings.rules },
          } satisfies WorkerRequest);
        }),
    };
  }, [result, worker, settings.tiers, settings.rules]);
}

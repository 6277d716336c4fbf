/**
 * The overview's numbers computed off the options page's main thread: reading 50,000 rows from IndexedDB and
 * summarising them would freeze the page for seconds. The page posts `{ settings, now }` and gets the summaries
 * back; for the CSV export, the tickets' rows as plain cells (labels are applied on the page, where i18n is).
 */
import { RadarDb } from '../db/schema';
import type { Settings } from '../model/settings';
import { state } from '../tickets/state';
import { summarizeHistory, type History } from './history';
import { summarizeAnalytics, type AnalyticsSummary } from './summary';

export type WorkerRequest =
  | { id: number; type: 'summary'; now: number; settings: Pick<Settings, 'tiers' | 'rules'> }
  | { id: number; type: 'ticket-rows'; now: number; settings: Pick<Settings, 'tiers' | 'rules'> };

/** One exported ticket: ids, not labels (the page translates). */
export interface TicketRow {
  platform: string;
  shopKey: string;
  kind: string;
  title: string;
  orderId?: string;
  buyer?: string;
  product?: string;
  status: string;
  state: string;
  dueAt?: number;
  dueSource?: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export type WorkerReply =
  | { id: number; type: 'summary'; summary: AnalyticsSummary; history: History; count: number; ms: number }
  | { id: number; type: 'ticket-rows'; rows: TicketRow[] }
  | { id: number; type: 'error'; error: string };

const db = new RadarDb();

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    const started = performance.now();
    const [tickets, shops] = await Promise.all([db.tickets.toArray(), db.shops.toArray()]);
    if (req.type === 'summary') {
      const summary = summarizeAnalytics(tickets, shops, req.now, req.settings);
      const history = summarizeHistory(tickets, req.now);
      const reply: WorkerReply = {
        id: req.id,
        type: 'summary',
        summary,
        history,
        count: tickets.length,
        ms: Math.round(performance.now() - started),
      };
      postMessage(reply);
    } else {
      const rows: TicketRow[] = tickets.map((t) => {
        const s = state(t, req.settings, req.now);
        return {
          platform: t.platform,
          shopKey: `${t.platform}:${t.shopId}`,
          kind: t.kind,
          title: t.title,
          ...(t.orderId ? { orderId: t.orderId } : {}),
          ...(t.buyer ? { buyer: t.buyer } : {}),
          ...(t.product ? { product: t.product } : {}),
          status: t.status,
          state: s.why ?? s.state,
          ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
          ...(t.dueSource ? { dueSource: t.dueSource } : {}),
          firstSeenAt: t.firstSeenAt,
          lastSeenAt: t.lastSeenAt,
        };
      });
      postMessage({ id: req.id, type: 'ticket-rows', rows } satisfies WorkerReply);
    }
  } catch (err) {
    postMessage({ id: req.id, type: 'error', error: String(err) } satisfies WorkerReply);
  }
};

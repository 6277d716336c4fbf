/**
 * A cap on open tickets per shop and surface. A merchant's list page shows hundreds of open tickets, never
 * tens of thousands; a page that keeps producing new ids (a broken page, or a script feeding its own
 * responses) must not grow the store until the popup and options page freeze. Beyond the cap, tickets we
 * already hold still update (a known deadline keeps moving), new ones are not stored, and the handler
 * records an `open-cap` anomaly in diagnostics. Ingest applies the cap inside its own transaction
 * (`ingestBatch`'s `openCap`, on the rows it reads anyway); this stand-alone check is the same rule.
 */
import { isOpenStatus, ticketKey, type RawTicket } from '../model/ticket';
import type { RadarDb } from '../db/schema';
import { countOpenListed } from '../db/tickets-repo';

export const OPEN_TICKET_CAP = 5000;

export async function capOpenTickets(
  db: RadarDb,
  scope: { platform: RawTicket['platform']; shopId: string; pageKind: string },
  tickets: readonly RawTicket[],
  cap = OPEN_TICKET_CAP,
): Promise<{ tickets: readonly RawTicket[]; dropped: number }> {
  if (!tickets.length) return { tickets, dropped: 0 };
  const keys = tickets.map((t) => ticketKey(t));
  const known = await db.tickets.bulkGet(keys);
  const fresh = tickets.filter((t, i) => !known[i] && isOpenStatus(t.status));
  if (!fresh.length) return { tickets, dropped: 0 };
  // Counted only when a batch brings new open tickets: a listing of known ones costs one bulkGet.
  const open = await countOpenListed(db, scope);
  const room = Math.max(0, cap - open);
  if (fresh.length <= room) return { tickets, dropped: 0 };
  const refused = new Set(fresh.slice(room));
  return { tickets: tickets.filter((t) => !refused.has(t)), dropped: refused.size };
}

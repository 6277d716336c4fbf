/**
 * The one validation of a read ticket: the model schema (lib/model/ticket.ts), after clipping over-long
 * display text (clip.ts). Runs in the worker: JSON and record readers call it (lib/background/read.ts), and
 * every ticket of an ingest batch goes through it (DOM-text readers on the page only clip, shared.ts).
 */
import { RawTicketSchema, type RawTicket } from '../model/ticket';
import type { ReadIssue } from './types';
import { clipTicketFields } from './clip';

/**
 * Validates candidate tickets. Invalid ones are dropped and reported by field path only: the message must
 * not carry buyer data into diagnostics.
 */
export function validateTickets(candidates: readonly unknown[], issues: ReadIssue[]): RawTicket[] {
  const out: RawTicket[] = [];
  candidates.forEach((c, i) => {
    const r = RawTicketSchema.safeParse(clipTicketFields(c));
    if (r.success) out.push(r.data);
    else {
      const paths = [...new Set(r.error.issues.map((x) => x.path.join('.') || '(root)'))].join(', ');
      issues.push({ code: 'item-invalid', detail: `item ${i}: ${paths}` });
    }
  });
  return out;
}

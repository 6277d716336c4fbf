/**
 * Working the queue: "the most urgent ticket not yet opened this round". The round is the set of ticket keys
 * opened from the popup, the browser command (Alt+Shift+N) or the page's 下一个 → control, kept in
 * `browser.storage.local` (the worker may stop between two presses). When every ticket in the queue was
 * opened, the next press starts a new round from the most urgent one.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Ticket } from '../model/ticket';
import { nextTicket, type Summary } from './summary';

export const ROUND_KEY = 'ticket-radar:round';
/** A round older than this starts afresh (a new shift, a new day). */
export const ROUND_TTL_MS = 12 * 3600_000;

const RoundSchema = z.object({ startedAt: z.number(), keys: z.array(z.string()).max(5000) });
type Round = z.infer<typeof RoundSchema>;

export async function loadRound(now: number): Promise<Round> {
  const r = RoundSchema.safeParse((await browser.storage.local.get(ROUND_KEY))[ROUND_KEY]);
  return r.success && r.data.startedAt > now - ROUND_TTL_MS ? r.data : { startedAt: now, keys: [] };
}

/** Records that a ticket was opened this round. */
export async function markOpened(key: string, now: number): Promise<void> {
  const r = await loadRound(now);
  if (!r.keys.includes(key)) r.keys.push(key);
  await browser.storage.local.set({ [ROUND_KEY]: { startedAt: r.startedAt, keys: r.keys.slice(-5000) } });
}

/** Pure: the next ticket given the round, and whether a new round started. */
export function pickNext(s: Summary, opened: readonly string[]): { ticket?: Ticket; newRound: boolean } {
  const ticket = nextTicket(s, new Set(opened));
  if (ticket) return { ticket, newRound: false };
  const first = nextTicket(s);
  return first ? { ticket: first, newRound: true } : { newRound: false };
}

/** Picks the next ticket and records it (starting a new round when all were opened). */
export async function takeNext(s: Summary, now: number): Promise<Ticket | undefined> {
  const r = await loadRound(now);
  const { ticket, newRound } = pickNext(s, r.keys);
  if (!ticket) return undefined;
  const keys = newRound ? [ticket.key] : [...r.keys, ticket.key];
  await browser.storage.local.set({ [ROUND_KEY]: { startedAt: newRound ? now : r.startedAt, keys } });
  return ticket;
}

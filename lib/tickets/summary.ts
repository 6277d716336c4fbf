/**
 * The open queue: every open ticket in exactly one section, with the counts the toolbar, the popup header and
 * the overview show. Pure. Every state comes from state() (lib/tickets/state.ts), so the surfaces agree by
 * construction: the toolbar badge is built from this summary's `counts`.
 */
import type { Platform, Ticket } from '../model/ticket';
// From the zod-free core: the popup's early first-rows script summarises too (components/popup/early.ts).
import { shopKey } from '../model/ticket-core';
import type { Tier } from '../sla/types';
import {
  countState,
  state,
  zeroCounts,
  type SetAside,
  type StateCounts,
  type StateSettings,
  type TicketState,
} from './state';

export interface SummaryItem {
  ticket: Ticket;
  tier: Tier;
  informational: boolean;
  st: TicketState;
}

/** The popup's sections, in display order. Their lengths sum to `counts.open`. */
export const SECTIONS = [
  'overdue',
  'soon',
  'laterToday',
  'later',
  'noDeadline',
  'waiting',
  'unseen',
  'setAside',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export type Summary = Record<SectionId, SummaryItem[]> & {
  /** Totals over every open ticket given. */
  counts: StateCounts;
  /** Per platform and per shop (`platform:shopId`), the same counts. */
  byPlatform: Map<Platform, StateCounts>;
  byShop: Map<string, StateCounts>;
  /** Open tickets given (= counts.open): every one of them is in a section. */
  open: number;
};

/** Which section a state goes to. */
export function sectionOf(s: TicketState): SectionId {
  switch (s.state) {
    case 'overdue':
      return 'overdue';
    case 'due-soon':
      return 'soon';
    case 'later':
      return s.dueToday ? 'laterToday' : 'later';
    case 'waiting':
      return 'waiting';
    default:
      return s.why === 'unseen' ? 'unseen' : s.why === 'set-aside' ? 'setAside' : 'noDeadline';
  }
}

/**
 * `tickets` must be open tickets (openTickets()); muted shops are left out of the alerts, not the counts.
 * `setAside`: ticket key → the merchant's 已在别处处理 mark (lib/tickets/marks.ts).
 */
export function summarize(
  tickets: readonly Ticket[],
  settings: StateSettings,
  now: number,
  setAside: ReadonlyMap<string, SetAside> = new Map(),
): Summary {
  const s = emptySummary();
  for (const ticket of tickets) addTicket(s, ticket, settings, now, setAside);
  return finish(s);
}

/** Open tickets summarised per slice by summarizeInSlices: a few ms each on this machine. */
export const SUMMARY_SLICE = 2000;

/**
 * summarize() over a large open set without one long task: SUMMARY_SLICE tickets per task, yielding between
 * slices (the popup with 50,000 stored: one pass over ~32,000 open tickets took 30–60 ms in one task every time
 * `now` moved). Resolves to undefined when `cancelled()` turns true meanwhile (a newer pass replaced it).
 */
export async function summarizeInSlices(
  tickets: readonly Ticket[],
  settings: StateSettings,
  now: number,
  setAside: ReadonlyMap<string, SetAside>,
  cancelled: () => boolean,
  yieldNow: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<Summary | undefined> {
  const s = emptySummary();
  for (let i = 0; i < tickets.length; i += SUMMARY_SLICE) {
    if (i > 0) await yieldNow();
    if (cancelled()) return undefined;
    const end = Math.min(tickets.length, i + SUMMARY_SLICE);
    for (let j = i; j < end; j++) addTicket(s, tickets[j]!, settings, now, setAside);
  }
  await yieldNow();
  return cancelled() ? undefined : finish(s);
}

function emptySummary(): Summary {
  return {
    overdue: [],
    soon: [],
    laterToday: [],
    later: [],
    noDeadline: [],
    waiting: [],
    unseen: [],
    setAside: [],
    counts: zeroCounts(),
    byPlatform: new Map(),
    byShop: new Map(),
    open: 0,
  };
}

function addTicket(
  s: Summary,
  ticket: Ticket,
  settings: StateSettings,
  now: number,
  setAside: ReadonlyMap<string, SetAside>,
): void {
  const mark = setAside.get(ticket.key);
  const st = state(ticket, settings, now, mark ? { setAside: mark } : {});
  if (st.why === 'finished') return;
  countState(s.counts, st);
  let p = s.byPlatform.get(ticket.platform);
  if (!p) s.byPlatform.set(ticket.platform, (p = zeroCounts()));
  countState(p, st);
  const sk = shopKey(ticket.platform, ticket.shopId);
  let sh = s.byShop.get(sk);
  if (!sh) s.byShop.set(sk, (sh = zeroCounts()));
  countState(sh, st);
  s[sectionOf(st)].push({ ticket, tier: st.tier, informational: st.why === 'informational', st });
}

function finish(s: Summary): Summary {
  s.open = s.counts.open;
  const byDue = (a: SummaryItem, b: SummaryItem) =>
    (a.ticket.dueAt ?? Infinity) - (b.ticket.dueAt ?? Infinity) || (a.ticket.key < b.ticket.key ? -1 : 1);
  for (const id of SECTIONS) if (id !== 'noDeadline') s[id].sort(byDue);
  s.noDeadline.sort((a, b) => b.ticket.lastSeenAt - a.ticket.lastSeenAt || (a.ticket.key < b.ticket.key ? -1 : 1));
  return s;
}

/** The queue in working order: what needs the merchant first (used by "next ticket" and ↓). */
export const WORK_ORDER: readonly SectionId[] = ['overdue', 'soon', 'laterToday', 'later', 'noDeadline'];

/** The most urgent ticket the merchant owns, skipping `skip` (opened this round); undefined when none. */
export function nextTicket(s: Summary, skip: ReadonlySet<string> = new Set()): Ticket | undefined {
  for (const id of WORK_ORDER) for (const i of s[id]) if (!skip.has(i.ticket.key)) return i.ticket;
  return undefined;
}

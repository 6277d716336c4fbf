/**
 * "Go on to the next ticket", for the browser command (Alt+Shift+N) and the page's 下一个 → control: the most
 * urgent ticket the merchant owns that was not opened this round, opened or focused. Runs in the worker.
 */
import type { RadarDb } from '../db/schema';
import { openTickets } from '../db/tickets-repo';
import type { Settings } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { openOrFocus } from '../tabs';
import type { Platform } from '../model/ticket';
import { loadSetAside } from './marks';
import { takeNext } from './round';
import { summarize } from './summary';

export interface NextDeps {
  db: RadarDb;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Opens or focuses a URL (lib/tabs openOrFocus; replaced in tests). */
  open?: (url: string, platform?: Platform) => Promise<void>;
}

/** Opens the next ticket; `undefined` when the queue is empty. */
export async function openNextTicket(deps: NextDeps): Promise<Ticket | undefined> {
  const now = deps.now();
  const [tickets, settings, setAside] = await Promise.all([openTickets(deps.db), deps.settings(), loadSetAside()]);
  const next = await takeNext(summarize(tickets, settings, now, setAside), now);
  if (next) await (deps.open ?? openOrFocus)(next.url, next.platform);
  return next;
}

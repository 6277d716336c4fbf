/**
 * Keeps stored deadlines in step with the rule table. Rule deadlines are computed at ingest and stored
 * (`dueAt`, `dueSource`), so after the merchant edits a rule on the options page (or imports a backup),
 * open tickets still carry deadlines of the old rules until they are recomputed here.
 *
 * Wire it to settings changes in the background, e.g.
 * `watchSettings((s) => void onSettingsChanged(s).then((n) => n && onTicketsChanged()))`.
 */
import { db as defaultDb, type RadarDb } from '@/lib/db/schema';
import { recomputeDeadlines } from '@/lib/db/tickets-repo';
import type { Settings } from '@/lib/model/settings';

export interface SettingsSyncDeps {
  db?: RadarDb | undefined;
  log?: ((message: string, error: unknown) => void) | undefined;
}

/**
 * The rules last recomputed for, as JSON. Module state is lost when MV3 stops the worker; the first change
 * after a restart then recomputes once more, which is harmless (recomputeDeadlines writes only moved rows).
 */
let lastRulesJson: string | undefined;
/** Serialises runs: two quick saves must not recompute concurrently and finish out of order. Never rejects. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Called with the new settings (and the old ones when the caller has them, as `storage.watch` does).
 * Recomputes open tickets' rule deadlines when `rules` changed, compared as JSON; tiers, notifications and
 * other settings do not move a deadline and are ignored.
 * @returns how many tickets got a new deadline (0 when the rules did not change or the write failed, which is logged)
 */
export function onSettingsChanged(
  next: Settings,
  prev?: Settings | null,
  deps: SettingsSyncDeps = {},
): Promise<number> {
  const nextJson = JSON.stringify(next.rules);
  const prevJson = prev ? JSON.stringify(prev.rules) : lastRulesJson;
  if (prevJson === nextJson) {
    lastRulesJson = nextJson;
    return Promise.resolve(0);
  }
  lastRulesJson = nextJson;
  const log = deps.log ?? ((m: string, err: unknown) => console.warn('[ticket-radar]', m, err));
  const settled = queue
    .then(() => recomputeDeadlines(deps.db ?? defaultDb(), next.rules))
    .catch((e: unknown) => {
      // Forget the rules so the next change retries; callers `void` this promise, so never reject.
      if (lastRulesJson === nextJson) lastRulesJson = undefined;
      log('recompute deadlines', e);
      return 0;
    });
  queue = settled;
  return settled;
}

/** Forgets the remembered rules (tests). */
export function resetSettingsSync(): void {
  lastRulesJson = undefined;
  queue = Promise.resolve();
}

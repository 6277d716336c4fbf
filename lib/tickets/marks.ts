/**
 * The merchant's marks on tickets, kept in `browser.storage.local` (never on the ticket rows, so a read of a
 * page can never lose one and a mark can never hide a row): `已在别处处理` (set aside) per ticket key.
 * A set-aside mark lapses by itself once a later read shows the ticket still open or its deadline moves
 * (setAsideHolds in state.ts); marks older than {@link MARK_TTL_MS} are dropped when the next one is written.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { SetAside } from './state';

export const SET_ASIDE_KEY = 'ticket-radar:set-aside';
export const MARK_TTL_MS = 30 * 24 * 3600_000;

const SetAsideSchema = z.record(z.string(), z.object({ at: z.number(), dueAt: z.number().optional() }));

/** Set-aside marks by ticket key; a damaged value reads as none. */
export async function loadSetAside(): Promise<Map<string, SetAside>> {
  const raw = (await browser.storage.local.get(SET_ASIDE_KEY))[SET_ASIDE_KEY];
  const parsed = SetAsideSchema.safeParse(raw ?? {});
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

/** Sets a ticket aside (`dueAt` = its deadline now), or clears the mark with `mark` undefined. */
export async function setAside(key: string, mark: SetAside | undefined, now: number): Promise<void> {
  const all = Object.fromEntries(await loadSetAside());
  for (const [k, v] of Object.entries(all)) if (v.at < now - MARK_TTL_MS) delete all[k];
  if (mark) all[key] = mark;
  else delete all[key];
  await browser.storage.local.set({ [SET_ASIDE_KEY]: all });
}

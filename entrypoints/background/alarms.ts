/**
 * Alarms and the toolbar badge. Foundation version: the toolbar badge counts overdue / due-soon tickets;
 * deadline notifications arrive with the alarms issue.
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/schema';
import { openTickets } from '@/lib/db/tickets-repo';
import { loadSettings } from '@/lib/settings/store';
import { badgeFor } from '@/lib/background/badge';

const SWEEP = 'ticket-radar:sweep';

export async function refreshBadge(now = Date.now()): Promise<void> {
  const [tickets, settings] = await Promise.all([openTickets(db()), loadSettings()]);
  const b = badgeFor(tickets, settings, now);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: b.text });
  await action.setBadgeBackgroundColor({ color: b.color });
  await action.setTitle({ title: b.title });
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Coalesces bursts of ingests (a page refresh sends several batches) into one refresh. */
export function onTicketsChanged(): void {
  clearTimeout(pending);
  pending = setTimeout(() => void refreshBadge().catch((e) => console.warn('[ticket-radar] badge', e)), 250);
}

export function registerAlarmListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP) void refreshBadge();
  });
  const ensure = () => {
    void browser.alarms.create(SWEEP, { periodInMinutes: 0.5 });
    void refreshBadge();
  };
  browser.runtime.onStartup.addListener(ensure);
  browser.runtime.onInstalled.addListener(ensure);
}

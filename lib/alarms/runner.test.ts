import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RadarDb } from '../db/schema';
import type { Settings } from '../model/settings';
import type { Ticket } from '../model/ticket';
import { BADGE_AMBER, BADGE_RED } from '../background/badge';
import { BUTTON_OPEN, BUTTON_SNOOZE } from './notify';
import {
  ensureSweep,
  NEXT_ALARM,
  onNotificationButton,
  onNotificationClosed,
  openFromNotification,
  runAlerts,
  SNOOZE_MS,
  SWEEP_ALARM,
  type AlarmDeps,
} from './runner';
import { loadAlertLog, loadNotificationEntries, loadSnoozes, NOTIFICATION_KEY_PREFIX, TEST_PERIOD_KEY } from './state';
import { due, H, MIN, NOW, shop, withSettings } from './testing';

let db: RadarDb;
let clock = NOW;
let settings: Settings = withSettings();
const deps = (): AlarmDeps => ({ db, now: () => clock, settings: async () => settings, rich: true });
const notifications = async () =>
  fakeBrowser.notifications.getAll() as Promise<
    Record<string, { title: string; items?: { title: string; message: string }[] }>
  >;
const rgba = (hex: string) => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
  255,
];

beforeEach(async () => {
  fakeBrowser.reset();
  db = new RadarDb(`alarms-${Math.random().toString(36).slice(2)}`);
  clock = NOW;
  settings = withSettings();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function seed(tickets: Ticket[]) {
  await db.tickets.bulkPut(tickets);
  await db.shops.bulkPut([shop('s')]);
}

describe('runAlerts', () => {
  it('notifies a burst once, records it first, arms the next alarm and sets the badge', async () => {
    await seed([due('a', NOW + 10 * MIN), due('b', NOW + 30 * MIN), due('c', NOW + 5 * H)]);
    const out = await runAlerts(deps());
    expect(out.plan.due.map((a) => a.thresholdId)).toEqual(['before-600000', 'before-1800000']);

    const shown = await notifications();
    expect(Object.keys(shown)).toEqual([out.notificationId]);
    expect(shown[out.notificationId!]?.items?.map((i) => i.title)).toHaveLength(2);
    // Delivered, plus the earlier thresholds they supersede (marked sent, never shown).
    expect((await db.alerts.toArray()).map((r) => r.id).sort()).toEqual([
      'pdd:s:workorder:a|before-1800000',
      'pdd:s:workorder:a|before-600000',
      'pdd:s:workorder:a|before-7200000',
      'pdd:s:workorder:b|before-1800000',
      'pdd:s:workorder:b|before-7200000',
    ]);

    const next = await fakeBrowser.alarms.get(NEXT_ALARM);
    expect(next?.scheduledTime).toBe(NOW + 10 * MIN); // a at its deadline
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_AMBER));

    const entry = (await loadNotificationEntries()).get(out.notificationId!);
    expect(entry).toMatchObject({
      ticketKeys: ['pdd:s:workorder:a', 'pdd:s:workorder:b'],
      openUrl: due('a', 0).url,
      createdAt: NOW,
      crossedAt: [NOW, NOW],
    });
    expect(await loadAlertLog()).toEqual([
      {
        notificationId: out.notificationId,
        createdAt: NOW,
        alertIds: ['pdd:s:workorder:a|before-600000', 'pdd:s:workorder:b|before-1800000'],
        crossedAt: [NOW, NOW],
        late: [false, false],
      },
    ]);
  });

  it('never raises the same alert twice: later sweeps and a "restarted worker" with fresh deps add nothing', async () => {
    await seed([due('a', NOW + 10 * MIN)]);
    await runAlerts(deps());
    clock = NOW + 30_000;
    await runAlerts(deps());
    await runAlerts({ ...deps(), now: () => NOW + 60_000 });
    expect(Object.keys(await notifications())).toHaveLength(1);
    expect(await loadAlertLog()).toHaveLength(1);
    expect(await db.alerts.count()).toBe(3);
  });

  it('concurrent passes claim each threshold once', async () => {
    await seed([due('a', NOW + 10 * MIN), due('b', NOW - H)]);
    const outs = await Promise.all([runAlerts(deps()), runAlerts(deps()), runAlerts(deps())]);
    expect(outs.flatMap((o) => o.plan.due.map((a) => a.id)).sort()).toEqual([
      'pdd:s:workorder:a|before-600000',
      'pdd:s:workorder:b|overdue-1',
    ]);
    expect(Object.keys(await notifications())).toHaveLength(1);
  });

  it('delivers what passed while the browser was closed once on start, marked late', async () => {
    await seed([due('a', NOW + 10 * MIN)]);
    await runAlerts(deps());
    clock = NOW + 3 * H + 5 * MIN; // browser reopened
    const out = await runAlerts(deps());
    expect(out.plan.due).toMatchObject([{ thresholdId: 'overdue-2', late: true }]);
    const shown = await notifications();
    expect(shown[out.notificationId!]?.items?.[0]?.message).toContain('alertLate');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_RED));
    expect(await runAlerts(deps()).then((o) => o.notificationId)).toBeUndefined();
  });

  it('holds alerts in quiet hours and arms the alarm for the shift start', async () => {
    settings = withSettings(
      { overdueBreaksQuiet: false },
      { enabled: true, segments: [{ start: '11:00', end: '18:00' }], days: 'every' },
    );
    await seed([due('a', NOW + 20 * MIN)]);
    const out = await runAlerts(deps());
    expect(out.notificationId).toBeUndefined();
    expect(out.plan.heldUntil).toBe(NOW + H);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(NOW + H);
    clock = NOW + H;
    expect((await runAlerts(deps())).plan.due).toMatchObject([{ thresholdId: 'before-0', held: true, late: false }]);
  });

  it('skips muted shops and clears the named alarm when nothing is ahead', async () => {
    await seed([due('a', NOW + 10 * MIN)]);
    await db.shops.put(shop('s', { muted: true }));
    await fakeBrowser.alarms.create(NEXT_ALARM, { when: NOW + MIN });
    const out = await runAlerts(deps());
    expect(out.plan.due).toEqual([]);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
    expect(out.badge.text).toBe('1'); // the badge still counts it
  });

  it('drops sent rows of tickets closed a week ago', async () => {
    await seed([due('a', NOW + 10 * MIN, { status: 'done' })]);
    await db.alerts.bulkPut([
      { id: 'pdd:s:workorder:a|before-0', ticketKey: 'pdd:s:workorder:a', dueAt: NOW, sentAt: NOW - 8 * 24 * H },
      { id: 'pdd:s:workorder:a|before-600000', ticketKey: 'pdd:s:workorder:a', dueAt: NOW, sentAt: NOW - H },
    ]);
    await runAlerts(deps());
    expect((await db.alerts.toArray()).map((r) => r.id)).toEqual(['pdd:s:workorder:a|before-600000']);
  });
});

describe('notification clicks and buttons', () => {
  it('a click opens the most urgent ticket, or focuses a tab already on it', async () => {
    await seed([due('a', NOW + 30 * MIN), due('b', NOW + 10 * MIN)]);
    const { notificationId } = await runAlerts(deps());
    await openFromNotification(notificationId!);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(due('b', 0).url);
    expect(await notifications()).toEqual({});
    expect((await loadNotificationEntries()).size).toBe(0);

    const again = await runAlerts({ ...deps(), now: () => NOW + 10 * MIN }); // b at its deadline
    const before = (await fakeBrowser.tabs.query({})).length;
    await onNotificationButton(again.notificationId!, BUTTON_OPEN, deps());
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before); // focused, not opened again
  });

  it("a click opens a ticket's link only on its own platform's hosts", async () => {
    // A PDD ticket whose stored url (pages, backups: untrusted) names another marketplace's seller host.
    await seed([due('a', NOW + 10 * MIN, { url: 'https://fxg.jinritemai.com/ffa/morder/aftersale/list' })]);
    const { notificationId } = await runAlerts(deps());
    const before = await fakeBrowser.tabs.query({});
    await openFromNotification(notificationId!);
    expect(await fakeBrowser.tabs.query({})).toEqual(before);
    expect((await loadNotificationEntries()).size).toBe(0);
  });

  it('snooze holds the tickets 15 min, then delivers them again once, marked snoozed', async () => {
    await seed([due('a', NOW + 10 * MIN), due('b', NOW + 30 * MIN)]);
    const first = await runAlerts(deps());
    clock = NOW + MIN;
    await onNotificationButton(first.notificationId!, BUTTON_SNOOZE, deps());
    expect(await notifications()).toEqual({});
    expect(await loadSnoozes()).toEqual({
      'pdd:s:workorder:a': NOW + MIN + SNOOZE_MS,
      'pdd:s:workorder:b': NOW + MIN + SNOOZE_MS,
    });
    // The delivered alerts are forgotten (they will be delivered again); the superseded ones stay sent.
    expect((await db.alerts.toArray()).map((r) => r.id).sort()).toEqual([
      'pdd:s:workorder:a|before-1800000',
      'pdd:s:workorder:a|before-7200000',
      'pdd:s:workorder:b|before-7200000',
    ]);

    clock = NOW + 10 * MIN; // a's deadline passes during the snooze
    const during = await runAlerts(deps());
    expect(during.notificationId).toBeUndefined();
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(NOW + MIN + SNOOZE_MS);

    clock = NOW + MIN + SNOOZE_MS;
    const after = await runAlerts(deps());
    expect(after.plan.due.map((a) => [a.thresholdId, a.snoozed])).toEqual([
      ['before-0', true],
      ['before-1800000', true],
    ]);
    clock += 30_000;
    expect((await runAlerts(deps())).notificationId).toBeUndefined();
  });

  it('ignores foreign notification ids and forgets closed ones', async () => {
    await seed([due('a', NOW + 10 * MIN)]);
    const { notificationId } = await runAlerts(deps());
    await openFromNotification('someone-else');
    await onNotificationButton('someone-else', BUTTON_SNOOZE, deps());
    expect((await loadNotificationEntries()).size).toBe(1);
    await onNotificationClosed(notificationId!);
    expect((await loadNotificationEntries()).size).toBe(0);
    expect(
      Object.keys(await fakeBrowser.storage.local.get(null)).some((k) => k.startsWith(NOTIFICATION_KEY_PREFIX)),
    ).toBe(false);
  });
});

describe('ensureSweep', () => {
  it('creates a 30 s sweep, or the test override when set', async () => {
    await ensureSweep();
    expect((await fakeBrowser.alarms.get(SWEEP_ALARM))?.periodInMinutes).toBe(0.5);
    await fakeBrowser.storage.local.set({ [TEST_PERIOD_KEY]: 2000 });
    await ensureSweep();
    expect((await fakeBrowser.alarms.get(SWEEP_ALARM))?.periodInMinutes).toBeCloseTo(2000 / 60_000);
    await fakeBrowser.storage.local.set({ [TEST_PERIOD_KEY]: 5 }); // nonsense: ignored
    await ensureSweep();
    expect((await fakeBrowser.alarms.get(SWEEP_ALARM))?.periodInMinutes).toBe(0.5);
  });
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db/schema';
import { NEXT_ALARM, SWEEP_ALARM } from '@/lib/alarms/runner';
import { due, MIN } from '@/lib/alarms/testing';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { onTicketsChanged, registerAlarmListeners } from './alarms';

// The worker wiring with real time (Date.now) and fakeBrowser: listeners exist right after the synchronous
// registration, and every trigger re-plans through lib/alarms/runner.
/** fakeBrowser events have `hasListeners()` at runtime, but their types do not declare it. */
const hasListeners = (e: object): boolean => (e as { hasListeners?: () => boolean }).hasListeners?.() === true;
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

beforeAll(() => {
  fakeBrowser.reset();
  registerAlarmListeners();
});
beforeEach(async () => {
  await fakeBrowser.notifications
    .getAll()
    .then((all) => Promise.all(Object.keys(all).map((id) => fakeBrowser.notifications.clear(id))));
  await Promise.all([db().tickets.clear(), db().alerts.clear(), db().shops.clear()]);
});

describe('registerAlarmListeners', () => {
  it('registers alarm, lifecycle and notification listeners synchronously', () => {
    expect(hasListeners(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(hasListeners(fakeBrowser.runtime.onStartup)).toBe(true);
    expect(hasListeners(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(hasListeners(fakeBrowser.notifications.onClicked)).toBe(true);
    expect(hasListeners(fakeBrowser.notifications.onButtonClicked)).toBe(true);
  });

  it('a sweep or the named alarm re-plans; repeated alarms raise nothing twice', async () => {
    await db().tickets.put(due('a', Date.now() + 10 * MIN));
    await fakeBrowser.alarms.onAlarm.trigger({ name: SWEEP_ALARM, scheduledTime: Date.now() });
    expect(await shown()).toHaveLength(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: Date.now() });
    expect(await shown()).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      (await db().tickets.get('pdd:s:workorder:a'))?.dueAt,
    );
  });

  it('startup and install make sure the 30 s sweep exists and re-plan', async () => {
    await fakeBrowser.alarms.clear(SWEEP_ALARM);
    await db().tickets.put(due('b', Date.now() - 5 * MIN));
    await fakeBrowser.runtime.onStartup.trigger();
    await expect.poll(shown).toHaveLength(1);
    await expect.poll(async () => (await fakeBrowser.alarms.get(SWEEP_ALARM))?.periodInMinutes).toBe(0.5);
  });

  it('changed tickets re-plan after a short debounce; changed settings re-plan', async () => {
    await db().tickets.put(due('c', Date.now() + 30 * MIN));
    onTicketsChanged();
    onTicketsChanged();
    // One pass for the burst (1.5 s of quiet), so one notification.
    await expect.poll(shown, { timeout: 5000 }).toHaveLength(1);
    await db().tickets.put(due('d', Date.now() + 100 * MIN));
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        notifications: { ...DEFAULT_SETTINGS.notifications, thresholdsMs: [110 * MIN] },
      },
    });
    await expect.poll(shown).toHaveLength(2);
  });
});

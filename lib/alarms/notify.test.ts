import { describe, expect, it } from 'vitest';
import { buildNotification, leftText, MAX_ITEMS, spanText, type NotificationInput } from './notify';
import type { Alert } from './plan';
import { due, H, MIN, NOW, shop } from './testing';

// Outside an extension lib/i18n returns `key(subs)`: assertions are on keys and arguments, not wording.
const alert = (key: string, dueAt: number, over: Partial<Alert> = {}): Alert => ({
  id: `${key}|before-0`,
  ticketKey: key,
  thresholdId: 'before-0',
  dueAt,
  crossedAt: NOW,
  overdue: dueAt <= NOW,
  late: false,
  held: false,
  snoozed: false,
  ...over,
});

const a = due('a', NOW - H, { kind: 'refund', title: '买家申请仅退款', orderId: '240601-123456789012' });
const b = due('b', NOW + 10 * MIN, { kind: 'urge-ship', shopId: 't', key: 'pdd:t:b', shopName: '页面店名' });
const input = (over: Partial<NotificationInput> = {}): NotificationInput => ({
  alerts: [alert(a.key, a.dueAt!, { late: true }), alert(b.key, b.dueAt!)],
  tickets: new Map([a, b].map((t) => [t.key, t])),
  shops: new Map([[`pdd:s`, shop('s', { alias: '旗舰店' })]]),
  now: NOW,
  iconUrl: 'chrome-extension://x/icon/128.png',
  rich: true,
  ...over,
});

describe('spanText / leftText', () => {
  it('formats coarse spans', () => {
    expect(spanText(30_000)).toBe('spanUnderMinute');
    expect(spanText(10 * MIN)).toBe('spanMinutes(10)');
    expect(spanText(-(2 * H + 5 * MIN))).toBe('spanHours(2,5)');
    expect(spanText(27 * H)).toBe('spanDays(1,3)');
  });

  it('rounds time left up, overdue down, and calls ±1 min "due now"', () => {
    expect(leftText(NOW + 10 * MIN, NOW + 1500)).toBe('alertLeft(spanMinutes(10))');
    expect(leftText(NOW - 61 * MIN, NOW)).toBe('alertOverdueBy(spanHours(1,1))');
    expect(leftText(NOW + 30_000, NOW)).toBe('alertDueNow');
    expect(leftText(NOW - 30_000, NOW)).toBe('alertDueNow');
  });
});

describe('buildNotification', () => {
  it('builds one Chrome list notification: counts in the title, one item per ticket, buttons, most urgent opens', () => {
    const n = buildNotification(input());
    expect(n?.options).toEqual({
      type: 'list',
      iconUrl: 'chrome-extension://x/icon/128.png',
      title: 'alertTitleMixed(1,1)',
      message:
        'alertItemTitle(拼多多,旗舰店,kind_refund)：买家申请仅退款 · #…789012 · alertOverdueBy(spanHours(1,0)) · alertLate',
      items: [
        // Platform, shop and kind; then title, short order number and time late: alike lines differ.
        {
          title: 'alertItemTitle(拼多多,旗舰店,kind_refund)',
          message: '买家申请仅退款 · #…789012 · alertOverdueBy(spanHours(1,0)) · alertLate',
        },
        { title: 'alertItemTitle(拼多多,页面店名,kind_urge_ship)', message: 't · alertLeft(spanMinutes(10))' },
      ],
      buttons: [{ title: 'alertOpen' }, { title: 'alertSnooze' }],
      priority: 2,
      requireInteraction: true,
    });
    expect(n?.openKey).toBe(a.key);
    expect(n?.openUrl).toBe(a.url);
    expect(n?.ticketKeys).toEqual([a.key, b.key]);
  });

  it('falls back to a basic notification (Firefox): text lines, no buttons', () => {
    const n = buildNotification(input({ rich: false, alerts: [alert(b.key, b.dueAt!, { held: true })] }));
    expect(n?.options).toEqual({
      type: 'basic',
      iconUrl: 'chrome-extension://x/icon/128.png',
      title: 'alertTitleSoon(1)',
      message: 'alertItemTitle(拼多多,页面店名,kind_urge_ship)：t · alertLeft(spanMinutes(10)) · alertHeld',
    });
  });

  it('lists at most MAX_ITEMS tickets and counts the rest', () => {
    const many = Array.from({ length: MAX_ITEMS + 3 }, (_, i) => due(`m${i}`, NOW + (i + 1) * MIN));
    const n = buildNotification(
      input({
        alerts: many.map((t) => alert(t.key, t.dueAt!, { snoozed: true })),
        tickets: new Map(many.map((t) => [t.key, t])),
      }),
    );
    expect(n?.options.title).toBe(`alertTitleSoon(${MAX_ITEMS + 3})`);
    expect(n?.options.items).toHaveLength(MAX_ITEMS + 1);
    expect(n?.options.items?.[0]?.message).toBe('t · alertLeft(spanMinutes(1)) · alertSnoozed');
    expect(n?.options.items?.at(-1)).toEqual({ title: 'alertMore(3)', message: '' });
    expect(n?.options.priority).toBe(1);
    expect(n?.options.requireInteraction).toBeUndefined();
    const basic = buildNotification(
      input({
        rich: false,
        alerts: many.map((t) => alert(t.key, t.dueAt!)),
        tickets: new Map(many.map((t) => [t.key, t])),
      }),
    );
    expect(basic?.options.message.split('\n')).toHaveLength(MAX_ITEMS + 1);
  });

  it('skips alerts of unknown tickets and builds nothing without any', () => {
    expect(buildNotification(input({ alerts: [alert('pdd:s:gone', NOW)] }))).toBeUndefined();
    expect(
      buildNotification(input({ alerts: [alert('pdd:s:gone', NOW), alert(b.key, b.dueAt!)] }))?.ticketKeys,
    ).toEqual([b.key]);
  });
});

// @vitest-environment happy-dom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { POPUP_VIEW_KEY } from '@/lib/tickets/popup-view';
import { SET_ASIDE_KEY } from '@/lib/tickets/marks';
import { SNOOZE_KEY } from '@/lib/alarms/state';
import { settingsItem } from '@/lib/settings/store';
import { certainRows, queueRows, wholeSections, type QueueRow } from '@/lib/tickets/queue';
import { summarize } from '@/lib/tickets/summary';
import { endOfBeijingDay } from '@/lib/tickets/state';
import type { Ticket } from '@/lib/model/ticket';
import { H, NOW, row } from './test-rows';
import { earlyPopup, earlyRows, earlyTicketRow } from './early';
import {
  EARLY_CONTEXT_KEY,
  EARLY_SOURCE_KEYS,
  SET_ASIDE_STORAGE_KEY,
  SETTINGS_STORAGE_KEY,
  SNOOZE_STORAGE_KEY,
  VIEW_STORAGE_KEY,
  earlyContext,
  earlySource,
  type EarlyContext,
} from './early-context';
import { knownTickets, type FirstRead } from './first-rows';
import { TicketRow } from './TicketRow';

const MIN = 60_000;
const settings = { tiers: DEFAULT_SETTINGS.tiers, rules: DEFAULT_SETTINGS.rules };
const ctx = (over: Partial<EarlyContext> = {}): EarlyContext => ({
  source: '',
  settings: {
    tiers: settings.tiers,
    rules: settings.rules.map((r) => ({ id: r.id, budgetMs: r.budgetMs, informational: r.informational })),
  },
  setAside: {},
  snoozed: {},
  view: { query: '', groupByShop: false, unfolded: [] },
  ...over,
});

/** The rows the whole read would show. */
const wholeRows = (tickets: Ticket[], c: EarlyContext, now: number): QueueRow[] =>
  queueRows(summarize(tickets, c.settings, now, new Map(Object.entries(c.setAside))), () => true, {
    groupByShop: c.view.groupByShop,
    unfolded: c.view.unfolded,
  });
const keyOf = (r: QueueRow) => (r.type === 'ticket' ? r.item.ticket.key : r.type === 'shop' ? r.key : r.id);

describe('the early rows are the rows the whole read shows', () => {
  it('uses the storage keys of the modules that own them', () => {
    expect(SET_ASIDE_STORAGE_KEY).toBe(SET_ASIDE_KEY);
    expect(SNOOZE_STORAGE_KEY).toBe(SNOOZE_KEY);
    expect(VIEW_STORAGE_KEY).toBe(POPUP_VIEW_KEY);
    expect(`local:${SETTINGS_STORAGE_KEY}`).toBe((settingsItem as unknown as { key: string }).key);
  });

  it('knows which sections a partial read holds whole', () => {
    const soonWindow = Math.max(
      settings.tiers.soonWithinMs,
      ...settings.rules.map((r) => r.budgetMs * settings.tiers.soonShare),
    );
    expect([...wholeSections(NOW - 1, NOW, settings)]).toEqual([]);
    expect([...wholeSections(NOW, NOW, settings)]).toEqual(['overdue']);
    expect(wholeSections(NOW + soonWindow, NOW, settings).has('soon')).toBe(true);
    expect(wholeSections(NOW + soonWindow - 1, NOW, settings).has('soon')).toBe(false);
    expect(wholeSections(endOfBeijingDay(NOW), NOW, settings).has('laterToday')).toBe(true);
    expect([...wholeSections(Infinity, NOW, settings)]).toEqual(['overdue', 'soon', 'laterToday', 'later']);
  });

  it('is a prefix of the whole read’s rows whatever was read, and its counts are the whole ones', () => {
    // Overdue, soon, later today and later tickets in two statuses, some waiting, unseen or undated.
    const all: Ticket[] = [];
    for (let i = 0; i < 400; i++)
      all.push(
        row(i, {
          status: i % 3 ? 'pending' : 'processing',
          ...(i % 11 === 5 ? {} : { dueAt: NOW + ((i * 37) % 200) * 10 * MIN - 30 * H }),
          ...(i % 13 === 4 ? { turn: 'buyer' as const } : {}),
          ...(i % 17 === 6 ? { unseenSince: NOW - H } : {}),
        }),
      );
    const c = ctx({
      setAside: { [all[8]!.key]: { at: NOW - MIN, ...(all[8]!.dueAt ? { dueAt: all[8]!.dueAt } : {}) } },
    });
    const whole = wholeRows(all, c, NOW);
    const dated = all.filter((t) => t.dueAt !== undefined).sort((a, b) => a.dueAt! - b.dueAt!);
    for (const n of [0, 10, 50, 120, 300, dated.length]) {
      // A read that holds every ticket due up to the n-th deadline, and a few later ones.
      const through = n === dated.length ? Infinity : n === 0 ? -Infinity : dated[n - 1]!.dueAt!;
      const read: FirstRead = { tickets: dated.slice(0, n + 5), through, shops: [] };
      const early = earlyRows(read, c, NOW)!;
      expect(early.map(keyOf)).toEqual(whole.slice(0, early.length).map(keyOf));
      for (const [i, r] of early.entries()) {
        const w = whole[i]!;
        if (r.type !== 'ticket' && w.type !== 'ticket' && !r.partial) expect(r.count).toBe(w.count);
      }
      if (n === dated.length) expect(early.filter((r) => r.type === 'ticket').length).toBeGreaterThan(100);
    }
  });

  it('shows a shop group of a partial section only up to its first shop', () => {
    const all = [
      row(1, { shopId: 'a', dueAt: NOW - 3 * H }),
      row(2, { shopId: 'b', dueAt: NOW - 2 * H }),
      row(3, { shopId: 'a', dueAt: NOW - H }),
    ];
    const c = ctx({ view: { query: '', groupByShop: true, unfolded: [] } });
    const read: FirstRead = { tickets: all.slice(0, 2), through: NOW - 2 * H, shops: [] };
    const early = earlyRows(read, c, NOW)!;
    expect(early.map(keyOf)).toEqual(['overdue', 'pdd:a', all[0]!.key]);
    expect(early.every((r) => r.type === 'ticket' || r.partial)).toBe(true);
  });

  it('shows nothing early while a search is typed (it needs the pinyin initials)', () => {
    const read: FirstRead = { tickets: [row(1, { dueAt: NOW - H })], through: Infinity, shops: [] };
    expect(earlyRows(read, ctx({ view: { query: 'tk', groupByShop: false, unfolded: [] } }), NOW)).toBeUndefined();
    expect(certainRows([], new Set())).toEqual([]);
  });
});

describe('the early context', () => {
  const raw = {
    settings: { a: 1 },
    [VIEW_STORAGE_KEY]: { query: '', groupByShop: false, unfolded: [], activeKey: 'x' },
  };
  it('is used only while the stored values are the ones it was made from', () => {
    const c = ctx({ source: earlySource(raw) });
    expect(earlyContext({ ...raw, [EARLY_CONTEXT_KEY]: c })).toEqual(c);
    // The cursor moving does not change it; a setting, a mark or a damaged value does.
    const moved = { ...raw, [VIEW_STORAGE_KEY]: { ...raw[VIEW_STORAGE_KEY], activeKey: 'y' } };
    expect(earlyContext({ ...moved, [EARLY_CONTEXT_KEY]: c })).toEqual(c);
    expect(earlyContext({ ...raw, settings: { a: 2 }, [EARLY_CONTEXT_KEY]: c })).toBeUndefined();
    expect(earlyContext({ ...raw, [SET_ASIDE_KEY]: { k: { at: 1 } }, [EARLY_CONTEXT_KEY]: c })).toBeUndefined();
    expect(earlyContext(raw)).toBeUndefined();
    expect(EARLY_SOURCE_KEYS).toHaveLength(4);
  });
  it('is refused when not shaped as written', () => {
    const source = earlySource(raw);
    const bad = ctx({ source, settings: { tiers: { soonWithinMs: 'x' }, rules: [] } as never });
    expect(earlyContext({ ...raw, [EARLY_CONTEXT_KEY]: bad })).toBeUndefined();
    expect(
      earlyContext({ ...raw, [EARLY_CONTEXT_KEY]: { ...ctx({ source }), snoozed: { k: 'soon' } } }),
    ).toBeUndefined();
  });
});

describe('the early DOM', () => {
  /** Tag, classes, text and the attributes tests and styles use, element by element. */
  const shape = (e: Element): string[] =>
    [e, ...e.getElementsByTagName('*')].map(
      (x) =>
        `${x.tagName}.${[...x.classList].join('.')}|${[
          'data-ticket-key',
          'data-due-at',
          'data-countdown',
          'data-new',
          'role',
          'aria-selected',
          'aria-hidden',
          'aria-label',
        ]
          .map((a) => x.getAttribute(a) ?? '')
          .join('|')}|${(x as HTMLElement).style.getPropertyValue('--plat')}|${[...x.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join('')}`,
    );

  it('writes a row as TicketRow renders it', () => {
    for (const tk of [
      row(1, { dueAt: NOW - 5 * MIN, orderId: '240000123456', buyer: 'b', newSince: NOW - H }),
      row(2, { dueAt: NOW + 20 * H }),
      row(3, {}),
    ]) {
      const sum = summarize([tk], settings, NOW);
      const r = queueRows(sum, () => true, { groupByShop: false, unfolded: ['noDeadline'] }).find(
        (x) => x.type === 'ticket',
      ) as Extract<QueueRow, { type: 'ticket' }>;
      const snoozedUntil = tk.nativeId === '2' ? NOW + H : undefined;
      const early = earlyTicketRow(r, '店', NOW, 'zh', snoozedUntil);
      const host = document.createElement('div');
      host.innerHTML = renderToStaticMarkup(
        createElement(TicketRow, {
          id: early.id,
          item: r.item,
          section: r.section,
          rules: DEFAULT_SETTINGS.rules,
          clock: DEFAULT_SETTINGS.merchantClock,
          now: NOW,
          locale: 'zh',
          shop: '店',
          active: false,
          expanded: false,
          snoozedUntil,
          onOpen: () => undefined,
          onSelect: () => undefined,
          onToggleActions: () => undefined,
        }),
      );
      expect(shape(early)).toEqual(shape(host.firstElementChild!));
    }
  });

  it('lays out the rows in view where the virtual list puts them, the list as tall as all of them', () => {
    const tickets = Array.from({ length: 30 }, (_, i) => row(i, { dueAt: NOW - (30 - i) * MIN }));
    const read: FirstRead = { tickets, through: Infinity, shops: [] };
    const popup = earlyPopup(read, ctx(), NOW)!;
    const vrows = [...popup.getElementsByClassName('vrow')] as HTMLElement[];
    expect(vrows[0]!.dataset.section).toBe('overdue');
    expect(vrows[1]!.style.transform).toBe('translateY(30px)');
    expect(vrows.length).toBe(1 + Math.ceil((380 - 30) / 54));
    expect((popup.getElementsByClassName('queue')[0]!.firstElementChild as HTMLElement).style.height).toBe(
      `${30 + 30 * 54}px`,
    );
    expect(knownTickets(read)).toHaveLength(30);
    expect(earlyPopup({ tickets: [], through: Infinity, shops: [] }, ctx(), NOW)).toBeUndefined();
  });
});

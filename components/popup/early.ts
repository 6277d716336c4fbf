/**
 * The popup's first rows written before its modules have run (entrypoints/popup-first-rows.ts, a small classic
 * script): Chromium takes ~70–100 ms to give an extension page its first script here, and React with the
 * popup's modules took ~25 ms more to commit a row after the read. So the early script writes the rows itself,
 * as plain DOM in the same markup, classes and positions as the React popup's first render, and the React
 * popup takes over in its first commit (Popup.tsx removes #early, keeping scroll and focus).
 *
 * Rows are written only when they are right: every state from state() with the validated settings and marks
 * (early-context.ts), and only the rows the whole read would show the same (certainRows). When that cannot be
 * told (no context yet, a setting changed since, a search typed: it needs the pinyin initials) nothing is
 * written and the React popup shows the rows as before.
 */
import { kindKey, platformName, t, uiLocale } from '@/lib/i18n';
import { marketplaceColour } from '@/lib/adapters/catalog';
import { isMarkedNew, PLATFORMS, shopKey, TICKET_KINDS } from '@/lib/model/ticket-core';
import { browser } from 'wxt/browser';
import { matches, shortOrder } from '@/lib/tickets/filter';
import { certainRows, queueRows, wholeSections, type QueueRow } from '@/lib/tickets/queue';
import { summarize } from '@/lib/tickets/summary';
import { beijingHourMinute } from '@/lib/time/light';
import { countdownText } from './countdown';
import { EARLY_CONTEXT_KEY, EARLY_SOURCE_KEYS, earlyContext, type EarlyContext } from './early-context';
import { EARLY_EVENT, EARLY_GLOBAL } from './early-global';
import { EARLY_ID } from './early-id';
import { knownTickets, startFirstRows, type FirstRead } from './first-rows';
import {
  cssId,
  FOLDING,
  HEAD_HEIGHT,
  QUEUE_BOX,
  ROW_HEIGHT,
  SECTION_TITLE,
  shopLabelOf,
  STATE_MARK,
  stateWord,
} from './row-parts';

const noInitials = () => '';

/** The rows the popup's first render shows for `read` (the same in Popup.tsx), or undefined when unsure. */
export function earlyRows(read: FirstRead, ctx: EarlyContext, now: number): QueueRow[] | undefined {
  // Search matches shop labels and the pinyin initials (loaded later): left to the React popup.
  if (ctx.view.query.trim() !== '') return undefined;
  const setAside = new Map(Object.entries(ctx.setAside));
  const sum = summarize(knownTickets(read), ctx.settings, now, setAside);
  const rows = queueRows(sum, (i) => matches(i.ticket, ctx.view, () => '', noInitials), {
    groupByShop: ctx.view.groupByShop,
    unfolded: ctx.view.unfolded,
  });
  return certainRows(rows, wholeSections(read.through, now, ctx.settings));
}

type Child = Node | string | false | undefined;
function el(tag: string, attrs: Record<string, string | number | undefined>, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  for (const c of children) if (c !== false && c !== undefined) e.append(c);
  return e;
}

function option(value: string, label: string, selected: string): HTMLElement {
  const o = el('option', { value }, label) as HTMLOptionElement;
  if (value === selected) o.selected = true;
  return o;
}

/** One ticket row: TicketRow.tsx's markup for a row not active, not expanded (early-dom.test.ts compares). */
export function earlyTicketRow(
  r: Extract<QueueRow, { type: 'ticket' }>,
  shop: string,
  now: number,
  locale: 'zh' | 'en',
  snoozedUntil: number | undefined,
): HTMLElement {
  const { ticket, tier } = r.item;
  const due = ticket.dueAt;
  const order = shortOrder(ticket.orderId);
  const word = stateWord(r.section);
  const mark = STATE_MARK[tier];
  const plat = el('span', { class: 'plat' }, platformName(ticket.platform));
  plat.style.setProperty('--plat', marketplaceColour(ticket.platform));
  const snoozed = snoozedUntil !== undefined && snoozedUntil > now ? snoozedUntil : undefined;
  return el(
    'div',
    {
      id: `row-${cssId(ticket.key)}`,
      role: 'option',
      'aria-selected': 'false',
      class: `row tier-${tier}`,
      'data-ticket-key': ticket.key,
      'data-due-at': due ?? '',
    },
    el(
      'div',
      { class: 'main' },
      el(
        'div',
        { class: 'line1' },
        plat,
        el('span', { class: 'shop' }, shop),
        el('span', { class: 'kind' }, t(kindKey(ticket.kind))),
        isMarkedNew(ticket) && el('span', { class: 'tag tag-new', 'data-new': '' }, t('popupNewMark')),
        r.item.informational && el('span', { class: 'tag' }, t('popupInformational')),
        el(
          'span',
          { class: `left tier-${tier}` },
          mark && el('span', { class: 'mark', 'aria-hidden': 'true' }, `${mark} `),
          word && el('span', { class: 'sr-only' }, `${word} `),
          due === undefined ? t('badgeNone') : el('span', { 'data-countdown': due }, countdownText(due, now, locale)),
        ),
      ),
      el(
        'div',
        { class: 'line2' },
        el('span', { class: 'title' }, ticket.title),
        ticket.buyer && el('span', { class: 'buyer' }, ticket.buyer),
        order && el('span', { class: 'order' }, `#${order}`),
        snoozed !== undefined && el('span', { class: 'tag' }, t('popupSnoozedUntil', beijingHourMinute(snoozed))),
      ),
    ),
    el('button', { class: 'more', 'aria-expanded': 'false', 'aria-label': t('popupActions'), tabindex: -1 }, '⋯'),
  );
}

function header(r: Exclude<QueueRow, { type: 'ticket' }>, shopLabel: (key: string) => string): HTMLElement {
  const count = (n: number, partial: boolean | undefined) => !partial && el('span', { class: 'count' }, String(n));
  if (r.type === 'shop') return el('h3', { class: 'shop-head' }, `${shopLabel(r.key)} `, count(r.count, r.partial));
  const title = t(SECTION_TITLE[r.id]);
  return el(
    'h2',
    { class: `sec sec-${r.id}` },
    ...(r.folded || FOLDING.includes(r.id)
      ? [
          el(
            'button',
            { class: 'link', 'aria-expanded': String(!r.folded) },
            `${r.folded ? '▸' : '▾'} ${title} `,
            count(r.count, r.partial),
          ),
        ]
      : [`${title} `, count(r.count, r.partial)]),
  );
}

/**
 * The popup as its first React render lays it out (Popup.tsx: header, filters, the list, the key hints), with
 * the rows in view. Returns undefined when there is no ticket row to show.
 */
export function earlyPopup(read: FirstRead, ctx: EarlyContext, now: number): HTMLElement | undefined {
  const rows = earlyRows(read, ctx, now);
  if (!rows?.some((r) => r.type === 'ticket')) return undefined;
  const locale = uiLocale();
  const v = ctx.view;
  const shops = new Map(read.shops.map((s) => [s.key, s]));
  const shopLabel = shopLabelOf(shops, knownTickets(read));
  const list = el('div', {});
  let top = 0;
  // The rows in view, as the virtual list places them (translateY), and the list's whole height below them.
  for (const [i, r] of rows.entries()) {
    const h = r.type === 'ticket' ? ROW_HEIGHT : HEAD_HEIGHT;
    if (top < QUEUE_BOX.height) {
      const section = r.type === 'shop' ? undefined : r.type === 'ticket' ? r.section : r.id;
      const child =
        r.type === 'ticket'
          ? earlyTicketRow(
              r,
              shopLabel(shopKey(r.item.ticket.platform, r.item.ticket.shopId)),
              now,
              locale,
              ctx.snoozed[r.item.ticket.key],
            )
          : header(r, shopLabel);
      const vrow = el('div', { 'data-index': i, class: 'vrow', 'data-section': section }, child);
      vrow.style.transform = `translateY(${top}px)`;
      list.append(vrow);
    }
    top += h;
  }
  list.style.height = `${top}px`;
  list.style.position = 'relative';
  const search = el('input', { type: 'search', 'aria-label': t('popupSearch'), placeholder: t('popupSearch') });
  const box = el('input', { type: 'checkbox' }) as HTMLInputElement;
  box.checked = v.groupByShop;
  return el(
    'main',
    { class: 'popup', id: EARLY_ID },
    el(
      'header',
      {},
      el('img', { src: '/icon/32.png', alt: '', width: 20, height: 20 }),
      el('h1', {}, t('popupTitle')),
      el('button', { class: 'link' }, t('popupOptions')),
    ),
    el(
      'div',
      { class: 'filters', role: 'search' },
      search,
      el(
        'select',
        { 'aria-label': t('popupFilterPlatform') },
        option('', t('popupAllPlatforms'), v.platform ?? ''),
        ...PLATFORMS.map((p) => option(p, platformName(p), v.platform ?? '')),
      ),
      el(
        'select',
        { 'aria-label': t('popupFilterShop') },
        option('', t('popupAllShops'), v.shop ?? ''),
        ...read.shops
          .filter((s) => !v.platform || s.platform === v.platform)
          .map((s) => option(s.key, shopLabel(s.key), v.shop ?? '')),
      ),
      el(
        'select',
        { 'aria-label': t('popupFilterKind') },
        option('', t('popupAllKinds'), v.kind ?? ''),
        ...TICKET_KINDS.map((k) => option(k, t(kindKey(k)), v.kind ?? '')),
      ),
      el('label', { class: 'group' }, box, t('popupGroupByShop')),
    ),
    el('div', { class: 'queue', tabindex: 0, role: 'listbox', 'aria-label': t('popupQueue') }, list),
    el('p', { class: 'keys' }, t('popupKeys')),
  );
}

/** Reads the stored context the early rows need (one storage call, beside the IndexedDB read). */
function readContext(): Promise<EarlyContext | undefined> {
  try {
    return browser.storage.local
      .get([...EARLY_SOURCE_KEYS, EARLY_CONTEXT_KEY])
      .then((raw) => earlyContext(raw))
      .catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

/**
 * The early script's work: the first read and the context, then the rows into popup.html's body before
 * #root, when they can be told right. Marks `ticket-radar:popup-first-row` when a ticket row is in.
 */
export function startEarly(): Promise<boolean> {
  performance.mark('ticket-radar:popup-early-start');
  const g = globalThis as Record<string, unknown>;
  const done = Promise.all([startFirstRows(), readContext()]).then(([read, ctx]) => {
    if (!ctx) return false;
    const root = document.getElementById('root');
    // The module has not rendered yet (it waits for this promise), but never write over a popup on screen.
    if (!root || root.childElementCount > 0) return false;
    const popup = earlyPopup(read, ctx, Date.now());
    if (!popup) return false;
    root.before(popup);
    performance.mark('ticket-radar:popup-first-row');
    return true;
  });
  g[EARLY_GLOBAL] = done.catch(() => false);
  dispatchEvent(new Event(EARLY_EVENT));
  return done;
}

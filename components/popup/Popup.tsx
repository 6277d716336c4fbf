import { browser } from 'wxt/browser';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { kindKey, platformName, t, uiLocale } from '@/lib/i18n';
import { PLATFORMS, TICKET_KINDS, shopKey, type Ticket } from '@/lib/model/ticket';
import { summarize, summarizeInSlices, SUMMARY_SLICE, type SectionId, type Summary } from '@/lib/tickets/summary';
import { matches } from '@/lib/tickets/filter';
import { loadSetAside, SET_ASIDE_KEY } from '@/lib/tickets/marks';
import { DEFAULT_VIEW, loadPopupView, savePopupView, type PopupView } from '@/lib/tickets/popup-view';
import { certainRows, queueRows, stepTicket, wholeSections, type QueueRow } from '@/lib/tickets/queue';
import { markOpened } from '@/lib/tickets/round';
import type { SetAside } from '@/lib/tickets/state';
import type { Settings } from '@/lib/model/settings';
import { loadSnoozes, SNOOZE_KEY } from '@/lib/alarms/state';
import { allowedTicketUrl, openOrFocus } from '@/lib/tabs';
import { useNow } from '../common/use-now';
import { useSettings } from '../common/use-settings';
import { Counts } from './Counts';
import { FirstRun } from './FirstRun';
import { FreshnessSummary, useShopFreshness } from './FreshnessSummary';
import { TicketRow } from './TicketRow';
import { useCountdownTicker } from './use-countdown-ticker';
import { useInitials } from './use-initials';
import { useQueueData, type QueueData } from './use-queue-data';
import type { FirstRead } from './first-rows';
import { EARLY_ID } from './early-id';
import { refreshEarlyContext } from './early-context-write';
import { cssId, FOLDING, HEAD_HEIGHT, QUEUE_BOX, ROW_HEIGHT, SECTION_TITLE, shopLabelOf } from './row-parts';

let earlyView: Promise<PopupView> | undefined;
/** The remembered view, read as early as the first rows (see prefetchFirstRows). */
export const prefetchPopupView = (): Promise<PopupView> => (earlyView ??= loadPopupView().catch(() => DEFAULT_VIEW));

export { shopLabelOf };

/** Storage-backed marks the popup shows: set aside and snoozed, kept current while open. */
export interface Marks {
  setAside: Map<string, SetAside>;
  snoozed: Record<string, number>;
}
let earlyMarks: Promise<Marks> | undefined;
/** The marks, read before the first render (main.tsx), so its rows are in their sections from the start. */
export const prefetchMarks = (): Promise<Marks> =>
  (earlyMarks ??= Promise.all([loadSetAside(), loadSnoozes()]).then(([setAside, snoozed]) => ({ setAside, snoozed })));

function useMarks(initial?: Marks): Marks {
  const [marks, setMarks] = useState<Marks>(
    initial ?? { setAside: new Map<string, SetAside>(), snoozed: {} as Record<string, number> },
  );
  useEffect(() => {
    const load = () =>
      void Promise.all([loadSetAside(), loadSnoozes()]).then(([setAside, snoozed]) => setMarks({ setAside, snoozed }));
    load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SET_ASIDE_KEY in changes || SNOOZE_KEY in changes)) load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return marks;
}

/**
 * The queue's summary, kept current. A small set (the first rows) is summarised in the render; a large one in
 * slices (summarizeInSlices) while the last summary stays on screen, so neither a new read of the open set nor
 * `now` moving (every 15 s) is one long task over every open ticket. `complete`: made from the whole open set.
 */
function useSummary(
  data: QueueData | undefined,
  settings: Settings,
  now: number,
  setAside: ReadonlyMap<string, SetAside>,
): { summary: Summary; complete: boolean } | undefined {
  const small = data !== undefined && data.tickets.length <= SUMMARY_SLICE;
  const inRender = useMemo(
    () =>
      data && small
        ? { summary: summarize(data.tickets, settings, now, setAside), complete: data.complete }
        : undefined,
    [data, small, settings, now, setAside],
  );
  const [sliced, setSliced] = useState<{ summary: Summary; complete: boolean }>();
  useEffect(() => {
    if (!data || small) return;
    let cancelled = false;
    void summarizeInSlices(data.tickets, settings, now, setAside, () => cancelled).then(
      (summary) => summary && !cancelled && setSliced({ summary, complete: data.complete }),
    );
    return () => {
      cancelled = true;
    };
  }, [data, small, settings, now, setAside]);
  // Until a sliced pass is done, the last summary (the first rows' one) stays on screen: state derived in
  // render, which React re-renders at once without committing the stale value.
  if (inRender && sliced !== inRender) setSliced(inRender);
  return inRender ?? sliced;
}

/**
 * `first`, `view`, `settings`, `marks`: what main.tsx reads before the first render (it waits for them), so
 * the first commit already shows rows, in the states the early rows (early.ts) showed; without them the popup
 * reads them itself.
 */
export function Popup({
  first,
  view: initialView,
  settings: initialSettings,
  marks: initialMarks,
}: { first?: FirstRead; view?: PopupView; settings?: Settings; marks?: Marks } = {}) {
  const freshness = useShopFreshness();
  // A stale shop's tickets say how old their data is (issue 14).
  const staleSince = useMemo(
    () =>
      new Map(freshness.filter((f) => f.stale && f.lastReadAt !== undefined).map((f) => [f.shopKey, f.lastReadAt!])),
    [freshness],
  );
  const settings = useSettings(initialSettings);
  // States change on minute scales; the countdown text ticks in place (useCountdownTicker), not by re-render.
  const now = useNow(15_000);
  const data = useQueueData(first);
  const marks = useMarks(initialMarks);
  const [view, setView] = useState<PopupView | undefined>(initialView);
  const locale = uiLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [earlyScroll] = useState(
    () => document.getElementById(EARLY_ID)?.getElementsByClassName('queue')[0]?.scrollTop ?? 0,
  );
  const [active, setActive] = useState(-1);
  const [expanded, setExpanded] = useState<string>();

  useEffect(() => void (initialView ? undefined : prefetchPopupView().then(setView)), [initialView]);
  const update = useCallback((patch: Partial<PopupView>) => {
    setView((v) => {
      const next = { ...(v ?? DEFAULT_VIEW), ...patch };
      void savePopupView(next);
      return next;
    });
  }, []);

  const shops = useMemo(() => new Map((data?.shops ?? []).map((s) => [s.key, s])), [data?.shops]);
  const shopLabel = useMemo(() => shopLabelOf(shops, data?.tickets ?? []), [shops, data?.tickets]);
  const shown = useSummary(data, settings, now, marks.setAside);
  const sum = shown?.summary;
  // Counts only from a summary of the whole open set (the first rows are a hundred per status).
  const complete = shown?.complete === true;
  const v = view ?? DEFAULT_VIEW;
  const initialsOf = useInitials(v.query);
  const through = complete ? undefined : data?.through;
  const rows: QueueRow[] = useMemo(() => {
    if (!sum) return [];
    const all = queueRows(sum, (i) => matches(i.ticket, v, shopLabel, initialsOf), {
      groupByShop: v.groupByShop,
      unfolded: v.unfolded,
    });
    // Before the whole open set is read: only the rows it would show the same (the early rows' rule), so no
    // row moves and no count changes when it arrives, beyond rows and counts appearing.
    return through === undefined ? all : certainRows(all, wholeSections(through, now, settings));
  }, [sum, v, shopLabel, initialsOf, through, now, settings]);

  const itemKey = useCallback(
    (i: number) => {
      const r = rows[i]!;
      return r.type === 'ticket' ? r.item.ticket.key : r.type === 'shop' ? `shop|${r.key}|${i}` : r.id;
    },
    [rows],
  );
  // TanStack Virtual's instance is mutable by design; the compiler skips memoizing this component, which is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'ticket' ? ROW_HEIGHT : HEAD_HEIGHT),
    overscan: 6,
    // The list's box is fixed in popup.css (440 × 380): with it known up front the first render already has
    // rows, instead of an empty pass that waits for the element to be measured.
    initialRect: QUEUE_BOX,
    // Where the merchant had scrolled the early rows (the virtual list starts there instead of at the top).
    initialOffset: earlyScroll,
    // Stable while the rows are: TanStack Virtual recomputes every row's offset when getItemKey changes, which
    // with a new function per render meant a pass over the whole open set on each scroll frame.
    getItemKey: itemKey,
  });
  useCountdownTicker(scrollRef, locale);

  // Restore the row last worked on, once, when the rows first arrive.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !view || rows.length === 0 || !complete) return;
    restored.current = true;
    const i = view.activeKey ? rows.findIndex((r) => r.type === 'ticket' && r.item.ticket.key === view.activeKey) : -1;
    const start = i >= 0 ? i : stepTicket(rows, -1, 1);
    setActive(start);
    if (start > 0) virtual.scrollToIndex(start, { align: 'center' });
  }, [view, rows, complete, virtual]);

  // The first ticket row is in the DOM (layout effect: before paint): the popup's first-row figure
  // (entrypoints/popup/main.tsx, tests/e2e/popup.spec.ts).
  const firstRowMarked = useRef(false);
  const ticketInView = virtual.getVirtualItems().some((vi) => rows[vi.index]?.type === 'ticket');
  useLayoutEffect(() => {
    if (firstRowMarked.current || !ticketInView) return;
    firstRowMarked.current = true;
    // The early script's rows were the first (it marked then).
    if (!performance.getEntriesByName('ticket-radar:popup-first-row').length)
      performance.mark('ticket-radar:popup-first-row');
  }, [ticketInView]);

  // The early rows (early.ts) give way in this first commit, before it is painted: the same rows in the same
  // places, so nothing flashes; where the merchant had scrolled or put the focus carries over.
  useLayoutEffect(() => {
    const early = document.getElementById(EARLY_ID);
    if (!early) return;
    const queue = early.getElementsByClassName('queue')[0];
    const focused = document.activeElement;
    if (queue && scrollRef.current) scrollRef.current.scrollTop = queue.scrollTop;
    const searchFocused = focused instanceof HTMLInputElement && focused.type === 'search';
    const queueFocused = !!focused && !!queue?.contains(focused);
    early.remove();
    if (searchFocused) searchRef.current?.focus();
    else if (queueFocused) scrollRef.current?.focus();
  }, []);

  // What the next open's early rows need, validated here, once the whole set is on screen and whenever what
  // it is made of changed (written only then: early-context-write.ts).
  useEffect(() => {
    if (complete) void refreshEarlyContext().catch(() => undefined);
  }, [complete, settings, marks, view]);

  const activeRow = rows[active];
  const activeKey = activeRow?.type === 'ticket' ? activeRow.item.ticket.key : undefined;

  const open = (tk: Ticket, keepOpen = false) =>
    void markOpened(tk.key, Date.now())
      // Opened once: no longer marked new (issue 14); a failure here must not keep the ticket from opening.
      // The message client (its schemas, zod) loads on the first open, not before the first row.
      .then(() =>
        import('@/lib/messaging/client')
          .then(({ send }) => send({ type: 'tickets/opened', keys: [tk.key] }))
          .catch(() => undefined),
      )
      .then(() => savePopupView({ ...v, activeKey: tk.key }))
      .then(() =>
        keepOpen
          ? allowedTicketUrl(tk.url, tk.platform)
            ? browser.tabs.create({ url: tk.url, active: false }).then(() => undefined)
            : undefined
          : openOrFocus(tk.url, tk.platform),
      )
      .then(() => !keepOpen && window.close());

  const move = (to: number) => {
    if (to < 0 || to >= rows.length) return;
    setActive(to);
    virtual.scrollToIndex(to, { align: 'auto' });
    const r = rows[to];
    if (r?.type === 'ticket') update({ activeKey: r.item.ticket.key });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      move(stepTicket(rows, active, 1));
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      move(stepTicket(rows, active, -1));
    } else if (e.key === 'Home') {
      e.preventDefault();
      move(stepTicket(rows, -1, 1));
    } else if (e.key === 'Enter' && activeRow?.type === 'ticket') {
      e.preventDefault();
      open(activeRow.item.ticket, e.ctrlKey || e.metaKey);
    } else if ((e.key === 'a' || e.key === 'ContextMenu') && activeKey) {
      e.preventDefault();
      setExpanded((x) => (x === activeKey ? undefined : activeKey));
    }
  };
  const toggleSection = (id: SectionId) =>
    update({ unfolded: v.unfolded.includes(id) ? v.unfolded.filter((x) => x !== id) : [...v.unfolded, id] });

  const nothingRead = data?.complete && data.tickets.length === 0 && data.shops.length === 0;
  const shopOptions = [...shops.values()].filter((s) => !v.platform || s.platform === v.platform);

  return (
    <main className="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('popupTitle')}</h1>
        {sum && complete && (
          <span className="open" data-open-count={sum.open}>
            {t('popupOpenCount', sum.open)}
          </span>
        )}
        <button className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </header>
      {!sum || !view ? (
        <p className="empty" aria-busy="true">
          …
        </p>
      ) : nothingRead ? (
        <FirstRun />
      ) : (
        <>
          {complete && (
            <Counts summary={sum} shopLabel={shopLabel} onPick={(platform, shop) => update({ platform, shop })} />
          )}
          <FreshnessSummary list={freshness} />
          <div className="filters" role="search">
            <input
              ref={searchRef}
              type="search"
              aria-label={t('popupSearch')}
              placeholder={t('popupSearch')}
              value={v.query}
              onChange={(e) => update({ query: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  scrollRef.current?.focus();
                  if (active < 0 || rows[active]?.type !== 'ticket') move(stepTicket(rows, -1, 1));
                }
              }}
            />
            <select
              aria-label={t('popupFilterPlatform')}
              value={v.platform ?? ''}
              onChange={(e) =>
                update({ platform: (e.target.value || undefined) as PopupView['platform'], shop: undefined })
              }
            >
              <option value="">{t('popupAllPlatforms')}</option>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {platformName(p)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('popupFilterShop')}
              value={v.shop ?? ''}
              onChange={(e) => update({ shop: e.target.value || undefined })}
            >
              <option value="">{t('popupAllShops')}</option>
              {shopOptions.map((s) => (
                <option key={s.key} value={s.key}>
                  {shopLabel(s.key)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('popupFilterKind')}
              value={v.kind ?? ''}
              onChange={(e) => update({ kind: (e.target.value || undefined) as PopupView['kind'] })}
            >
              <option value="">{t('popupAllKinds')}</option>
              {TICKET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
            <label className="group">
              <input
                type="checkbox"
                checked={v.groupByShop}
                onChange={(e) => update({ groupByShop: e.target.checked })}
              />
              {t('popupGroupByShop')}
            </label>
          </div>
          {rows.length === 0 && complete && (
            <div className="empty" data-empty>
              <p>{v.query || v.platform || v.shop || v.kind ? t('popupNoMatch') : t('popupEmpty')}</p>
            </div>
          )}
          <div
            className="queue"
            ref={scrollRef}
            tabIndex={0}
            role="listbox"
            aria-label={t('popupQueue')}
            aria-activedescendant={activeKey ? `row-${cssId(activeKey)}` : undefined}
            onKeyDown={onKeyDown}
            onFocus={() => active < 0 && move(stepTicket(rows, -1, 1))}
          >
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((vi) => {
                const r = rows[vi.index]!;
                return (
                  <div
                    key={vi.key}
                    data-index={vi.index}
                    ref={virtual.measureElement}
                    className="vrow"
                    data-section={r.type === 'shop' ? undefined : r.type === 'ticket' ? r.section : r.id}
                    style={{ transform: `translateY(${vi.start}px)` }}
                  >
                    {r.type === 'section' ? (
                      <h2 className={`sec sec-${r.id}`}>
                        {r.folded || FOLDING.includes(r.id) ? (
                          <button className="link" aria-expanded={!r.folded} onClick={() => toggleSection(r.id)}>
                            {r.folded ? '▸' : '▾'} {t(SECTION_TITLE[r.id])}{' '}
                            {!r.partial && <span className="count">{r.count}</span>}
                          </button>
                        ) : (
                          <>
                            {t(SECTION_TITLE[r.id])} {!r.partial && <span className="count">{r.count}</span>}
                          </>
                        )}
                      </h2>
                    ) : r.type === 'shop' ? (
                      <h3 className="shop-head">
                        {shopLabel(r.key)} {!r.partial && <span className="count">{r.count}</span>}
                      </h3>
                    ) : (
                      <TicketRow
                        id={`row-${cssId(r.item.ticket.key)}`}
                        item={r.item}
                        section={r.section}
                        rules={settings.rules}
                        clock={settings.merchantClock}
                        now={now}
                        locale={locale}
                        shop={shopLabel(shopKey(r.item.ticket.platform, r.item.ticket.shopId))}
                        active={vi.index === active}
                        expanded={expanded === r.item.ticket.key}
                        snoozedUntil={marks.snoozed[r.item.ticket.key]}
                        setAside={marks.setAside.get(r.item.ticket.key)}
                        dataFrom={staleSince.get(shopKey(r.item.ticket.platform, r.item.ticket.shopId))}
                        onOpen={(tk, keep) => open(tk, keep)}
                        onSelect={() => setActive(vi.index)}
                        onToggleActions={() =>
                          setExpanded((x) => (x === r.item.ticket.key ? undefined : r.item.ticket.key))
                        }
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          <p className="keys">{t('popupKeys')}</p>
        </>
      )}
    </main>
  );
}

import { useEffect, useState } from 'react';
import { kindKey, platformName, platformStyle, t } from '@/lib/i18n';
import type { MerchantClock } from '@/lib/model/settings';
import type { Ticket } from '@/lib/model/ticket';
import { snoozeTickets } from '@/lib/alarms/state';
import { shortOrder } from '@/lib/tickets/filter';
import { setAside as saveSetAside } from '@/lib/tickets/marks';
import type { SetAside } from '@/lib/tickets/state';
import type { SectionId, SummaryItem } from '@/lib/tickets/summary';
import { formatBeijing } from '@/lib/time';
import type { Rule } from '@/lib/sla';
import { isMarkedNew } from '@/lib/freshness/new-tickets';
import { countdownText } from './countdown';
import { STATE_MARK, stateWord as wordOf } from './row-parts';

interface Props {
  id: string;
  item: SummaryItem;
  section: SectionId;
  rules: readonly Rule[];
  clock: MerchantClock;
  now: number;
  locale: 'zh' | 'en';
  /** The shop's display name (alias, page name; never the internal id). */
  shop: string;
  active: boolean;
  expanded: boolean;
  snoozedUntil?: number;
  setAside?: SetAside;
  /** The shop's data is stale: when it was last read (shown as `数据来自 10:42`). */
  dataFrom?: number | undefined;
  onOpen(ticket: Ticket, keepPopup: boolean): void;
  onSelect(): void;
  onToggleActions(): void;
}

const MIN = 60_000;

/** One ticket in the popup. Page text is rendered as text (React escapes it). */
export function TicketRow(p: Props) {
  const { ticket, tier } = p.item;
  const due = ticket.dueAt;
  const [note, setNote] = useState<string>();
  const order = shortOrder(ticket.orderId);
  // When the shift starts, for the "until the shift starts" snooze: only for an expanded row, and the rule clock
  // (with the holiday calendar) loads then, not before the popup's first row.
  const [staffedAt, setStaffedAt] = useState<number>();
  const { expanded, now, clock } = p;
  const shiftAt = expanded && clock.enabled ? staffedAt : undefined;
  useEffect(() => {
    if (!expanded || !clock.enabled) return;
    let live = true;
    void import('@/lib/alarms/staffed').then((m) => live && setStaffedAt(m.nextStaffedAt(now, clock)));
    return () => {
      live = false;
    };
  }, [expanded, now, clock]);
  const snoozed = p.snoozedUntil !== undefined && p.snoozedUntil > p.now ? p.snoozedUntil : undefined;

  // "Why this deadline?" is built on hover only: explain() walks the rule clock, too costly for every row, and
  // it (with the holiday calendar) is loaded on the first hover, not before the popup's first row.
  const [why, setWhy] = useState<string>();
  const explainLines = () =>
    void Promise.all([import('@/lib/sla/explain'), import('@/lib/rule-label')]).then(
      ([{ explain }, { withRuleLabels }]) =>
        setWhy(
          [
            ...(due !== undefined ? [t('tooltipDue', formatBeijing(due))] : []),
            ...explain(ticket, withRuleLabels(p.rules), p.now, p.locale),
          ].join('\n'),
        ),
    );
  const snooze = (until: number) =>
    void snoozeTickets([ticket.key], until, Date.now()).then(() =>
      setNote(t('popupSnoozedUntil', formatBeijing(until, 'HH:mm'))),
    );
  const aside = () =>
    void saveSetAside(
      ticket.key,
      p.setAside ? undefined : { at: Date.now(), ...(due !== undefined ? { dueAt: due } : {}) },
      Date.now(),
    );
  const copy = () =>
    void navigator.clipboard
      .writeText(ticket.orderId ?? ticket.nativeId)
      .then(() => setNote(t('popupCopied', ticket.orderId ?? ticket.nativeId)))
      .catch(() => setNote(t('popupCopyFailed')));

  const stateWord = wordOf(p.section);

  return (
    <div
      id={p.id}
      role="option"
      aria-selected={p.active}
      className={`row tier-${tier}${p.active ? ' active' : ''}${p.expanded ? ' expanded' : ''}`}
      data-ticket-key={ticket.key}
      data-due-at={due ?? ''}
      onMouseEnter={explainLines}
      title={why}
    >
      <div
        className="main"
        onClick={(e) => {
          p.onSelect();
          p.onOpen(ticket, e.ctrlKey || e.metaKey);
        }}
      >
        <div className="line1">
          <span className="plat" style={platformStyle(ticket.platform)}>
            {platformName(ticket.platform)}
          </span>
          <span className="shop">{p.shop}</span>
          <span className="kind">{t(kindKey(ticket.kind))}</span>
          {p.dataFrom !== undefined && (
            <span className="tag" data-data-from={p.dataFrom}>
              {t('freshDataFrom', formatBeijing(p.dataFrom, 'HH:mm'))}
            </span>
          )}
          {isMarkedNew(ticket) && (
            <span className="tag tag-new" data-new="">
              {t('popupNewMark')}
            </span>
          )}
          {p.item.informational && <span className="tag">{t('popupInformational')}</span>}
          <span className={`left tier-${tier}`}>
            {STATE_MARK[tier] && (
              <span className="mark" aria-hidden="true">
                {STATE_MARK[tier]}{' '}
              </span>
            )}
            {stateWord && <span className="sr-only">{stateWord} </span>}
            {due === undefined ? (
              t('badgeNone')
            ) : (
              <span data-countdown={due}>{countdownText(due, p.now, p.locale)}</span>
            )}
          </span>
        </div>
        <div className="line2">
          <span className="title">{ticket.title}</span>
          {ticket.buyer && <span className="buyer">{ticket.buyer}</span>}
          {order && <span className="order">#{order}</span>}
          {snoozed && <span className="tag">{t('popupSnoozedUntil', formatBeijing(snoozed, 'HH:mm'))}</span>}
        </div>
      </div>
      <button
        className="more"
        aria-expanded={p.expanded}
        aria-label={t('popupActions')}
        tabIndex={p.active ? 0 : -1}
        onClick={p.onToggleActions}
      >
        ⋯
      </button>
      {p.expanded && (
        <div className="actions" role="group" aria-label={t('popupActions')}>
          <button onClick={() => snooze(Date.now() + 15 * MIN)}>{t('popupSnooze15')}</button>
          <button onClick={() => snooze(Date.now() + 60 * MIN)}>{t('popupSnooze60')}</button>
          {shiftAt !== undefined && shiftAt > p.now && (
            <button onClick={() => snooze(shiftAt)}>{t('popupSnoozeShift', formatBeijing(shiftAt, 'HH:mm'))}</button>
          )}
          <button onClick={aside} data-action="set-aside">
            {p.setAside ? t('popupUnsetAside') : t('popupSetAsideAction')}
          </button>
          <button onClick={copy} data-action="copy">
            {t('popupCopyOrder')}
          </button>
          <button onClick={() => p.onOpen(ticket, true)}>{t('popupOpenBackground')}</button>
          {note && (
            <span className="note" role="status">
              {note}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

import { browser } from 'wxt/browser';
import { useState } from 'react';
import { db } from '@/lib/db/schema';
import { openTickets } from '@/lib/db/tickets-repo';
import { t, uiLocale } from '@/lib/i18n';
import { summarize, type SummaryItem } from '@/lib/tickets/summary';
import { openOrFocus } from '@/lib/tabs';
import { useLiveQuery } from '../common/use-live-query';
import { useNow } from '../common/use-now';
import { useSettings } from '../common/use-settings';
import { TicketRow } from './TicketRow';

/** Asks the active tab's content script for a redacted capture and saves it as a file. */
async function captureActiveTab(): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return t('captureUnsupported');
  try {
    const capture = (await browser.tabs.sendMessage(tab.id, { type: 'capture/collect' })) as
      { adapter?: string; page?: string | null } | undefined;
    if (!capture?.adapter) return t('captureUnsupported');
    const blob = new Blob([JSON.stringify(capture, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `ticket-radar-capture-${capture.page ?? capture.adapter}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return t('captureSaved');
  } catch {
    return t('captureUnsupported');
  }
}

export function Popup() {
  const settings = useSettings();
  const now = useNow(1000);
  const tickets = useLiveQuery(() => openTickets(db()), []);
  const shops = useLiveQuery(() => db().shops.toArray(), []);
  const [showUnseen, setShowUnseen] = useState(false);
  const [showWaiting, setShowWaiting] = useState(false);
  const [captureNote, setCaptureNote] = useState<string>();
  const locale = uiLocale();
  const shopName = new Map((shops ?? []).map((s) => [s.key, s.alias ?? s.name ?? s.shopId]));
  const sum = tickets ? summarize(tickets, settings, now) : undefined;
  const open = (item: SummaryItem) =>
    void openOrFocus(item.ticket.url, item.ticket.platform).then(() => window.close());

  const rows = (items: SummaryItem[]) => (
    <ul>
      {items.map((item) => (
        <TicketRow
          key={item.ticket.key}
          item={item}
          rules={settings.rules}
          now={now}
          locale={locale}
          shopName={shopName}
          onOpen={open}
        />
      ))}
    </ul>
  );
  const section = (id: string, title: string, items: SummaryItem[], tone: string) =>
    items.length > 0 && (
      <section className={`sec ${tone}`} data-section={id}>
        <h2>
          {title} <span className="count">{items.length}</span>
        </h2>
        {rows(items)}
      </section>
    );
  /** Sections that need no action now (someone else's turn, no longer listed) start folded. */
  const folded = (id: string, title: string, items: SummaryItem[], shown: boolean, toggle: () => void) =>
    items.length > 0 && (
      <section className="sec grey" data-section={id}>
        <h2>
          <button className="link" onClick={toggle}>
            {shown ? '▾' : '▸'} {title} <span className="count">{items.length}</span>
          </button>
        </h2>
        {shown && rows(items)}
      </section>
    );

  return (
    <main className="popup">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('popupTitle')}</h1>
        {sum && <span className="open">{t('popupOpenCount', sum.open)}</span>}
        <button className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </header>
      {!sum ? (
        <p className="empty">…</p>
      ) : sum.overdue.length + sum.soon.length === 0 ? (
        <div className="empty" data-empty>
          <p>{t('popupEmpty')}</p>
          <p className="hint">{t('popupEmptyHint')}</p>
        </div>
      ) : null}
      {sum && section('overdue', t('popupOverdue'), sum.overdue, 'red')}
      {sum && section('soon', t('popupDueSoon'), sum.soon, 'amber')}
      {sum && section('none', t('popupNoDeadline'), sum.noDeadline, 'grey')}
      {sum && folded('waiting', t('popupWaiting'), sum.waiting, showWaiting, () => setShowWaiting((v) => !v))}
      {sum && folded('unseen', t('popupUnseen'), sum.unseen, showUnseen, () => setShowUnseen((v) => !v))}
      <footer>
        <button className="link" data-action="capture" onClick={() => void captureActiveTab().then(setCaptureNote)}>
          {t('popupCapture')}
        </button>
        {captureNote && <span className="note">{captureNote}</span>}
      </footer>
    </main>
  );
}

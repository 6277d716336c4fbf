import { shopKey } from '@/lib/model/ticket';
import { kindKey, t } from '@/lib/i18n';
import type { SummaryItem } from '@/lib/tickets/summary';
import { formatBeijing, formatDuration } from '@/lib/time';
import { explain, type Rule } from '@/lib/sla';

interface Props {
  item: SummaryItem;
  rules: readonly Rule[];
  now: number;
  locale: 'zh' | 'en';
  shopName: Map<string, string>;
  onOpen(item: SummaryItem): void;
}

/** One ticket in the popup. Page text is rendered as text (React escapes it). */
export function TicketRow({ item, rules, now, locale, shopName, onOpen }: Props) {
  const { ticket, tier } = item;
  const due = ticket.dueAt;
  const left =
    due === undefined
      ? t('badgeNone')
      : due <= now
        ? t('popupOverdueBy', formatDuration(now - due, locale))
        : t('popupLeft', formatDuration(due - now, locale));
  // Every deadline can say why ("why this deadline?"): platform value and history, or the rule's clock walk.
  const explainLines = [
    ...(due !== undefined ? [t('tooltipDue', formatBeijing(due))] : []),
    ...explain(ticket, rules, now, locale),
  ];
  const shop = shopName.get(shopKey(ticket.platform, ticket.shopId)) ?? ticket.shopName ?? ticket.shopId;
  return (
    <li
      className={`row tier-${tier}`}
      data-ticket-key={ticket.key}
      data-due-at={due ?? ''}
      tabIndex={0}
      role="link"
      onClick={() => onOpen(item)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen(item)}
      title={explainLines.join('\n')}
    >
      <div className="line1">
        <span className={`plat plat-${ticket.platform}`}>{t(`platform_${ticket.platform}`)}</span>
        <span className="shop">{shop}</span>
        <span className="kind">{t(kindKey(ticket.kind))}</span>
        <span className={`left tier-${tier}`}>{left}</span>
      </div>
      <div className="line2">
        <span className="title">{ticket.title}</span>
        {ticket.orderId && <span className="order">#{ticket.orderId}</span>}
        {due !== undefined && (
          <span className="src">{ticket.dueSource === 'platform' ? t('sourcePlatform') : t('sourceRule')}</span>
        )}
      </div>
    </li>
  );
}

import { platformName, t } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/model/ticket';
import type { StateCounts } from '@/lib/tickets/state';
import type { Summary } from '@/lib/tickets/summary';

interface Props {
  summary: Summary;
  shopLabel(key: string): string;
  onPick(platform: Platform | undefined, shop: string | undefined): void;
}

const cells = (c: StateCounts) => [c.overdue, c.dueSoon, c.dueToday];

/**
 * Counts per platform and shop: overdue, due soon, due today. The same numbers as the toolbar badge and its
 * tooltip (both come from summarize() and state()). A row filters the list to it.
 */
export function Counts({ summary, shopLabel, onPick }: Props) {
  const rows: { key: string; label: string; c: StateCounts; platform?: Platform; shop?: string; sub?: boolean }[] = [
    { key: 'all', label: t('popupAll'), c: summary.counts },
  ];
  for (const p of PLATFORMS) {
    const c = summary.byPlatform.get(p);
    if (!c) continue;
    rows.push({ key: p, label: platformName(p), c, platform: p });
    const shops = [...summary.byShop].filter(([k]) => k.startsWith(`${p}:`));
    if (shops.length > 1)
      for (const [k, sc] of shops) rows.push({ key: k, label: shopLabel(k), c: sc, platform: p, shop: k, sub: true });
  }
  return (
    <table className="counts" data-counts>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">{t('popupCountsScope')}</span>
          </th>
          <th scope="col" className="c-overdue">
            {t('stateOverdue')}
          </th>
          <th scope="col" className="c-soon">
            {t('stateDueSoon')}
          </th>
          <th scope="col">{t('stateDueToday')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-scope={r.key} className={r.sub ? 'sub' : undefined}>
            <th scope="row">
              <button className="link" onClick={() => onPick(r.platform, r.shop)}>
                {r.label}
              </button>
            </th>
            {cells(r.c).map((n, i) => (
              <td key={i} className={n > 0 && i === 0 ? 'is-red' : n > 0 && i === 1 ? 'is-amber' : undefined}>
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

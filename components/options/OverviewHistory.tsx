/** The overview's "how are we doing" part: on-time rate, trend, volume, products, time to handle; CSV export. */
import { kindKey, platformName, t } from '@/lib/i18n';
import type { History, OnTime } from '@/lib/analytics/history';
import { toCsv, type Cell } from '@/lib/analytics/csv';
import type { Settings } from '@/lib/model/settings';
import { formatBeijing, formatDuration } from '@/lib/time';
import { downloadText } from '../templates/download';
import { BarList, Section, Stat } from './ui';
import type { Overview } from './use-overview';

const pct = (o: OnTime) => (o.rate === undefined ? '—' : `${o.rate}%`);
const rateText = (o: OnTime) =>
  o.rate === undefined ? t('opt_none') : t('opt_rate_text', o.rate, o.onTime, o.handled);

function RateTable({ caption, rows }: { caption: string; rows: { key: string; label: string; o: OnTime }[] }) {
  return (
    <table className="opt-table" data-rate-table={caption}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">
            {t('opt_col_on_time_rate')}
          </th>
          <th scope="col" className="num">
            {t('opt_col_on_time')}
          </th>
          <th scope="col" className="num">
            {t('opt_col_handled')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{pct(r.o)}</td>
            <td className="num">{r.o.onTime}</td>
            <td className="num">{r.o.handled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Opened / handled / late per day as an SVG line chart, with the same values in a table below. */
function Trend({ trend }: { trend: History['trend'] }) {
  const W = 560;
  const Hh = 140;
  const max = Math.max(1, ...trend.flatMap((d) => [d.opened, d.handled, d.late]));
  const x = (i: number) => 30 + (i * (W - 40)) / Math.max(1, trend.length - 1);
  const y = (v: number) => Hh - 20 - (v / max) * (Hh - 30);
  const line = (k: 'opened' | 'handled' | 'late') => trend.map((d, i) => `${x(i)},${y(d[k])}`).join(' ');
  const series = [
    { k: 'opened' as const, cls: 'tone-blue', dash: '' },
    { k: 'handled' as const, cls: 'tone-green', dash: '6 3' },
    { k: 'late' as const, cls: 'tone-red', dash: '2 3' },
  ];
  return (
    <>
      <svg className="opt-trend" viewBox={`0 0 ${W} ${Hh}`} role="img" aria-label={t('opt_trend_aria')}>
        <line x1="30" x2={W - 10} y1={Hh - 20} y2={Hh - 20} className="axis" />
        <text x="2" y={y(max) + 4} className="lbl">
          {max}
        </text>
        {series.map((s) => (
          <polyline key={s.k} points={line(s.k)} className={`ln ${s.cls}`} strokeDasharray={s.dash} />
        ))}
        {trend.map((d, i) =>
          i % 2 === 0 ? (
            <text key={d.day} x={x(i)} y={Hh - 4} className="lbl" textAnchor="middle">
              {d.day.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      <p className="opt-legend">
        {/* Line styles differ as well as colours: solid, dashed, dotted. */}
        <span className="tone-blue">━ {t('opt_trend_opened')}</span>{' '}
        <span className="tone-green">╍ {t('opt_trend_handled')}</span>{' '}
        <span className="tone-red">┈ {t('opt_trend_late')}</span>
      </p>
      <details>
        <summary>{t('opt_values_as_text')}</summary>
        <table className="opt-table" data-trend-table>
          <thead>
            <tr>
              <th scope="col">{t('opt_col_day')}</th>
              <th scope="col" className="num">
                {t('opt_trend_opened')}
              </th>
              <th scope="col" className="num">
                {t('opt_trend_handled')}
              </th>
              <th scope="col" className="num">
                {t('opt_trend_late')}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td className="num">{d.opened}</td>
                <td className="num">{d.handled}</td>
                <td className="num">{d.late}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

export function HistorySections({ history: h, labels }: { history: History; labels: Map<string, string> }) {
  return (
    <>
      <Section id="overview-on-time" title={t('opt_on_time_title')} hint={t('opt_on_time_hint')}>
        <div className="opt-stats">
          <Stat label={t('opt_col_on_time_rate')} value={pct(h.onTime)} tone="green" />
          <Stat
            label={t('opt_median_handle')}
            value={h.medianHandleMs === undefined ? '—' : formatDuration(h.medianHandleMs)}
          />
        </div>
        <p className="opt-muted" data-on-time-text>
          {rateText(h.onTime)}
        </p>
        <div className="opt-grid2">
          <RateTable
            caption={t('opt_col_platform')}
            rows={h.byPlatform.map((p) => ({ key: p.platform, label: platformName(p.platform), o: p }))}
          />
          <RateTable
            caption={t('opt_col_week')}
            rows={h.byWeek.map((w) => ({ key: w.week, label: t('opt_week_of', w.week.slice(5)), o: w }))}
          />
        </div>
        <RateTable
          caption={t('opt_col_shop')}
          rows={h.byShop.map((s) => ({ key: s.shopKey, label: labels.get(s.shopKey) || t('shopUnnamed'), o: s }))}
        />
      </Section>
      <Section id="overview-trend" title={t('opt_trend_title')} hint={t('opt_trend_hint')}>
        <Trend trend={h.trend} />
      </Section>
      <div className="opt-grid2">
        <Section id="overview-volume" title={t('opt_volume_title')}>
          <BarList
            label={t('opt_volume_title')}
            items={h.volumeByKind.map((k) => ({ key: k.kind, label: t(kindKey(k.kind)), value: k.count }))}
          />
        </Section>
        <Section id="overview-products" title={t('opt_products_title')} hint={t('opt_products_hint')}>
          {h.products.length === 0 ? (
            <p className="opt-muted">{t('opt_none')}</p>
          ) : (
            <BarList
              label={t('opt_products_title')}
              items={h.products.map((p) => ({ key: p.product, label: p.product, value: p.count, tone: 'amber' }))}
            />
          )}
        </Section>
      </div>
    </>
  );
}

const day = (ms: number | undefined) => (ms === undefined ? undefined : formatBeijing(ms, 'YYYY-MM-DD HH:mm'));
const stamp = (now: number) => formatBeijing(now, 'YYYYMMDD-HHmm');

/** Figures as one CSV: section, key, metric, value. */
function figuresCsv(o: Overview): string {
  const rows: Cell[][] = [];
  const onTime = (section: string, key: string, x: OnTime) =>
    rows.push(
      [section, key, 'on_time_rate', x.rate],
      [section, key, 'on_time', x.onTime],
      [section, key, 'handled', x.handled],
    );
  const s = o.summary;
  for (const [k, v] of Object.entries(s.totals)) rows.push(['totals', '', k, v]);
  for (const p of s.byPlatform)
    for (const [k, v] of Object.entries(p))
      if (k !== 'platform') rows.push(['platform', platformName(p.platform), k, v as Cell]);
  for (const sh of s.byShop)
    for (const k of ['open', 'overdue', 'dueSoon', 'dueToday', 'later', 'waiting', 'noDeadline', 'unseen'] as const)
      rows.push(['shop', sh.label || t('shopUnnamed'), k, sh[k]]);
  const h = o.history;
  onTime('on_time', 'all', h.onTime);
  for (const p of h.byPlatform) onTime('on_time_platform', platformName(p.platform), p);
  for (const sh of h.byShop) onTime('on_time_shop', o.shopLabels.get(sh.shopKey) || t('shopUnnamed'), sh);
  for (const w of h.byWeek) onTime('on_time_week', w.week, w);
  for (const d of h.trend)
    rows.push(
      ['trend', d.day, 'opened', d.opened],
      ['trend', d.day, 'handled', d.handled],
      ['trend', d.day, 'late', d.late],
    );
  for (const k of h.volumeByKind) rows.push(['volume', t(kindKey(k.kind)), 'count', k.count]);
  for (const p of h.products) rows.push(['products', p.product, 'after_sale_count', p.count]);
  rows.push([
    'median',
    '',
    'first_seen_to_handled_minutes',
    h.medianHandleMs === undefined ? undefined : Math.round(h.medianHandleMs / 60_000),
  ]);
  return toCsv([t('csv_section'), t('csv_key'), t('csv_metric'), t('csv_value')], rows);
}

export function ExportButtons({ data, now }: { data: Overview; settings: Pick<Settings, 'tiers'>; now: number }) {
  const tickets = async () => {
    const rows = await data.ticketRows();
    const csv = toCsv(
      [
        'platform',
        'shop',
        'kind',
        'title',
        'order',
        'buyer',
        'product',
        'status',
        'state',
        'due',
        'source',
        'first_seen',
        'last_seen',
      ].map((k) => t(`csv_col_${k}`)),
      rows.map((r) => [
        platformName(r.platform),
        data.shopLabels.get(r.shopKey) || t('shopUnnamed'),
        t(kindKey(r.kind)),
        r.title,
        r.orderId,
        r.buyer,
        r.product,
        r.status,
        r.state,
        day(r.dueAt),
        r.dueSource,
        day(r.firstSeenAt),
        day(r.lastSeenAt),
      ]),
    );
    downloadText(`ticket-radar-tickets-${stamp(now)}.csv`, csv, 'text/csv');
  };
  return (
    <>
      <button type="button" className="opt-btn" data-action="export-tickets" onClick={() => void tickets()}>
        {t('opt_export_tickets')}
      </button>
      <button
        type="button"
        className="opt-btn"
        data-action="export-figures"
        onClick={() => downloadText(`ticket-radar-figures-${stamp(now)}.csv`, figuresCsv(data), 'text/csv')}
      >
        {t('opt_export_figures')}
      </button>
    </>
  );
}

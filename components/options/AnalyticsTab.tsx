/**
 * 概览: open work per platform and shop (the same counts as the toolbar and popup), on-time rate, trend,
 * volume, problem products, time to handle, deadline sources, CSV export. The numbers are computed in a worker
 * (use-overview.ts), so 50,000 tickets never freeze the page; every chart has its values as text.
 */
import { kindKey, platformName, platformStyle, t } from '@/lib/i18n';
import { sharePercent, type Counts } from '@/lib/analytics/summary';
import { useNow } from '../common/use-now';
import { useSettings } from '../common/use-settings';
import { HistorySections, ExportButtons } from './OverviewHistory';
import { BarList, Loading, Section, Stat } from './ui';
import { useOverview } from './use-overview';
import { ruleLabel } from '@/lib/rule-label';

const COLUMNS: readonly { key: keyof Counts; label: string }[] = [
  { key: 'open', label: 'opt_col_open' },
  { key: 'overdue', label: 'opt_col_overdue' },
  { key: 'dueSoon', label: 'opt_col_due_soon' },
  { key: 'dueToday', label: 'opt_col_due_today' },
  { key: 'waiting', label: 'opt_col_waiting' },
  { key: 'noDeadline', label: 'opt_col_no_deadline' },
  { key: 'unseen', label: 'opt_col_unseen' },
];

function CountCells({ c }: { c: Counts }) {
  return (
    <>
      {COLUMNS.map((col) => (
        <td
          key={col.key}
          className={`num${col.key === 'overdue' && c.overdue > 0 ? ' is-red' : ''}`}
          data-col={col.key}
        >
          {c[col.key]}
        </td>
      ))}
    </>
  );
}

export function AnalyticsTab() {
  // A minute is fine-grained enough for counts; the popup is where seconds tick.
  const now = useNow(60_000);
  const settings = useSettings();
  const data = useOverview(settings, now);
  const summary = data?.summary;

  if (!data || !summary) return <Loading />;
  if (data.count === 0) {
    return (
      <Section id="overview-empty" title={t('opt_overview_title')}>
        <p className="opt-empty">{t('opt_overview_empty')}</p>
      </Section>
    );
  }
  const ruleName = new Map(settings.rules.map((r) => [r.id, ruleLabel(r)]));
  const withDeadline = summary.sources.platform + summary.sources.rule;

  return (
    <>
      <Section
        id="overview-totals"
        title={t('opt_overview_title')}
        hint={t('opt_overview_hint')}
        actions={<ExportButtons data={data} settings={settings} now={now} />}
      >
        <div className="opt-stats">
          <Stat label={t('opt_col_open')} value={summary.totals.open} tone="blue" />
          <Stat label={t('opt_col_overdue')} value={summary.totals.overdue} tone="red" />
          <Stat label={t('opt_col_due_soon')} value={summary.totals.dueSoon} tone="amber" />
          <Stat label={t('opt_col_due_today')} value={summary.totals.dueToday} />
          <Stat label={t('opt_col_no_deadline')} value={summary.totals.noDeadline} />
          <Stat label={t('opt_col_unseen')} value={summary.totals.unseen} />
        </div>
      </Section>

      <Section id="overview-platforms" title={t('opt_overview_by_platform')}>
        <table className="opt-table">
          <thead>
            <tr>
              <th scope="col">{t('opt_col_platform')}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byPlatform.map((p) => (
              <tr key={p.platform} data-platform={p.platform}>
                <th scope="row">
                  <span className="opt-plat" style={platformStyle(p.platform)}>
                    {platformName(p.platform)}
                  </span>
                </th>
                <CountCells c={p} />
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="overview-shops" title={t('opt_overview_by_shop')}>
        <table className="opt-table">
          <thead>
            <tr>
              <th scope="col">{t('opt_col_shop')}</th>
              <th scope="col">{t('opt_col_platform')}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byShop.map((s) => (
              <tr key={s.shopKey} data-shop-key={s.shopKey}>
                <th scope="row">
                  {s.label || t('shopUnnamed')}
                  {s.muted && <span className="opt-tag">{t('opt_shop_muted')}</span>}
                </th>
                <td>{platformName(s.platform)}</td>
                <CountCells c={s} />
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <HistorySections history={data.history} labels={data.shopLabels} />

      <div className="opt-grid2">
        <Section id="overview-kinds" title={t('opt_overview_by_kind')}>
          {summary.byKind.length === 0 ? (
            <p className="opt-muted">{t('opt_none')}</p>
          ) : (
            <BarList
              label={t('opt_overview_by_kind')}
              items={summary.byKind.map((k) => ({ key: k.kind, label: t(kindKey(k.kind)), value: k.count }))}
            />
          )}
        </Section>

        <Section id="overview-handled" title={t('opt_overview_handled')} hint={t('opt_overview_handled_hint')}>
          <BarList
            label={t('opt_overview_handled')}
            items={summary.handledByDay.map((d) => ({
              key: d.day,
              label: d.day.slice(5),
              value: d.count,
              tone: 'green',
            }))}
          />
        </Section>
      </div>

      <Section id="overview-sources" title={t('opt_overview_sources')} hint={t('opt_overview_sources_hint')}>
        {withDeadline === 0 ? (
          <p className="opt-muted">{t('opt_none')}</p>
        ) : (
          <>
            <div
              className="opt-split"
              role="img"
              aria-label={t(
                'opt_sources_aria',
                sharePercent(summary.sources.platform, withDeadline),
                sharePercent(summary.sources.rule, withDeadline),
              )}
            >
              <span className="tone-blue" style={{ flexGrow: summary.sources.platform }} />
              <span className="tone-amber" style={{ flexGrow: summary.sources.rule }} />
            </div>
            <BarList
              label={t('opt_overview_sources')}
              items={[
                {
                  key: 'platform',
                  label: t('sourcePlatform'),
                  value: summary.sources.platform,
                  note: `${sharePercent(summary.sources.platform, withDeadline)}%`,
                },
                {
                  key: 'rule',
                  label: t('sourceRule'),
                  value: summary.sources.rule,
                  note: `${sharePercent(summary.sources.rule, withDeadline)}%`,
                  tone: 'amber',
                },
                ...summary.sources.byRule.map((r) => ({
                  key: `rule:${r.ruleId}`,
                  label: ruleName.get(r.ruleId) ?? r.ruleId,
                  value: r.count,
                  tone: 'amber' as const,
                  sub: true,
                })),
              ]}
            />
          </>
        )}
      </Section>
    </>
  );
}

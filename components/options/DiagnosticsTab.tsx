/**
 * 诊断: what failed to read (the health log), which pages we support and how sure we are of them, how big the
 * database is, and backup export / import. Meant for the merchant and for support alike.
 */
import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import { adapters } from '@/lib/adapters/registry';
import { db } from '@/lib/db/schema';
import { healthCodeText } from '@/lib/diagnostics/explain';
import { supportedSurfaces, type Confidence } from '@/lib/diagnostics/surfaces';
import { platformName, t } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/model/ticket';
import { formatBeijing } from '@/lib/time';
import { useLiveQuery } from 'dexie-react-hooks';
import { BackupPanel } from './BackupPanel';
import { CapturePanel } from './CapturePanel';
import { formatBytes, Loading, Section } from './ui';

const SURFACES = supportedSurfaces(adapters);
const PAGE_TITLES = new Map<string, string>(SURFACES.map((s) => [s.kind, s.title]));
const isPlatform = (s: string): s is Platform => (PLATFORMS as readonly string[]).includes(s);

const CONFIDENCE_KEY: Record<Confidence, string> = {
  seen: 'opt_conf_seen',
  'one-source': 'opt_conf_one_source',
  modelled: 'opt_conf_modelled',
  unknown: 'opt_conf_unknown',
};
const SOURCE_KEY: Record<string, string> = {
  responses: 'opt_source_responses',
  'react-records': 'opt_source_react_records',
  'dom-text': 'opt_source_dom_text',
};

export function HealthLog() {
  const rows = useLiveQuery(() => db().health.orderBy('lastAt').reverse().toArray(), []);
  const [confirming, setConfirming] = useState(false);
  const actions =
    rows && rows.length > 0 ? (
      confirming ? (
        <>
          <span className="opt-muted">{t('opt_health_clear_confirm')}</span>
          <button
            type="button"
            className="opt-btn is-danger"
            onClick={() => {
              setConfirming(false);
              void db().health.clear();
            }}
          >
            {t('opt_health_clear_yes')}
          </button>
          <button type="button" className="opt-btn" onClick={() => setConfirming(false)}>
            {t('opt_cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="opt-btn" onClick={() => setConfirming(true)}>
          {t('opt_health_clear')}
        </button>
      )
    ) : undefined;

  return (
    <Section id="health" title={t('opt_health_title')} hint={t('opt_health_hint')} actions={actions}>
      {!rows ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="opt-empty">{t('opt_health_empty')}</p>
      ) : (
        <div className="opt-scroll">
          <table className="opt-table">
            <thead>
              <tr>
                <th scope="col">{t('opt_col_platform')}</th>
                <th scope="col">{t('opt_col_page')}</th>
                <th scope="col">{t('opt_col_detail')}</th>
                <th scope="col" className="num">
                  {t('opt_col_count')}
                </th>
                <th scope="col">{t('opt_col_first')}</th>
                <th scope="col">{t('opt_col_last')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id} data-health-id={h.id} data-code={h.code}>
                  <td>{isPlatform(h.adapter) ? platformName(h.adapter) : h.adapter}</td>
                  <td>
                    <div>{PAGE_TITLES.get(h.page) ?? h.page}</div>
                    <div className="opt-mono opt-muted opt-small">{h.path}</div>
                  </td>
                  <td className="opt-detail">
                    <div data-health-text>{healthCodeText(h.code)}</div>
                    {/* The reader's own words are developer English: kept for support, folded away. */}
                    <details className="opt-small opt-muted">
                      <summary>{t('opt_health_tech')}</summary>
                      <span className="opt-mono">{h.code}</span> {h.detail}
                    </details>
                  </td>
                  <td className="num">{h.count}</td>
                  <td className="opt-nowrap">{formatBeijing(h.firstAt)}</td>
                  <td className="opt-nowrap">{formatBeijing(h.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Surfaces() {
  return (
    <Section id="surfaces" title={t('opt_surfaces_title')} hint={t('opt_surfaces_hint')}>
      <div className="opt-scroll">
        <table className="opt-table">
          <thead>
            <tr>
              <th scope="col">{t('opt_col_platform')}</th>
              <th scope="col">{t('opt_col_page')}</th>
              <th scope="col">{t('opt_col_example')}</th>
              <th scope="col">{t('opt_col_sources')}</th>
              <th scope="col">{t('opt_col_confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {SURFACES.map((s) => (
              <tr key={s.kind} data-surface={s.kind}>
                <td>{platformName(s.platform)}</td>
                <td>{s.title}</td>
                <td className="opt-mono opt-small opt-break">
                  {s.byContent ? t('opt_surface_by_content', s.exampleUrl ?? '') : (s.exampleUrl ?? '—')}
                </td>
                <td>
                  {s.sources.length ? s.sources.map((x) => t(SOURCE_KEY[x] ?? x)).join('、') : t('opt_source_none')}
                </td>
                <td>
                  <span className={`opt-conf conf-${s.confidence}`} title={t(`${CONFIDENCE_KEY[s.confidence]}_help`)}>
                    {t(CONFIDENCE_KEY[s.confidence])}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

interface DbStats {
  perPlatform: { platform: Platform; count: number }[];
  tickets: number;
  shops: number;
  templates: number;
  health: number;
  verno: number;
}

async function readStats(): Promise<DbStats> {
  const d = db();
  const perPlatform = await Promise.all(
    PLATFORMS.map(async (platform) => ({
      platform,
      count: await d.tickets
        .where('[platform+shopId]')
        .between([platform, Dexie.minKey], [platform, Dexie.maxKey])
        .count(),
    })),
  );
  const [tickets, shops, templates, health] = await Promise.all([
    d.tickets.count(),
    d.shops.count(),
    d.templates.count(),
    d.health.count(),
  ]);
  return { perPlatform, tickets, shops, templates, health, verno: d.verno };
}

/** `navigator.storage.estimate()`: `undefined` while asking, `null` where the browser cannot tell. */
function useStorageEstimate(): StorageEstimate | null | undefined {
  const [estimate, setEstimate] = useState<StorageEstimate | null | undefined>(() =>
    typeof navigator.storage?.estimate === 'function' ? undefined : null,
  );
  useEffect(() => {
    if (typeof navigator.storage?.estimate !== 'function') return;
    let live = true;
    navigator.storage.estimate().then(
      (e) => live && setEstimate(e),
      () => live && setEstimate(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return estimate;
}

function Stats() {
  const stats = useLiveQuery(readStats, []);
  const estimate = useStorageEstimate();
  return (
    <Section id="db-stats" title={t('opt_stats_title')}>
      {!stats ? (
        <Loading />
      ) : (
        <dl className="opt-dl">
          {stats.perPlatform.map((p) => (
            <div key={p.platform} data-stat={`tickets-${p.platform}`}>
              <dt>{t('opt_stats_tickets_of', platformName(p.platform))}</dt>
              <dd>{p.count}</dd>
            </div>
          ))}
          <div data-stat="tickets">
            <dt>{t('opt_stats_tickets')}</dt>
            <dd>{stats.tickets}</dd>
          </div>
          <div data-stat="shops">
            <dt>{t('opt_stats_shops')}</dt>
            <dd>{stats.shops}</dd>
          </div>
          <div data-stat="templates">
            <dt>{t('opt_stats_templates')}</dt>
            <dd>{stats.templates}</dd>
          </div>
          <div data-stat="health">
            <dt>{t('opt_stats_health')}</dt>
            <dd>{stats.health}</dd>
          </div>
          <div data-stat="version">
            <dt>{t('opt_stats_version')}</dt>
            <dd>{t('opt_stats_version_value', stats.verno, Dexie.semVer)}</dd>
          </div>
          <div data-stat="storage">
            <dt>{t('opt_stats_storage')}</dt>
            <dd>
              {estimate === undefined
                ? '…'
                : estimate === null || estimate.usage === undefined
                  ? t('opt_stats_storage_unknown')
                  : estimate.quota
                    ? t('opt_stats_storage_value', formatBytes(estimate.usage), formatBytes(estimate.quota))
                    : formatBytes(estimate.usage)}
            </dd>
          </div>
        </dl>
      )}
    </Section>
  );
}

export function DiagnosticsTab() {
  return (
    <>
      <HealthLog />
      <Surfaces />
      <CapturePanel />
      <Stats />
      <BackupPanel />
    </>
  );
}

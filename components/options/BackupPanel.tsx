/**
 * 备份: export everything as one JSON file, and import one back after a dry-run the merchant confirms.
 * Planning and writing live in lib/backup (validated row by row, written in one transaction).
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { readBackupData, type ApplyOutcome, type SettingsIo } from '@/lib/backup/apply';
import { ResponseSchemas } from '@/lib/messaging/protocol';
import {
  BACKUP_TABLES,
  buildBackup,
  MAX_BACKUP_FILE_BYTES,
  planToWrites,
  parseBackupText,
  planBackupImport,
  planInvalid,
  planWrites,
  type BackupError,
  type BackupPlan,
  type BackupTable,
  type BackupWrites,
} from '@/lib/backup/plan';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { formatBeijing } from '@/lib/time';
import { Section } from './ui';

const SETTINGS_IO: SettingsIo = { load: loadSettings, save: saveSettings };
/** Invalid rows listed per table; the rest are counted. */
const MAX_INVALID_SHOWN = 20;

async function applyInWorker(writes: BackupWrites): Promise<ApplyOutcome> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'backup/apply', writes });
  const parsed = ResponseSchemas['backup/apply'].safeParse(reply);
  if (!parsed.success) {
    const error = reply && typeof reply === 'object' && 'error' in reply ? String(reply.error) : 'no reply';
    throw new Error(error);
  }
  return parsed.data;
}

const TABLE_KEY: Record<BackupTable, string> = {
  tickets: 'opt_backup_table_tickets',
  shops: 'opt_backup_table_shops',
  templates: 'opt_backup_table_templates',
};

function errorText(e: BackupError): string {
  switch (e.code) {
    case 'not-json':
      return t('opt_backup_err_not_json');
    case 'templates-file':
      return t('opt_backup_err_templates_file');
    case 'not-backup':
      return t('opt_backup_err_not_backup');
    case 'newer-version':
      return t('opt_backup_err_newer', e.version);
    case 'bad-shape':
      return t('opt_backup_err_shape', e.detail);
  }
}

/** Saves text as a file through an object URL (no downloads permission needed on an extension page). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'error'; message: string }
  | { kind: 'plan'; plan: BackupPlan; fileName: string }
  | { kind: 'done'; message: string };

function PlanView({ plan }: { plan: BackupPlan }) {
  const settingsText = {
    absent: t('opt_backup_settings_absent'),
    unchanged: t('opt_backup_settings_unchanged'),
    changed: t('opt_backup_settings_changed'),
    invalid: t('opt_backup_settings_invalid'),
  }[plan.settings.state];
  return (
    <>
      {plan.exportedAt !== undefined && (
        <p className="opt-muted">
          {t('opt_backup_exported_at', formatBeijing(plan.exportedAt), plan.extensionVersion ?? '?')}
        </p>
      )}
      <table className="opt-table opt-table--compact" data-testid="backup-plan">
        <thead>
          <tr>
            <th scope="col">{t('opt_backup_col_table')}</th>
            <th scope="col" className="num">
              {t('opt_backup_added')}
            </th>
            <th scope="col" className="num">
              {t('opt_backup_changed')}
            </th>
            <th scope="col" className="num">
              {t('opt_backup_unchanged')}
            </th>
            <th scope="col" className="num">
              {t('opt_backup_invalid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {BACKUP_TABLES.map((name) => (
            <tr key={name} data-table={name}>
              <th scope="row">{t(TABLE_KEY[name])}</th>
              <td className="num" data-col="added">
                {plan[name].added.length}
              </td>
              <td className="num" data-col="changed">
                {plan[name].changed.length}
              </td>
              <td className="num" data-col="unchanged">
                {plan[name].unchanged}
              </td>
              <td className={`num${plan[name].invalid.length ? ' is-red' : ''}`} data-col="invalid">
                {plan[name].invalid.length}
              </td>
            </tr>
          ))}
          <tr data-table="settings">
            <th scope="row">{t('opt_backup_table_settings')}</th>
            <td colSpan={4} className={plan.settings.state === 'invalid' ? 'is-red' : undefined}>
              {settingsText}
            </td>
          </tr>
        </tbody>
      </table>
      {planInvalid(plan) > 0 && (
        <details className="opt-details">
          <summary>{t('opt_backup_invalid_details')}</summary>
          <ul className="opt-issues">
            {BACKUP_TABLES.flatMap((name) =>
              plan[name].invalid.slice(0, MAX_INVALID_SHOWN).map((row) => (
                <li key={`${name}-${row.index}`}>
                  <span className="opt-mono">
                    {t(TABLE_KEY[name])} #{row.index + 1}
                    {row.key ? ` (${row.key})` : ''}
                  </span>
                  ：{row.errors.join('；')}
                </li>
              )),
            )}
            {BACKUP_TABLES.map((name) =>
              plan[name].invalid.length > MAX_INVALID_SHOWN ? (
                <li key={`${name}-more`} className="opt-muted">
                  {t('opt_backup_more_invalid', t(TABLE_KEY[name]), plan[name].invalid.length - MAX_INVALID_SHOWN)}
                </li>
              ) : null,
            )}
            {plan.settings.state === 'invalid' && (
              <li>
                <span className="opt-mono">{t('opt_backup_table_settings')}</span>：{plan.settings.errors.join('；')}
              </li>
            )}
          </ul>
        </details>
      )}
      <p className="opt-hint">{t('opt_backup_merge_note')}</p>
    </>
  );
}

export function BackupPanel() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const exportAll = async () => {
    setState({ kind: 'busy' });
    try {
      const data = await readBackupData(db(), SETTINGS_IO);
      const now = Date.now();
      const file = buildBackup(data, now, browser.runtime.getManifest().version);
      download(`ticket-radar-backup-${formatBeijing(now, 'YYYYMMDD-HHmm')}.json`, JSON.stringify(file, null, 1));
      setState({
        kind: 'done',
        message: t('opt_backup_exported', data.tickets.length, data.shops.length, data.templates.length),
      });
    } catch (e) {
      setState({ kind: 'error', message: t('opt_backup_err_failed', String(e)) });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again after a fix
    if (!file) return;
    if (file.size > MAX_BACKUP_FILE_BYTES) return setState({ kind: 'error', message: t('opt_backup_err_too_big') });
    setState({ kind: 'busy' });
    try {
      const parsed = parseBackupText(await file.text());
      if (!parsed.ok) return setState({ kind: 'error', message: errorText(parsed.error) });
      const plan = planBackupImport(parsed.value, await readBackupData(db(), SETTINGS_IO));
      if (!plan.ok) return setState({ kind: 'error', message: errorText(plan.error) });
      setState({ kind: 'plan', plan, fileName: file.name });
    } catch (err) {
      setState({ kind: 'error', message: t('opt_backup_err_failed', String(err)) });
    }
  };

  const apply = async (plan: BackupPlan) => {
    setState({ kind: 'busy' });
    try {
      // The worker writes it (rows and settings, all or nothing): closing this tab now cuts nothing in half.
      const out = await applyInWorker(planToWrites(plan));
      setState({
        kind: 'done',
        message: t(
          'opt_backup_imported',
          out.rows.tickets,
          out.rows.shops,
          out.rows.templates,
          out.settings ? t('opt_backup_settings_written') : t('opt_backup_settings_kept'),
        ),
      });
    } catch (err) {
      setState({ kind: 'error', message: t('opt_backup_err_apply', String(err)) });
    }
  };

  const busy = state.kind === 'busy';
  return (
    <Section id="backup" title={t('opt_backup_title')} hint={t('opt_backup_hint')}>
      <div className="opt-row">
        <button type="button" className="opt-btn is-primary" disabled={busy} onClick={() => void exportAll()}>
          {t('opt_backup_export')}
        </button>
        <button type="button" className="opt-btn" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('opt_backup_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="opt-visually-hidden"
          aria-label={t('opt_backup_import')}
          data-testid="backup-file"
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div aria-live="polite">
        {busy && <p className="opt-muted">{t('opt_working')}</p>}
        {state.kind === 'error' && (
          <p className="opt-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'done' && <p className="opt-ok">{state.message}</p>}
      </div>
      {state.kind === 'plan' && (
        <div className="opt-plan" data-testid="backup-dry-run">
          <h3>{t('opt_backup_plan_title', state.fileName)}</h3>
          <PlanView plan={state.plan} />
          <div className="opt-row">
            <button
              type="button"
              className="opt-btn is-primary"
              disabled={planWrites(state.plan) === 0}
              onClick={() => void apply(state.plan)}
            >
              {planWrites(state.plan) === 0 ? t('opt_backup_nothing') : t('opt_backup_apply', planWrites(state.plan))}
            </button>
            <button type="button" className="opt-btn" onClick={() => setState({ kind: 'idle' })}>
              {t('opt_cancel')}
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}

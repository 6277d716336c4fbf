/**
 * Import: choose a file → dry-run diff (added / changed / unchanged / invalid) → confirm. Nothing is
 * written before the confirm, and the write is one transaction (lib/templates/import-export.ts).
 */
import { useState, type ChangeEvent, type ReactNode } from 'react';
import {
  applyImport,
  decodeImportFile,
  MAX_TEMPLATE_FILE_BYTES,
  planImport,
  readImport,
  type ImportPlan,
} from '../../lib/templates/import-export';
import type { ContentField } from '../../lib/templates/content';
import type { TemplateRepo } from '../../lib/templates/repo';
import { t, type MessageKey } from './i18n';

type Stage =
  { kind: 'choose' } | { kind: 'failed'; message: string } | { kind: 'plan'; plan: ImportPlan; fileName: string };

type Status = 'added' | 'changed' | 'unchanged' | 'invalid';

interface DiffRow {
  row: number;
  status: Status;
  title: string;
  details: string;
}

const FIELD_LABEL: Record<ContentField, MessageKey> = {
  title: 'tpl_field_title',
  body: 'tpl_field_body',
  scope: 'tpl_field_scope',
  folder: 'tpl_field_folder',
  tags: 'tpl_field_tags',
  shortcut: 'tpl_field_shortcut',
  note: 'tpl_field_note',
};

const STATUS_LABEL: Record<Status, MessageKey> = {
  added: 'tpl_import_added',
  changed: 'tpl_import_changed',
  unchanged: 'tpl_import_unchanged',
  invalid: 'tpl_import_invalid',
};

/** The plan as table rows in file order. Exported for tests. */
export function diffRows(plan: ImportPlan): DiffRow[] {
  const label = (f: ContentField) => t(FIELD_LABEL[f]).replace(/[（(].*$/, '');
  const rows: DiffRow[] = [
    ...plan.added.map((a) => ({ row: a.row, status: 'added' as const, title: a.template.title, details: '' })),
    ...plan.changed.map((c) => ({
      row: c.row,
      status: 'changed' as const,
      title: c.after.title,
      details: t('tpl_changed_fields', c.fields.map(label).join('、')),
    })),
    ...plan.unchanged.map((u) => ({ row: u.row, status: 'unchanged' as const, title: u.template.title, details: '' })),
    ...plan.invalid.map((i) => ({
      row: i.row,
      status: 'invalid' as const,
      title: i.title ?? '',
      details: i.errors.join('；'),
    })),
  ];
  return rows.sort((a, b) => a.row - b.row);
}

/** Rows shown at most; the summary counts them all. */
const MAX_ROWS = 300;

export interface ImportPanelProps {
  repo: TemplateRepo;
  onDone(message: string): void;
  onClose(): void;
}

export function ImportPanel({ repo, onDone, onClose }: ImportPanelProps): ReactNode {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [dropInvalid, setDropInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again re-plans
    if (!file) return;
    setMessage('');
    setDropInvalid(false);
    // Refused before reading or parsing: a huge file would freeze the options page (issue 11).
    if (file.size > MAX_TEMPLATE_FILE_BYTES) {
      setStage({ kind: 'failed', message: t('tpl_import_too_big', Math.round(MAX_TEMPLATE_FILE_BYTES / 1024 / 1024)) });
      return;
    }
    const text = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
    const read = readImport(text, file.name);
    if (!read.ok) {
      setStage({ kind: 'failed', message: t('tpl_import_failed', read.error) });
      return;
    }
    const plan = planImport(await repo.list(), read.rows, repo.now());
    setStage({ kind: 'plan', plan, fileName: file.name });
  };

  const confirm = async (plan: ImportPlan) => {
    setBusy(true);
    try {
      const r = await applyImport(repo.table, plan, { dropInvalid });
      if (r.ok) onDone(t('tpl_import_done', r.written));
      else if (r.reason === 'conflict') {
        setStage({ kind: 'choose' });
        setMessage(t('tpl_import_conflict'));
      } else setMessage(t('tpl_import_blocked'));
    } finally {
      setBusy(false);
    }
  };

  const plan = stage.kind === 'plan' ? stage.plan : undefined;
  const writes = plan ? plan.added.length + plan.changed.length : 0;
  const blocked = plan ? plan.invalid.length > 0 && !dropInvalid : true;
  const rows = plan ? diffRows(plan) : [];

  return (
    <section className="tr-lib__import" aria-label={t('tpl_import_title')}>
      <div className="tr-lib__row" style={{ justifyContent: 'space-between' }}>
        <strong>{t('tpl_import_title')}</strong>
        <button type="button" className="tr-link" onClick={onClose}>
          {t('tpl_close')}
        </button>
      </div>
      <p style={{ margin: 0, color: '#646a73' }}>{t('tpl_import_help')}</p>
      <label>
        {t('tpl_import_choose')}
        <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void onFile(e)} />
      </label>
      {message ? (
        <div className="tr-lib__notice" data-kind="error" role="alert">
          {message}
        </div>
      ) : null}
      {stage.kind === 'failed' ? (
        <div className="tr-lib__notice" data-kind="error" role="alert">
          {stage.message}
        </div>
      ) : null}
      {plan ? (
        <>
          <div data-testid="import-summary">
            {t(
              'tpl_import_summary',
              plan.added.length,
              plan.changed.length,
              plan.unchanged.length,
              plan.invalid.length,
            )}
          </div>
          <table className="tr-lib__diff">
            <thead>
              <tr>
                <th>{t('tpl_import_row')}</th>
                <th>{t('tpl_import_status')}</th>
                <th>{t('tpl_field_title')}</th>
                <th>{t('tpl_import_details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_ROWS).map((r) => (
                <tr key={`${r.status}-${r.row}`} data-status={r.status}>
                  <td>{r.row}</td>
                  <td>{t(STATUS_LABEL[r.status])}</td>
                  <td>{r.title}</td>
                  <td>{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MAX_ROWS ? <div>{t('tpl_import_more_rows', rows.length - MAX_ROWS)}</div> : null}
          {plan.invalid.length > 0 ? (
            <label style={{ flexDirection: 'row', alignItems: 'center' }}>
              <input
                type="checkbox"
                name="drop-invalid"
                checked={dropInvalid}
                onChange={(e) => setDropInvalid(e.target.checked)}
              />
              {t('tpl_import_drop_invalid')}
            </label>
          ) : null}
          {writes === 0 ? <div>{t('tpl_import_nothing')}</div> : null}
          <div className="tr-lib__row">
            <button
              type="button"
              className="tr-primary"
              disabled={busy || blocked || writes === 0}
              onClick={() => void confirm(plan)}
            >
              {t('tpl_import_confirm')}
            </button>
            <button type="button" onClick={onClose}>
              {t('tpl_cancel')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

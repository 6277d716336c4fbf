/**
 * The options-page template library: folders, a searchable list, the editor, duplicate, delete,
 * import (with a dry-run diff) and export. All reads and writes go through a TemplateRepo, so the
 * component works on the real database and on a throwaway one in tests alike.
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Template } from '../../lib/model/template';
import { exportCsv, exportJson } from '../../lib/templates/import-export';
import { foldersOf, type TemplateDraft, type TemplateRepo } from '../../lib/templates/repo';
import { searchTemplates } from '../../lib/templates/search';
import { buildSearchIndex } from '../../lib/templates/search-index';
import type { SyncStatus } from '../../lib/templates/sync';
import { downloadText, exportFileName } from './download';
import { ImportPanel } from './ImportPanel';
import { TemplateEditor } from './TemplateEditor';
import { t } from './i18n';
import { templateLibraryStyles } from './styles';

export interface TemplateLibraryProps {
  repo: TemplateRepo;
  /** The last sync result (lib/templates/sync `syncStatusItem`); `local-only` shows the "too large" notice. */
  syncStatus?: SyncStatus | null | undefined;
  /** Called after every write, so the caller can schedule a sync push. */
  onChanged?: (() => void) | undefined;
  /** Saves an export; defaults to a browser download. Injectable for tests. */
  download?: ((fileName: string, text: string, mime: string) => void) | undefined;
  /** Seed the shipped defaults on first open (idempotent). Default true. */
  seed?: boolean | undefined;
}

/** `undefined`: all folders; `''`: unfiled; otherwise a folder name. */
type FolderFilter = string | undefined;

type Panel =
  { kind: 'none' } | { kind: 'edit'; id: string | undefined; errors: string[]; key: number } | { kind: 'import' };

function SyncNotice({ status }: { status: SyncStatus | null | undefined }): ReactNode {
  if (!status) return null;
  if (status.state === 'local-only') {
    return (
      <div className="tr-lib__notice" data-kind="warn" role="status" data-testid="sync-notice">
        {t('tpl_sync_local_only', status.bytes, Math.max(0, status.budget))}
      </div>
    );
  }
  if (status.state === 'error') {
    return (
      <div className="tr-lib__notice" data-kind="error" role="status" data-testid="sync-notice">
        {t('tpl_sync_error', status.message)}
      </div>
    );
  }
  return null;
}

export function TemplateLibrary(props: TemplateLibraryProps): ReactNode {
  const { repo, syncStatus, onChanged, download = downloadText, seed = true } = props;
  const [templates, setTemplates] = useState<Template[] | undefined>(undefined);
  const [folder, setFolder] = useState<FolderFilter>(undefined);
  const [extraFolders, setExtraFolders] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>(undefined);
  const [renaming, setRenaming] = useState<{ from: string; to: string } | undefined>(undefined);
  const [newFolder, setNewFolder] = useState<string | undefined>(undefined);
  const [flash, setFlash] = useState('');
  const editKey = useRef(0);

  // Live: edits from another options tab, usage counts from the background and sync merges show up.
  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      if (seed) await repo.seedDefaults();
      if (cancelled) return undefined;
      return liveQuery(() => repo.list()).subscribe({
        next: (list) => setTemplates(list),
        error: (e: unknown) => console.warn('[ticket-radar] templates', e),
      });
    };
    const sub = start();
    return () => {
      cancelled = true;
      void sub.then((s) => s?.unsubscribe());
    };
  }, [repo, seed]);

  const all = useMemo(() => templates ?? [], [templates]);
  const folders = useMemo(() => {
    const used = foldersOf(all);
    return [...used, ...extraFolders.filter((f) => !used.includes(f))];
  }, [all, extraFolders]);

  const index = useMemo(() => buildSearchIndex(all), [all]);
  const shown = useMemo(() => {
    const inFolder = (x: Template) => folder === undefined || x.folder === folder;
    if (query.trim() === '') return all.filter(inFolder);
    return searchTemplates(index, query)
      .map((h) => h.template)
      .filter(inFolder);
  }, [all, index, query, folder]);

  const changed = (message: string) => {
    setFlash(message);
    onChanged?.();
  };

  const editing = panel.kind === 'edit' ? all.find((x) => x.id === panel.id) : undefined;

  const openEditor = (id: string | undefined) => {
    editKey.current += 1;
    setPanel({ kind: 'edit', id, errors: [], key: editKey.current });
  };

  const save = async (draft: TemplateDraft) => {
    if (panel.kind !== 'edit') return;
    const r = editing ? await repo.put({ ...editing, ...draft, ...clearOptional(draft) }) : await repo.create(draft);
    if (!r.ok) {
      setPanel({ ...panel, errors: r.errors });
      return;
    }
    setPanel({ kind: 'none' });
    if (r.written) changed(t('tpl_saved', r.template.title));
    else setFlash(t('tpl_no_change'));
  };

  const duplicate = async (id: string) => {
    const copy = await repo.duplicate(id);
    if (copy) {
      changed(t('tpl_saved', copy.title));
      openEditor(copy.id);
    }
  };

  const remove = async (tpl: Template) => {
    await repo.remove([tpl.id]);
    setConfirmDelete(undefined);
    if (panel.kind === 'edit' && panel.id === tpl.id) setPanel({ kind: 'none' });
    changed(t('tpl_deleted', tpl.title));
  };

  const rename = async () => {
    if (!renaming) return;
    const to = renaming.to.trim();
    await repo.renameFolder(renaming.from, to);
    setExtraFolders((f) => f.filter((x) => x !== renaming.from));
    setRenaming(undefined);
    setFolder(to);
    onChanged?.();
  };

  const restore = async () => {
    const r = await repo.restoreDefaults();
    changed(t('tpl_restored', r.added.length + r.refreshed.length));
  };

  const exportAs = (ext: 'json' | 'csv') => {
    const name = exportFileName(repo.now(), ext);
    if (ext === 'json') download(name, exportJson(all, repo.now()), 'application/json');
    else download(name, exportCsv(all), 'text/csv');
  };

  const count = (f: FolderFilter) => (f === undefined ? all.length : all.filter((x) => x.folder === f).length);
  const folderButton = (f: FolderFilter, label: string) => (
    <button type="button" className="tr-lib__folder" aria-current={folder === f} onClick={() => setFolder(f)}>
      {label} <span className="tr-lib__count">{count(f)}</span>
    </button>
  );

  return (
    <div className="tr-lib">
      <style>{templateLibraryStyles}</style>
      <SyncNotice status={syncStatus} />
      {flash ? (
        <div className="tr-lib__notice" data-kind="ok" role="status" data-testid="flash">
          {flash}
        </div>
      ) : null}
      <div className="tr-lib__toolbar">
        <input
          type="search"
          aria-label={t('tpl_search_placeholder')}
          placeholder={t('tpl_search_placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="tr-primary" onClick={() => openEditor(undefined)}>
          {t('tpl_new')}
        </button>
        <button type="button" onClick={() => setPanel({ kind: 'import' })}>
          {t('tpl_import')}
        </button>
        <button type="button" onClick={() => exportAs('json')}>
          {t('tpl_export_json')}
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          {t('tpl_export_csv')}
        </button>
        <button type="button" onClick={() => void restore()}>
          {t('tpl_restore_defaults')}
        </button>
      </div>
      <div className="tr-lib__cols">
        <nav aria-label={t('tpl_folders')}>
          <ul className="tr-lib__folders">
            <li>{folderButton(undefined, t('tpl_folder_all'))}</li>
            {all.some((x) => x.folder === '') ? <li>{folderButton('', t('tpl_folder_none'))}</li> : null}
            {folders.map((f) => (
              <li key={f}>
                {renaming?.from === f ? (
                  <form
                    className="tr-lib__row"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void rename();
                    }}
                  >
                    <input
                      type="text"
                      aria-label={t('tpl_folder_name')}
                      maxLength={40}
                      autoFocus
                      value={renaming.to}
                      onChange={(e) => setRenaming({ from: f, to: e.target.value })}
                    />
                    <button type="submit">{t('tpl_save')}</button>
                  </form>
                ) : (
                  <>
                    {folderButton(f, f)}
                    {folder === f ? (
                      <button type="button" className="tr-link" onClick={() => setRenaming({ from: f, to: f })}>
                        {t('tpl_folder_rename')}
                      </button>
                    ) : null}
                  </>
                )}
              </li>
            ))}
            <li>
              {newFolder === undefined ? (
                <button type="button" className="tr-link" onClick={() => setNewFolder('')}>
                  + {t('tpl_new_folder')}
                </button>
              ) : (
                <form
                  className="tr-lib__row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const name = newFolder.trim();
                    if (name !== '') {
                      setExtraFolders((f) => (f.includes(name) ? f : [...f, name]));
                      setFolder(name);
                    }
                    setNewFolder(undefined);
                  }}
                >
                  <input
                    type="text"
                    aria-label={t('tpl_folder_name')}
                    placeholder={t('tpl_folder_name')}
                    maxLength={40}
                    autoFocus
                    value={newFolder}
                    onChange={(e) => setNewFolder(e.target.value)}
                  />
                  <button type="submit">{t('tpl_save')}</button>
                </form>
              )}
            </li>
          </ul>
        </nav>
        <section aria-label={t('tpl_library_title')}>
          {templates === undefined ? null : shown.length === 0 ? (
            <p>{query.trim() === '' ? t('tpl_empty') : t('tpl_no_match')}</p>
          ) : (
            <ul className="tr-lib__list">
              {shown.map((x) => (
                <li
                  key={x.id}
                  className="tr-lib__item"
                  data-template-id={x.id}
                  aria-current={panel.kind === 'edit' && panel.id === x.id}
                >
                  <div className="tr-lib__item-title">
                    <span>{x.title}</span>
                    {x.shortcut ? <span className="tr-lib__badge">{x.shortcut}</span> : null}
                    {x.origin === 'default' ? <span className="tr-lib__badge">{t('tpl_origin_default')}</span> : null}
                    {x.usageCount > 0 ? <span className="tr-lib__badge">{t('tpl_usage', x.usageCount)}</span> : null}
                  </div>
                  <div className="tr-lib__excerpt">{x.body}</div>
                  <div className="tr-lib__actions">
                    {confirmDelete === x.id ? (
                      <>
                        <span>{t('tpl_delete_confirm', x.title)}</span>
                        <button type="button" className="tr-danger" onClick={() => void remove(x)}>
                          {t('tpl_delete')}
                        </button>
                        <button type="button" onClick={() => setConfirmDelete(undefined)}>
                          {t('tpl_cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button type="button" onClick={() => openEditor(x.id)}>
                          {t('tpl_edit')}
                        </button>
                        <button type="button" onClick={() => void duplicate(x.id)}>
                          {t('tpl_duplicate')}
                        </button>
                        <button type="button" className="tr-danger" onClick={() => setConfirmDelete(x.id)}>
                          {t('tpl_delete')}
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside>
          {panel.kind === 'edit' && (panel.id === undefined || editing) ? (
            <TemplateEditor
              key={panel.key}
              template={editing}
              folder={folder ?? ''}
              folders={folders}
              others={all}
              errors={panel.errors}
              onSave={(d) => void save(d)}
              onCancel={() => setPanel({ kind: 'none' })}
            />
          ) : null}
          {panel.kind === 'import' ? (
            <ImportPanel
              repo={repo}
              onClose={() => setPanel({ kind: 'none' })}
              onDone={(m) => {
                setPanel({ kind: 'none' });
                changed(m);
              }}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}

/**
 * A draft without `shortcut`/`note` means they were cleared; spreading it over the stored template
 * would keep the old ones, so clear them explicitly.
 */
function clearOptional(draft: TemplateDraft): Partial<Template> {
  return {
    shortcut: draft.shortcut,
    note: draft.note,
  };
}

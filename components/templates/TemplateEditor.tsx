/**
 * The form that creates or edits one template. It only builds a draft; the library saves it through
 * the repository (zod validation there; its error lines are shown here).
 */
import { useLayoutEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Template } from '../../lib/model/template';
import { PLATFORMS, TICKET_KINDS, type Platform, type TicketKind } from '../../lib/model/ticket';
import { parseBody } from '../../lib/templates/render';
import type { TemplateDraft } from '../../lib/templates/repo';
import { VARIABLES, variableToken } from '../../lib/templates/variables';
import { variableHint, variableText } from '../../lib/templates/variable-labels';
import { platformName, t } from './i18n';

/** The form's own state: text fields as typed, lists as checkboxes. */
export interface EditorForm {
  title: string;
  body: string;
  note: string;
  folder: string;
  tagsText: string;
  shortcut: string;
  platforms: Platform[];
  kinds: TicketKind[];
}

export function formFromTemplate(tpl: Template | undefined, folder = ''): EditorForm {
  return {
    title: tpl?.title ?? '',
    body: tpl?.body ?? '',
    note: tpl?.note ?? '',
    folder: tpl?.folder ?? folder,
    tagsText: tpl?.tags.join('，') ?? '',
    shortcut: tpl?.shortcut ?? '',
    platforms: [...(tpl?.scope.platforms ?? [])],
    kinds: [...(tpl?.scope.kinds ?? [])],
  };
}

/** Tags as people type them: Chinese or Western commas, 、, semicolons. Duplicates dropped. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；|]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** The draft the repository validates. Shop scope is kept from the template (no shop picker yet). */
export function draftFromForm(f: EditorForm, base?: Template): TemplateDraft {
  return {
    title: f.title.trim(),
    body: f.body,
    folder: f.folder.trim(),
    tags: parseTags(f.tagsText),
    scope: { platforms: [...f.platforms], kinds: [...f.kinds], shops: [...(base?.scope.shops ?? [])] },
    ...(f.shortcut.trim() !== '' ? { shortcut: f.shortcut.trim() } : {}),
    ...(f.note.trim() !== '' ? { note: f.note.trim() } : {}),
  };
}

export interface TemplateEditorProps {
  /** The template being edited; absent for a new one. */
  template?: Template | undefined;
  /** Folder a new template starts in (the one selected in the library). */
  folder?: string;
  folders: readonly string[];
  /** Other templates, to warn about a shortcut already in use. */
  others: readonly Template[];
  errors: readonly string[];
  onSave(draft: TemplateDraft): void;
  onCancel(): void;
}

const toggle = <T,>(list: readonly T[], v: T, on: boolean): T[] => (on ? [...list, v] : list.filter((x) => x !== v));

export function TemplateEditor(props: TemplateEditorProps): ReactNode {
  const { template, folders, others, errors, onSave, onCancel } = props;
  const [form, setForm] = useState<EditorForm>(() => formFromTemplate(template, props.folder));
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const caretRef = useRef<number | undefined>(undefined);
  const set = <K extends keyof EditorForm>(k: K, v: EditorForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  // Put the caret after an inserted variable once React has rendered the new body.
  useLayoutEffect(() => {
    const at = caretRef.current;
    if (at === undefined || !bodyRef.current) return;
    caretRef.current = undefined;
    bodyRef.current.focus();
    bodyRef.current.setSelectionRange(at, at);
  }, [form.body]);

  const insertToken = (token: string) => {
    const el = bodyRef.current;
    const start = el?.selectionStart ?? form.body.length;
    const end = el?.selectionEnd ?? form.body.length;
    caretRef.current = start + token.length;
    set('body', form.body.slice(0, start) + token + form.body.slice(end));
  };

  const unknown = useMemo(() => parseBody(form.body).unknown, [form.body]);
  const shortcut = form.shortcut.trim().toLowerCase().replace(/^\//, '');
  const clash =
    shortcut === ''
      ? undefined
      : others.find((o) => o.id !== template?.id && (o.shortcut ?? '').toLowerCase().replace(/^\//, '') === shortcut);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(draftFromForm(form, template));
  };

  const listId = 'tr-lib-folders';
  return (
    <form
      className="tr-lib__editor"
      onSubmit={submit}
      aria-label={template ? t('tpl_editor_edit') : t('tpl_editor_new')}
    >
      <strong>{template ? t('tpl_editor_edit') : t('tpl_editor_new')}</strong>
      {errors.length > 0 ? (
        <div role="alert">
          {t('tpl_errors')}
          <ul className="tr-lib__errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <label>
        {t('tpl_field_title')}
        <input
          type="text"
          name="title"
          maxLength={60}
          required
          value={form.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </label>
      <div>
        <div className="tr-lib__chips" aria-label={t('tpl_insert_variable')}>
          <span>{t('tpl_insert_variable')}</span>
          {VARIABLES.map((v) => (
            <button
              key={v.key}
              type="button"
              className="tr-lib__chip"
              title={variableHint(v.key)}
              onMouseDown={(e) => e.preventDefault() /* keep the caret in the body */}
              onClick={() => insertToken(variableToken(v.key))}
            >
              {variableText(v.key)}
            </button>
          ))}
        </div>
      </div>
      <label>
        {t('tpl_field_body')}
        <textarea
          ref={bodyRef}
          name="body"
          maxLength={2000}
          required
          value={form.body}
          onChange={(e) => set('body', e.target.value)}
        />
      </label>
      {unknown.length > 0 ? <div className="tr-lib__warn">{t('tpl_unknown_variables', unknown.join(' '))}</div> : null}
      <label>
        {t('tpl_field_note')}
        <input
          type="text"
          name="note"
          maxLength={200}
          value={form.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </label>
      <div className="tr-lib__row">
        <label style={{ flex: 1 }}>
          {t('tpl_field_folder')}
          <input
            type="text"
            name="folder"
            maxLength={40}
            list={listId}
            value={form.folder}
            onChange={(e) => set('folder', e.target.value)}
          />
          <datalist id={listId}>
            {folders.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        <label style={{ flex: 1 }}>
          {t('tpl_field_shortcut')}
          <input
            type="text"
            name="shortcut"
            maxLength={20}
            value={form.shortcut}
            onChange={(e) => set('shortcut', e.target.value)}
          />
        </label>
      </div>
      {clash ? <div className="tr-lib__warn">{t('tpl_shortcut_taken', form.shortcut.trim(), clash.title)}</div> : null}
      <label>
        {t('tpl_field_tags')}
        <input type="text" name="tags" value={form.tagsText} onChange={(e) => set('tagsText', e.target.value)} />
      </label>
      <fieldset className="tr-lib__checks">
        <legend>{t('tpl_field_platforms')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              name={`platform-${p}`}
              checked={form.platforms.includes(p)}
              onChange={(e) => set('platforms', toggle(form.platforms, p, e.target.checked))}
            />
            {platformName(p)}
          </label>
        ))}
      </fieldset>
      <fieldset className="tr-lib__checks">
        <legend>{t('tpl_field_kinds')}</legend>
        {TICKET_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              name={`kind-${k}`}
              checked={form.kinds.includes(k)}
              onChange={(e) => set('kinds', toggle(form.kinds, k, e.target.checked))}
            />
            {t(`kind_${k.replace(/-/g, '_')}`)}
          </label>
        ))}
      </fieldset>
      <div className="tr-lib__row">
        <button type="submit" className="tr-primary">
          {t('tpl_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('tpl_cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The reply-template picker shown beside a marketplace reply box (mounted by the overlay inside a
 * shadow root). It knows nothing about marketplaces: it gets templates, variable values and callbacks.
 *
 * Page data (buyer names, product titles) is rendered as React text, never as HTML.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Template } from '../../lib/model/template';
import { isVariableSegment, renderSegments, renderText } from '../../lib/templates/render';
import { searchTemplates, type SearchIndex, type SearchScope } from '../../lib/templates/search';
import { hasValue, type VariableKey, type VariableValues } from '../../lib/templates/variables';
import { variableHint, variableText } from '../../lib/templates/variable-labels';
import { t } from '../../lib/i18n';

export interface TemplatePickerProps {
  /**
   * The templates with their search index (lib/templates/search-index.ts). Built by the caller: on seller
   * pages the worker builds it, so the content script never loads the pinyin dictionary.
   */
  index: SearchIndex;
  /** Variable values by variable key (`buyer`, `orderId`, …), from the ticket and order on the page. */
  context: Record<string, string | undefined>;
  /** Called with the fully rendered text; the overlay inserts it and counts the use. */
  onInsert(text: string, template: Template): void;
  onClose(): void;
  /** The UI's language; labels and hints come from the messages (variable-labels.ts), which already follow it. */
  locale: 'zh' | 'en';
  /** Only templates for this platform / kind / shop are listed. */
  scope?: SearchScope;
  /** Pre-filled search, e.g. a shortcut typed in the reply box. */
  initialQuery?: string;
  /** How many results are rendered at most (the list is for picking, not browsing). */
  maxResults?: number;
}

/** Next active index for an arrow key, wrapping around. Exported for tests. */
export function moveActive(index: number, delta: 1 | -1, length: number): number {
  if (length === 0) return 0;
  return (((index + delta) % length) + length) % length;
}

/** Keys that also reach the page's own shortcuts unless stopped (shadow DOM retargets, it does not stop). */
function isComposing(e: KeyboardEvent): boolean {
  // Enter confirms a candidate in Chinese IMEs; it must not insert a template.
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

export function TemplatePicker(props: TemplatePickerProps): ReactNode {
  const { index, context, onInsert, onClose, scope, initialQuery = '', maxResults = 50 } = props;
  const uid = useId();
  const [query, setQuery] = useState(initialQuery);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  /** Values the merchant typed for variables the page did not know. Shared across templates on purpose. */
  const [typed, setTyped] = useState<VariableValues>({});
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  // Built once per template list (pinyin is the expensive part), reused per keystroke.

  const hits = useMemo(
    () => searchTemplates(index, query, scope).slice(0, maxResults),
    [index, query, scope, maxResults],
  );
  const active = hits.find((h) => h.template.id === activeId)?.template ?? hits[0]?.template;
  const activeIndex = active ? hits.findIndex((h) => h.template.id === active.id) : -1;

  const contextValues = context as VariableValues;
  const values = useMemo((): VariableValues => {
    const v: VariableValues = {};
    for (const [k, val] of Object.entries(contextValues)) if (hasValue(val)) v[k as VariableKey] = val;
    for (const [k, val] of Object.entries(typed)) if (hasValue(val)) v[k as VariableKey] = val;
    return v;
  }, [contextValues, typed]);

  const rendered = active ? renderSegments(active.body, values) : undefined;
  const result = active ? renderText(active.body, values) : undefined;

  useEffect(() => {
    searchRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.children[activeIndex]?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const focusFirstMissing = (): boolean => {
    const inputs = previewRef.current?.querySelectorAll<HTMLInputElement>('input[data-variable]');
    for (const input of inputs ?? []) {
      if (input.value.trim() === '') {
        input.focus();
        return true;
      }
    }
    return false;
  };

  const tryInsert = () => {
    if (!active || !result) return;
    if (result.ok) onInsert(result.text, active);
    else focusFirstMissing();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The page's own hotkeys (some seller consoles bind Enter and letters) must not see our typing.
    e.stopPropagation();
    e.nativeEvent.stopPropagation();
    if (isComposing(e)) return;
    const target = e.target as HTMLElement;
    const inSearch = target === searchRef.current;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && (inSearch || target.closest('[role="listbox"]'))) {
      e.preventDefault();
      const next = moveActive(activeIndex, e.key === 'ArrowDown' ? 1 : -1, hits.length);
      setActiveId(hits[next]?.template.id);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      if (target.tagName === 'BUTTON') return; // the button's own click handles it
      e.preventDefault();
      tryInsert();
    }
  };

  const stop = (e: KeyboardEvent) => {
    e.stopPropagation();
    e.nativeEvent.stopPropagation();
  };

  const listId = `${uid}-list`;
  const optionId = (id: string) => `${uid}-opt-${id}`;

  return (
    <div className="tr-picker" role="dialog" aria-label={t('picker_dialog_label')} onKeyDown={onKeyDown} onKeyUp={stop}>
      <div className="tr-picker__head">
        <input
          ref={searchRef}
          className="tr-picker__search"
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={active ? optionId(active.id) : undefined}
          aria-label={t('picker_search_label')}
          placeholder={t('picker_search_placeholder')}
          value={query}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveId(undefined);
          }}
        />
        <button
          type="button"
          className="tr-picker__close"
          aria-label={t('picker_close')}
          title={t('picker_close')}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <div className="tr-picker__main">
        <ul ref={listRef} id={listId} className="tr-picker__list" role="listbox" aria-label={t('picker_results_label')}>
          {hits.length === 0 ? (
            <li className="tr-picker__empty" role="presentation">
              {index.entries.length === 0 ? t('picker_no_templates') : t('picker_no_results')}
            </li>
          ) : (
            hits.map(({ template: tpl }) => (
              <li
                key={tpl.id}
                id={optionId(tpl.id)}
                className="tr-picker__item"
                role="option"
                aria-selected={tpl.id === active?.id}
                data-template-id={tpl.id}
                onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
                onClick={() => setActiveId(tpl.id)}
                onDoubleClick={() => {
                  setActiveId(tpl.id);
                  const r = renderText(tpl.body, values);
                  if (r.ok) onInsert(r.text, tpl);
                }}
              >
                <div className="tr-picker__title">
                  <span>{tpl.title}</span>
                  {tpl.shortcut ? <span className="tr-picker__shortcut">{tpl.shortcut}</span> : null}
                </div>
                <div className="tr-picker__meta">
                  {[tpl.folder, ...tpl.tags].filter((x) => x !== '').join(' · ')}
                  {tpl.usageCount > 0 ? ` · ${t('picker_usage', tpl.usageCount)}` : ''}
                </div>
              </li>
            ))
          )}
        </ul>
        <div ref={previewRef} className="tr-picker__preview" aria-label={t('picker_preview')} aria-live="polite">
          {active && rendered ? (
            <>
              <div className="tr-picker__body" data-testid="preview">
                {rendered.segments.map((seg, i) => {
                  if (!isVariableSegment(seg)) return <span key={i}>{seg.text}</span>;
                  const key = seg.variable;
                  const fromPage = hasValue(contextValues[key]);
                  if (fromPage) {
                    return (
                      <mark key={i} className="tr-picker__var" title={seg.token} data-variable-filled={key}>
                        {seg.value}
                      </mark>
                    );
                  }
                  const label = variableText(key);
                  const v = typed[key] ?? '';
                  return (
                    <input
                      key={i}
                      className="tr-picker__var-input"
                      data-variable={key}
                      data-filled={hasValue(v)}
                      aria-label={`${t('picker_fill_prompt')} ${label}`}
                      aria-invalid={!hasValue(v)}
                      placeholder={label}
                      title={variableHint(key)}
                      value={v}
                      size={Math.max(4, Math.min(24, (v || label).length + 2))}
                      onChange={(e) => setTyped((cur) => ({ ...cur, [key]: e.target.value }))}
                    />
                  );
                })}
              </div>
              {active.note ? (
                <div className="tr-picker__note" role="note">
                  {t('picker_note')}：{active.note}
                </div>
              ) : null}
              {rendered.unknown.length > 0 ? (
                <div className="tr-picker__warn">{t('picker_unknown_vars', rendered.unknown.join(' '))}</div>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <div className="tr-picker__foot">
        <span className="tr-picker__status" data-missing={rendered ? rendered.missing.length > 0 : false}>
          {rendered && rendered.missing.length > 0 ? t('picker_missing', rendered.missing.length) : t('picker_hint')}
        </span>
        <button type="button" className="tr-picker__insert" disabled={!result?.ok} onClick={tryInsert}>
          {t('picker_insert')}
        </button>
      </div>
    </div>
  );
}

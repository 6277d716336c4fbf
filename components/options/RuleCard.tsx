/** One rule in the 时效规则 list: a summary row, and when expanded, its editor and live preview. */
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { kindKey, platformName, surfaceName, t, uiLocale } from '@/lib/i18n';
import { PLATFORMS, TICKET_KINDS, type Platform, type TicketKind } from '@/lib/model/ticket';
import type { SurfaceId } from '@/lib/model/surface';
import { HOLIDAY_DATA_YEARS } from '@/lib/sla';
import { ruleLabel } from '@/lib/rule-label';
import { RulePreview } from './RulePreview';
import {
  addTag,
  formatBudget,
  isOvernight,
  MAX_BUDGET_HOURS,
  MAX_SEGMENTS,
  MAX_TAG_LENGTH,
  PLATFORM_SURFACES,
  RULE_SURFACES,
  ruleFromForm,
  type FieldErrors,
  type RuleForm,
  type SegmentForm,
  type UrgentChoice,
} from './rules-form';
import { FieldError } from './ui';

export interface RuleCardProps {
  form: RuleForm;
  /** 0-based position; shown 1-based. */
  index: number;
  count: number;
  errors: FieldErrors;
  /** Name of the earlier rule that matches every ticket, when this one can never apply. */
  shadowedBy: string | undefined;
  expanded: boolean;
  onToggleExpanded(): void;
  onChange(next: RuleForm): void;
  onMove(delta: -1 | 1): void;
  /** Absent for the `default` rule, which cannot be deleted. */
  onDelete: (() => void) | undefined;
}

const SEPARATORS = /[,，、;；\n]/u;

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** Tags as chips: Enter, a comma or 、 adds; Backspace in the empty field removes the last one. */
function TagInput(props: {
  id: string;
  tags: string[];
  onChange(tags: string[]): void;
  describedBy?: string | undefined;
}) {
  const { id, tags, onChange, describedBy } = props;
  const [text, setText] = useState('');
  const commit = (value: string) => {
    const next = value.split(SEPARATORS).reduce<string[]>((acc, part) => addTag(acc, part), tags);
    if (next.length !== tags.length) onChange(next);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (text.trim()) commit(text);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) onChange(tags.slice(0, -1));
  };
  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.target.value;
    if (SEPARATORS.test(v)) commit(v);
    else setText(v);
  };
  return (
    <div className="opt-chips">
      {tags.map((tag) => (
        <span key={tag} className="opt-chip">
          {tag}
          <button
            type="button"
            aria-label={t('opt_tag_remove', tag)}
            onClick={() => onChange(tags.filter((x) => x !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        className="opt-chips__input"
        value={text}
        // The schema's limit as a typing limit: a tag can never be too long, so none is dropped silently.
        maxLength={MAX_TAG_LENGTH}
        placeholder={t('opt_tags_placeholder')}
        aria-describedby={describedBy}
        onChange={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && commit(text)}
      />
    </div>
  );
}

function SegmentsEditor(props: {
  ruleId: string;
  segments: SegmentForm[];
  errors: FieldErrors;
  onChange(s: SegmentForm[]): void;
}) {
  const { ruleId, segments, errors, onChange } = props;
  const set = (i: number, part: keyof SegmentForm, value: string) =>
    onChange(segments.map((s, j) => (j === i ? { ...s, [part]: value.trim() } : s)));
  return (
    <div className="opt-segments">
      {segments.map((s, i) => {
        const errId = `rule-${ruleId}-seg-${i}-err`;
        const err = errors[`segments.${i}`];
        return (
          <div key={i} className="opt-segment" data-segment={i}>
            <input
              type="text"
              className="opt-input opt-time"
              inputMode="numeric"
              placeholder="09:00"
              maxLength={5}
              value={s.start}
              aria-label={t('opt_segment_start', i + 1)}
              aria-invalid={err !== undefined}
              aria-describedby={err ? errId : undefined}
              onChange={(e) => set(i, 'start', e.target.value)}
            />
            <span aria-hidden="true">–</span>
            <input
              type="text"
              className="opt-input opt-time"
              inputMode="numeric"
              placeholder="21:00"
              maxLength={5}
              value={s.end}
              aria-label={t('opt_segment_end', i + 1)}
              aria-invalid={err !== undefined}
              aria-describedby={err ? errId : undefined}
              onChange={(e) => set(i, 'end', e.target.value)}
            />
            {!err && isOvernight(s) && <span className="opt-muted opt-small">{t('opt_segment_overnight', s.end)}</span>}
            <button
              type="button"
              className="opt-btn is-small"
              disabled={segments.length <= 1}
              aria-label={t('opt_segment_remove', i + 1)}
              onClick={() => onChange(segments.filter((_, j) => j !== i))}
            >
              ×
            </button>
            <FieldError id={errId} error={err} />
          </div>
        );
      })}
      <button
        type="button"
        className="opt-btn is-small"
        disabled={segments.length >= MAX_SEGMENTS}
        onClick={() => onChange([...segments, { start: '', end: '' }])}
      >
        {t('opt_segment_add')}
      </button>
      <FieldError id={`rule-${ruleId}-segs-err`} error={errors.segments} />
    </div>
  );
}

/** One line describing what a rule matches and allows, for the collapsed row. */
function summaryOf(form: RuleForm): string {
  const locale = uiLocale();
  const sep = locale === 'en' ? ', ' : '、';
  const parts = [
    form.surfaces.length ? form.surfaces.map((s) => surfaceName(s)).join(sep) : t('opt_any_surface'),
    form.platforms.length ? form.platforms.map((p) => platformName(p)).join(sep) : t('opt_any_platform'),
    form.kinds.length ? form.kinds.map((k) => t(kindKey(k))).join(sep) : t('opt_any_kind'),
  ];
  if (form.tags.length) parts.push(t('opt_summary_tags', form.tags.join(' / ')));
  if (form.urgent !== 'any') parts.push(form.urgent === 'yes' ? t('opt_urgent_yes') : t('opt_urgent_no'));
  const r = ruleFromForm(form);
  if (r.ok) parts.push(formatBudget(r.rule.budgetMs, locale));
  parts.push(
    form.clockType === 'calendar'
      ? t('opt_clock_calendar_short')
      : `${form.segments.map((s) => `${s.start}–${s.end}`).join(sep)} ${form.days === 'workdays' ? t('opt_days_workdays_short') : t('opt_days_every_short')}`,
  );
  return parts.join(' · ');
}

export function RuleCard(props: RuleCardProps) {
  const { form, index, count, errors, shadowedBy, expanded, onChange } = props;
  const base = `rule-${form.id}`;
  const hasErrors = Object.keys(errors).length > 0;
  const set = (patch: Partial<RuleForm>) => onChange({ ...form, ...patch });
  // A default rule the merchant never renamed is named in the UI's language; the field keeps what is stored.
  const label = ruleLabel(form);
  const err = (field: string) => (errors[field] ? `${base}-${field}-err` : undefined);

  return (
    <li className={`opt-rule${expanded ? ' is-open' : ''}${form.enabled ? '' : ' is-off'}`} data-rule-id={form.id}>
      <div className="opt-rule__row">
        <span className="opt-rule__n" aria-hidden="true">
          {index + 1}
        </span>
        <label className="opt-switch">
          <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          <span className="opt-visually-hidden">{t('opt_rule_enabled_for', label || form.id)}</span>
        </label>
        <button
          type="button"
          className="opt-rule__title"
          aria-expanded={expanded}
          aria-controls={`${base}-editor`}
          onClick={props.onToggleExpanded}
        >
          <span className="opt-rule__name">{label || t('opt_rule_unnamed')}</span>
          <span className="opt-rule__summary">{summaryOf(form)}</span>
        </button>
        <span className="opt-rule__badges">
          {form.informational && <span className="opt-tag">{t('opt_rule_informational')}</span>}
          {form.startFrom === 'shipped' && <span className="opt-tag">{t('opt_rule_from_shipping')}</span>}
          {shadowedBy !== undefined && (
            <span className="opt-tag is-amber" title={t('opt_rule_shadowed_help', shadowedBy)}>
              {t('opt_rule_shadowed')}
            </span>
          )}
          {hasErrors && <span className="opt-tag is-red">{t('opt_rule_has_errors')}</span>}
        </span>
        <span className="opt-rule__tools">
          <button
            type="button"
            className="opt-btn is-icon"
            disabled={index === 0}
            aria-label={t('opt_rule_up', label)}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="opt-btn is-icon"
            disabled={index === count - 1}
            aria-label={t('opt_rule_down', label)}
            onClick={() => props.onMove(1)}
          >
            ↓
          </button>
          {props.onDelete && (
            <button type="button" className="opt-btn is-danger is-small" onClick={props.onDelete}>
              {t('opt_rule_delete')}
            </button>
          )}
        </span>
      </div>

      {expanded && (
        <div className="opt-rule__editor" id={`${base}-editor`}>
          <div className="opt-field">
            <label htmlFor={`${base}-name`}>{t('opt_rule_name')}</label>
            <input
              id={`${base}-name`}
              type="text"
              className="opt-input"
              maxLength={60}
              value={form.name}
              aria-invalid={errors.name !== undefined}
              aria-describedby={err('name')}
              onChange={(e) => set({ name: e.target.value })}
            />
            {label !== form.name && (
              <span className="opt-muted opt-small" data-rule-shown-as>
                {t('opt_rule_name_shown_as', label)}
              </span>
            )}
            <span className="opt-muted opt-small opt-mono">id: {form.id}</span>
            <FieldError id={`${base}-name-err`} error={errors.name} />
            <FieldError id={`${base}-id-err`} error={errors.id} />
          </div>

          <fieldset className="opt-field" data-field="surfaces">
            <legend>{t('opt_rule_surfaces')}</legend>
            <div className="opt-checks">
              {RULE_SURFACES.map((s: SurfaceId) => (
                <label key={s}>
                  <input
                    type="checkbox"
                    value={s}
                    checked={form.surfaces.includes(s)}
                    onChange={(e) => set({ surfaces: toggle(form.surfaces, s, e.target.checked) })}
                  />
                  {surfaceName(s)}
                </label>
              ))}
            </div>
            <p className="opt-hint">{t('opt_rule_surfaces_hint')}</p>
            <p className="opt-hint" data-platform-surfaces>
              {t(
                'opt_rule_platform_surfaces',
                PLATFORM_SURFACES.map((s) => surfaceName(s)).join(uiLocale() === 'en' ? ', ' : '、'),
              )}
            </p>
          </fieldset>

          <fieldset className="opt-field">
            <legend>{t('opt_rule_platforms')}</legend>
            <div className="opt-checks">
              {PLATFORMS.map((p: Platform) => (
                <label key={p}>
                  <input
                    type="checkbox"
                    checked={form.platforms.includes(p)}
                    onChange={(e) => set({ platforms: toggle(form.platforms, p, e.target.checked) })}
                  />
                  {platformName(p)}
                </label>
              ))}
            </div>
            <p className="opt-hint">{t('opt_rule_platforms_hint')}</p>
          </fieldset>

          <fieldset className="opt-field">
            <legend>{t('opt_rule_kinds')}</legend>
            <div className="opt-checks">
              {TICKET_KINDS.map((k: TicketKind) => (
                <label key={k}>
                  <input
                    type="checkbox"
                    checked={form.kinds.includes(k)}
                    onChange={(e) => set({ kinds: toggle(form.kinds, k, e.target.checked) })}
                  />
                  {t(kindKey(k))}
                </label>
              ))}
            </div>
            <p className="opt-hint">{t('opt_rule_kinds_hint')}</p>
          </fieldset>

          <div className="opt-field">
            <label htmlFor={`${base}-tags`}>{t('opt_rule_tags')}</label>
            <TagInput
              id={`${base}-tags`}
              tags={form.tags}
              onChange={(tags) => set({ tags })}
              describedBy={`${base}-tags-hint`}
            />
            <p className="opt-hint" id={`${base}-tags-hint`}>
              {t('opt_rule_tags_hint')}
            </p>
            <FieldError id={`${base}-tags-err`} error={errors.tags} />
          </div>

          <fieldset className="opt-field">
            <legend>{t('opt_rule_urgent')}</legend>
            <div className="opt-checks">
              {(['any', 'yes', 'no'] as const).map((u: UrgentChoice) => (
                <label key={u}>
                  <input
                    type="radio"
                    name={`${base}-urgent`}
                    checked={form.urgent === u}
                    onChange={() => set({ urgent: u })}
                  />
                  {t(`opt_urgent_${u}`)}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="opt-field">
            <legend>{t('opt_rule_budget')}</legend>
            <div className="opt-inline">
              <input
                type="number"
                className="opt-input opt-num"
                min={0}
                max={MAX_BUDGET_HOURS}
                step={1}
                value={form.hours}
                aria-label={t('opt_rule_budget_hours')}
                aria-invalid={errors.budget !== undefined}
                aria-describedby={err('budget')}
                onChange={(e) => set({ hours: e.target.value })}
              />
              <span>{t('opt_unit_hours')}</span>
              <input
                type="number"
                className="opt-input opt-num"
                min={0}
                max={59}
                step={1}
                value={form.minutes}
                aria-label={t('opt_rule_budget_minutes')}
                aria-invalid={errors.budget !== undefined}
                aria-describedby={err('budget')}
                onChange={(e) => set({ minutes: e.target.value })}
              />
              <span>{t('opt_unit_minutes')}</span>
            </div>
            <FieldError id={`${base}-budget-err`} error={errors.budget} />
          </fieldset>

          <fieldset className="opt-field">
            <legend>{t('opt_rule_clock')}</legend>
            <div className="opt-checks is-column">
              <label>
                <input
                  type="radio"
                  name={`${base}-clock`}
                  checked={form.clockType === 'calendar'}
                  onChange={() => set({ clockType: 'calendar' })}
                />
                {t('opt_clock_calendar')}
              </label>
              <label>
                <input
                  type="radio"
                  name={`${base}-clock`}
                  checked={form.clockType === 'windows'}
                  onChange={() => set({ clockType: 'windows' })}
                />
                {t('opt_clock_windows')}
              </label>
            </div>
            {form.clockType === 'windows' && (
              <div className="opt-subfield">
                <SegmentsEditor
                  ruleId={form.id}
                  segments={form.segments}
                  errors={errors}
                  onChange={(segments) => set({ segments })}
                />
                <p className="opt-hint">{t('opt_segments_hint')}</p>
                <div className="opt-checks">
                  <label>
                    <input
                      type="radio"
                      name={`${base}-days`}
                      checked={form.days === 'every'}
                      onChange={() => set({ days: 'every' })}
                    />
                    {t('opt_days_every')}
                  </label>
                  <label>
                    <input
                      type="radio"
                      name={`${base}-days`}
                      checked={form.days === 'workdays'}
                      onChange={() => set({ days: 'workdays' })}
                    />
                    {t('opt_days_workdays')}
                  </label>
                </div>
                {form.days === 'workdays' && (
                  <p className="opt-hint">
                    {t('opt_workdays_note', HOLIDAY_DATA_YEARS.first, HOLIDAY_DATA_YEARS.last)}
                  </p>
                )}
              </div>
            )}
          </fieldset>

          {(form.startFrom === 'shipped' || form.informational) && (
            <p className="opt-hint">
              {form.startFrom === 'shipped' && t('opt_rule_from_shipping_note')}{' '}
              {form.informational && t('opt_rule_informational_note')}
            </p>
          )}
          <FieldError id={`${base}-rule-err`} error={errors.rule} />

          <RulePreview result={ruleFromForm(form)} />
        </div>
      )}
    </li>
  );
}

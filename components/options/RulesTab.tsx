/**
 * 时效规则: the rule table (first match wins), the countdown colour thresholds and the popup horizon.
 * Edits collect in a draft; nothing is stored until 保存, which validates every rule with the zod schemas.
 * After a save the background recomputes open tickets' deadlines (entrypoints/background/settings-sync.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { ruleLabel } from '@/lib/rule-label';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/lib/model/settings';
import { RuleCard } from './RuleCard';
import {
  formFromRule,
  insertionIndex,
  moveItem,
  newRuleForm,
  shadowedRules,
  tiersFormFrom,
  tiersFromForm,
  validateRules,
  type RuleForm,
  type TiersForm,
} from './rules-form';
import { FieldError, Loading, Section } from './ui';
import { useStoredSettings } from './use-stored-settings';

interface Draft {
  rules: RuleForm[];
  tiers: TiersForm;
}

const draftFrom = (s: Settings): Draft => ({ rules: s.rules.map(formFromRule), tiers: tiersFormFrom(s) });

type Status = { kind: 'saved' } | { kind: 'invalid'; count: number } | { kind: 'failed'; message: string } | undefined;

function TiersEditor({
  form,
  errors,
  onChange,
}: {
  form: TiersForm;
  errors: Partial<Record<keyof TiersForm, string>>;
  onChange(f: TiersForm): void;
}) {
  const field = (key: keyof TiersForm, before: string, after: string, max?: number) => (
    <div className="opt-formgrid__row" key={key}>
      <label htmlFor={`tiers-${key}`}>{t(before)}</label>
      <div className="opt-inline">
        <input
          id={`tiers-${key}`}
          type="number"
          className="opt-input opt-num"
          min={0}
          max={max}
          step="any"
          value={form[key]}
          aria-invalid={errors[key] !== undefined}
          aria-describedby={errors[key] ? `tiers-${key}-err` : undefined}
          onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        />
        <span>{t(after)}</span>
        <FieldError id={`tiers-${key}-err`} error={errors[key]} />
      </div>
    </div>
  );
  return (
    <Section id="tiers" title={t('opt_tiers_title')} hint={t('opt_tiers_hint')}>
      <div className="opt-formgrid">
        {field('soonMinutes', 'opt_tiers_soon', 'opt_unit_minutes')}
        {field('soonSharePercent', 'opt_tiers_share', 'opt_unit_percent', 100)}
        {field('criticalMinutes', 'opt_tiers_critical', 'opt_unit_minutes')}
        {field('horizonHours', 'opt_tiers_horizon', 'opt_unit_hours')}
      </div>
    </Section>
  );
}

export function RulesTab() {
  const [settings, save] = useStoredSettings();
  const [draft, setDraft] = useState<Draft>();
  const [expanded, setExpanded] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);

  // Untouched, the editor follows the stored settings (another tab may save); once edited, the draft wins.
  const base = useMemo(() => (settings ? draftFrom(settings) : undefined), [settings]);
  const view = draft ?? base;
  const dirty = draft !== undefined;

  const ruleCheck = useMemo(() => (view ? validateRules(view.rules) : undefined), [view]);
  const tiersCheck = useMemo(() => (view ? tiersFromForm(view.tiers) : undefined), [view]);
  const shadowed = useMemo(() => (view ? shadowedRules(view.rules) : new Map<number, number>()), [view]);

  // Leaving with unsaved edits asks first (the browser words the prompt).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  if (!settings || !view || !ruleCheck || !tiersCheck) return <Loading />;

  const edit = (fn: (d: Draft) => Draft) => {
    setStatus(undefined);
    setDraft((d) => fn(d ?? view));
  };
  const setRules = (fn: (rules: RuleForm[]) => RuleForm[]) => edit((d) => ({ ...d, rules: fn(d.rules) }));

  const addRule = () => {
    const form = newRuleForm(
      view.rules.map((r) => r.id),
      Date.now(),
      t('opt_rule_new_name'),
    );
    setRules((rules) => {
      const at = insertionIndex(rules);
      return [...rules.slice(0, at), form, ...rules.slice(at)];
    });
    setExpanded(form.id);
  };

  const tierErrors = tiersCheck.ok ? {} : tiersCheck.errors;
  const errorCount =
    ruleCheck.ruleErrors.reduce((n, e) => n + Object.keys(e).length, 0) + Object.keys(tierErrors).length;

  const onSave = async () => {
    if (!ruleCheck.ok || !tiersCheck.ok) {
      setStatus({ kind: 'invalid', count: Math.max(1, errorCount) });
      const firstBad = ruleCheck.ruleErrors.findIndex((e) => Object.keys(e).length > 0);
      if (firstBad !== -1) setExpanded(view.rules[firstBad]!.id);
      return;
    }
    // Only the parts this tab edits; notifications and staffed hours stay as stored (maybe edited elsewhere).
    const next = SettingsSchema.safeParse({
      ...settings,
      rules: ruleCheck.rules,
      tiers: tiersCheck.tiers,
      popupHorizonMs: tiersCheck.popupHorizonMs,
    });
    if (!next.success) {
      setStatus({
        kind: 'failed',
        message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
      return;
    }
    setSaving(true);
    try {
      await save(next.data);
      setDraft(undefined);
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'failed', message: String(e) });
    } finally {
      setSaving(false);
    }
  };

  const statusText =
    status?.kind === 'saved'
      ? t('opt_rules_saved')
      : status?.kind === 'invalid'
        ? t('opt_rules_invalid', status.count)
        : status?.kind === 'failed'
          ? t('opt_rules_failed', status.message)
          : dirty
            ? t('opt_rules_dirty')
            : '';

  return (
    <>
      <Section
        id="rules"
        title={t('opt_tab_rules')}
        hint={t('opt_rules_hint')}
        actions={
          <>
            <button type="button" className="opt-btn" onClick={addRule} disabled={view.rules.length >= 100}>
              {t('opt_rule_add')}
            </button>
            <button
              type="button"
              className="opt-btn"
              onClick={() => setRules(() => DEFAULT_SETTINGS.rules.map(formFromRule))}
            >
              {t('opt_rules_reset')}
            </button>
          </>
        }
      >
        <ol className="opt-rules">
          {view.rules.map((form, i) => {
            const by = shadowed.get(i);
            return (
              <RuleCard
                key={form.id}
                form={form}
                index={i}
                count={view.rules.length}
                errors={ruleCheck.ruleErrors[i] ?? {}}
                shadowedBy={by === undefined ? undefined : ruleLabel(view.rules[by]!)}
                expanded={expanded === form.id}
                onToggleExpanded={() => setExpanded((x) => (x === form.id ? undefined : form.id))}
                onChange={(next) => setRules((rules) => rules.map((r, j) => (j === i ? next : r)))}
                onMove={(delta) => setRules((rules) => moveItem(rules, i, i + delta))}
                onDelete={
                  form.id === 'default' ? undefined : () => setRules((rules) => rules.filter((_, j) => j !== i))
                }
              />
            );
          })}
        </ol>
      </Section>

      <TiersEditor form={view.tiers} errors={tierErrors} onChange={(tiers) => edit((d) => ({ ...d, tiers }))} />

      <div className="opt-savebar" role="region" aria-label={t('opt_savebar_label')}>
        <span
          className={`opt-savebar__status${status?.kind === 'saved' ? ' is-ok' : status ? ' is-bad' : ''}`}
          role="status"
        >
          {statusText}
        </span>
        <button
          type="button"
          className="opt-btn"
          disabled={!dirty || saving}
          onClick={() => {
            setDraft(undefined);
            setStatus(undefined);
          }}
        >
          {t('opt_rules_discard')}
        </button>
        <button type="button" className="opt-btn is-primary" disabled={!dirty || saving} onClick={() => void onSave()}>
          {t('opt_save')}
        </button>
      </div>
    </>
  );
}

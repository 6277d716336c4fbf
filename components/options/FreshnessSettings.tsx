/**
 * Options → 提醒 tab, "保持最新" card (issue 14): auto-refresh of the merchant's own list tabs per platform, the
 * interval, the stale thresholds, the optional background tab, new-ticket announcements per platform and surface,
 * and the sound. Controlled like NotificationSettings: `onChange` receives only valid settings; a number being
 * typed stays a local draft with an error until it is valid.
 */
import { useId, useState } from 'react';
import { platformName, surfaceName, t } from '@/lib/i18n';
import { FreshnessSettingsSchema, type FreshnessSettings, type Settings } from '@/lib/model/settings';
import { PLATFORMS, type Platform } from '@/lib/model/ticket';
import { LIST_SURFACES } from '@/lib/freshness/surfaces';

export interface FreshnessSettingsProps {
  settings: Settings;
  onChange(next: Settings): void;
}

const MIN = 60_000;

/** Whole minutes in [min, max], or undefined. */
export function parseWholeMinutes(text: string, min: number, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

function MinutesField(props: {
  label: string;
  field: string;
  value: number;
  min: number;
  max: number;
  onValid(n: number): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(props.value));
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    if (parseWholeMinutes(draft, props.min, props.max) !== props.value) setDraft(String(props.value));
  }
  const ok = parseWholeMinutes(draft, props.min, props.max) !== undefined;
  return (
    <div className="opt-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="opt-input"
        type="number"
        min={props.min}
        max={props.max}
        step={1}
        data-field={props.field}
        value={draft}
        aria-invalid={!ok}
        aria-describedby={ok ? undefined : `${id}-err`}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const n = parseWholeMinutes(text, props.min, props.max);
          if (n !== undefined) props.onValid(n);
        }}
      />
      {!ok && (
        <span id={`${id}-err`} role="alert" className="opt-error" data-error={props.field}>
          {t('opt_fresh_interval_invalid', props.min, props.max)}
        </span>
      )}
    </div>
  );
}

export function FreshnessSettingsPanel({ settings, onChange }: FreshnessSettingsProps) {
  const f = settings.freshness;
  const emit = (patch: Partial<FreshnessSettings>) => {
    const next = FreshnessSettingsSchema.safeParse({ ...f, ...patch });
    if (next.success) onChange({ ...settings, freshness: next.data });
  };
  const platformChecks = (field: 'keepFresh' | 'announce' | 'backgroundTab') => (
    <div className="opt-field opt-checks" data-field={field}>
      {PLATFORMS.map((p: Platform) => (
        <label key={p}>
          <input
            type="checkbox"
            data-platform={p}
            checked={f[field][p]}
            onChange={(e) => emit({ [field]: { ...f[field], [p]: e.currentTarget.checked } })}
          />
          {platformName(p)}
        </label>
      ))}
    </div>
  );

  return (
    <div className="opt-fresh" data-component="freshness-settings">
      <h3>{t('opt_fresh_title')}</h3>
      <p className="opt-hint">{t('opt_fresh_intro')}</p>

      <h4>{t('opt_fresh_keep')}</h4>
      {platformChecks('keepFresh')}
      <MinutesField
        label={t('opt_fresh_interval')}
        field="interval"
        value={f.intervalMin}
        min={2}
        max={60}
        onValid={(n) => emit({ intervalMin: n })}
      />
      <MinutesField
        label={t('opt_fresh_stale_kept')}
        field="stale-kept"
        value={Math.round(f.staleKeptMs / MIN)}
        min={2}
        max={24 * 60}
        onValid={(n) => emit({ staleKeptMs: n * MIN })}
      />
      <MinutesField
        label={t('opt_fresh_stale_other')}
        field="stale-other"
        value={Math.round(f.staleOtherMs / MIN)}
        min={2}
        max={7 * 24 * 60}
        onValid={(n) => emit({ staleOtherMs: n * MIN })}
      />

      <h4>{t('opt_fresh_bg')}</h4>
      <p className="opt-hint">{t('opt_fresh_bg_help')}</p>
      {platformChecks('backgroundTab')}

      <h4>{t('opt_fresh_announce')}</h4>
      <p className="opt-hint">{t('opt_fresh_announce_help')}</p>
      {platformChecks('announce')}
      <div className="opt-field opt-checks" data-field="announce-surfaces">
        {LIST_SURFACES.map((s) => (
          <label key={s.surface}>
            <input
              type="checkbox"
              data-surface={s.surface}
              disabled={!f.announce[s.platform]}
              checked={f.announceSurfaces[s.surface] !== false}
              onChange={(e) =>
                emit({ announceSurfaces: { ...f.announceSurfaces, [s.surface]: e.currentTarget.checked } })
              }
            />
            {surfaceName(s.surface)}
          </label>
        ))}
      </div>
      <div className="opt-field opt-checks">
        <label>
          <input
            type="checkbox"
            data-field="sound"
            checked={f.sound}
            onChange={(e) => emit({ sound: e.currentTarget.checked })}
          />
          {t('opt_fresh_sound')}
        </label>
      </div>
    </div>
  );
}

/**
 * 页面功能: one switch per page feature of the registry (lib/features/registry.ts, ids in FEATURE_IDS). A
 * feature that is switched off leaves the open seller pages at once: the pages watch the stored settings
 * (lib/overlay/page-settings.ts) and restart their features under the new toggles, no reload needed.
 * Names and descriptions are the messages `opt_feature_<id>` / `opt_feature_<id>_hint` (`-` as `_`).
 */
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model/settings';
import { FEATURE_IDS, type FeatureId } from '@/lib/model/settings-defaults';

interface Props {
  settings: Settings;
  onChange(next: Settings): void;
}

const key = (id: FeatureId) => `opt_feature_${id.replace(/-/g, '_')}`;

export function FeatureToggles({ settings, onChange }: Props) {
  // A feature missing from the stored settings is on (SettingsSchema: "a missing one is on").
  const on = (id: FeatureId) => settings.features[id] !== false;
  const set = (id: FeatureId, value: boolean) =>
    onChange({ ...settings, features: { ...settings.features, [id]: value } });
  return (
    <div className="opt-features" data-component="feature-toggles">
      <h3 id="opt-features-title">{t('opt_features_title')}</h3>
      <p className="opt-hint">{t('opt_features_intro')}</p>
      <ul className="opt-features__list" aria-labelledby="opt-features-title">
        {FEATURE_IDS.map((id) => (
          <li key={id} className="opt-feature" data-feature={id} data-on={on(id)}>
            <label className="opt-feature__row">
              <input
                type="checkbox"
                role="switch"
                className="opt-switch"
                checked={on(id)}
                aria-describedby={`opt-feature-${id}-hint`}
                onChange={(e) => set(id, e.currentTarget.checked)}
              />
              <span className="opt-feature__name">{t(key(id))}</span>
              <span className="opt-feature__state" aria-hidden="true">
                {t(on(id) ? 'opt_feature_on' : 'opt_feature_off')}
              </span>
            </label>
            <p id={`opt-feature-${id}-hint`} className="opt-feature__hint">
              {t(`${key(id)}_hint`)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

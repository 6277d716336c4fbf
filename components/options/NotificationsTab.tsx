/**
 * 提醒: notification settings, edited by NotificationSettings (a colleague's component, components/options/
 * NotificationSettings.tsx). It hands over only valid settings; they are stored as they come.
 */
import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model/settings';
import { NotificationSettings } from './NotificationSettings';
import { FeatureToggles } from './FeatureToggles';
import { FreshnessSettingsPanel } from './FreshnessSettings';
import { Loading, Section } from './ui';
import { useStoredSettings } from './use-stored-settings';

export function NotificationsTab() {
  const [settings, save] = useStoredSettings();
  const [failed, setFailed] = useState<string>();
  if (!settings) return <Loading />;
  const onChange = (next: Settings) => {
    save(next).then(
      () => setFailed(undefined),
      (e: unknown) => setFailed(String(e)),
    );
  };
  return (
    <Section id="notifications" title={t('opt_tab_notifications')}>
      <NotificationSettings settings={settings} onChange={onChange} />
      <FreshnessSettingsPanel settings={settings} onChange={onChange} />
      <FeatureToggles settings={settings} onChange={onChange} />
      {failed && (
        <p className="opt-error" role="alert">
          {t('opt_rules_failed', failed)}
        </p>
      )}
    </Section>
  );
}

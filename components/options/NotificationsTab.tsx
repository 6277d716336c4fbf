/**
 * 提醒: notification settings.
 *
 * SLOT: components/options/NotificationSettings.tsx (a colleague's, props `{ settings, onChange(next) }`) did
 * not exist yet when this tab was written. Once it lands, replace the placeholder below with
 * `<NotificationSettings settings={settings} onChange={(next) => void save(next)} />`
 * (import { NotificationSettings } from './NotificationSettings'); `save` already validates and persists.
 */
import { t } from '@/lib/i18n';
import { Loading, Section } from './ui';
import { useStoredSettings } from './use-stored-settings';

export function NotificationsTab() {
  const [settings] = useStoredSettings();
  if (!settings) return <Loading />;
  return (
    <Section id="notifications" title={t('opt_tab_notifications')}>
      <p className="opt-empty" data-slot="notification-settings">
        {t('opt_notifications_pending')}
      </p>
    </Section>
  );
}

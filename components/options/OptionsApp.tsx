/**
 * The options page: six tabs, routed by the URL hash (`options.html#rules`). A tab mounts on first visit
 * and then stays mounted while hidden, so switching tabs never throws away an unsaved rule edit.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { AnalyticsTab } from './AnalyticsTab';
import { DiagnosticsTab } from './DiagnosticsTab';
import { NotificationsTab } from './NotificationsTab';
import { RulesTab } from './RulesTab';
import { ShopsTab } from './ShopsTab';
import { TemplatesTab } from './TemplatesTab';
import { useHashTab } from './use-hash-tab';

/** Tab ids are URL hashes: keep them stable, links point at them. */
export const TAB_IDS = ['overview', 'templates', 'rules', 'notifications', 'shops', 'diagnostics'] as const;
export type TabId = (typeof TAB_IDS)[number];

const TABS: Record<TabId, { label: string; render: () => ReactNode }> = {
  overview: { label: 'opt_tab_overview', render: () => <AnalyticsTab /> },
  templates: { label: 'opt_tab_templates', render: () => <TemplatesTab /> },
  rules: { label: 'opt_tab_rules', render: () => <RulesTab /> },
  notifications: { label: 'opt_tab_notifications', render: () => <NotificationsTab /> },
  shops: { label: 'opt_tab_shops', render: () => <ShopsTab /> },
  diagnostics: { label: 'opt_tab_diagnostics', render: () => <DiagnosticsTab /> },
};

export function OptionsApp() {
  const [tab, select] = useHashTab(TAB_IDS, 'overview');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const buttons = useRef(new Map<TabId, HTMLButtonElement>());

  // Adjusting state while rendering (React's documented pattern) instead of an effect: no extra paint.
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  useEffect(() => {
    document.title = `${t(TABS[tab].label)} · ${t('extName')}`;
  }, [tab]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, vertical list).
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TAB_IDS.indexOf(tab);
    const next =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? TAB_IDS[(i + 1) % TAB_IDS.length]
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? TAB_IDS[(i - 1 + TAB_IDS.length) % TAB_IDS.length]
          : e.key === 'Home'
            ? TAB_IDS[0]
            : e.key === 'End'
              ? TAB_IDS[TAB_IDS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    select(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div className="opt">
      <header className="opt-top">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t('opt_title')}</h1>
      </header>
      <div className="opt-body">
        <nav className="opt-nav" aria-label={t('opt_nav_label')}>
          <div role="tablist" aria-orientation="vertical" onKeyDown={onKeyDown}>
            {TAB_IDS.map((id) => (
              <button
                key={id}
                ref={(el) => {
                  if (el) buttons.current.set(id, el);
                  else buttons.current.delete(id);
                }}
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                className="opt-nav__tab"
                onClick={() => select(id)}
              >
                {t(TABS[id].label)}
              </button>
            ))}
          </div>
        </nav>
        <main className="opt-main">
          {TAB_IDS.filter((id) => visited.has(id)).map((id) => (
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={tab !== id}
              data-tab={id}
            >
              {TABS[id].render()}
            </div>
          ))}
        </main>
      </div>
    </div>
  );
}

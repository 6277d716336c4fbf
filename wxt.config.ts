import { defineConfig } from 'wxt';
import { MARKETPLACES } from './lib/adapters/catalog';
import { manifestHosts } from './lib/adapters/manifest';

// Thin config: manifest facts live here, everything else in lib/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // No `tabs`: host access to the four seller hosts is what lets the popup find a tab already on a ticket's
    // page and the freshness schedule find and reload the merchant's list tabs (tab URLs of those hosts only).
    // `offscreen` (Chrome only): the new-ticket sound plays in an offscreen document (lib/freshness).
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The seller hosts come from the adapters' meta.ts (lib/adapters/catalog.ts): host_permissions and the
    // picker panel's web_accessible_resources (the content scripts compute their matches the same way).
    ...manifestHosts(MARKETPLACES),
    action: { default_title: '__MSG_extName__' },
    // Work the queue from the keyboard; rebindable in chrome://extensions/shortcuts (lib/tickets/next.ts).
    commands: {
      'open-next-ticket': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextTicket__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ticket-radar@ticket-radar.dev',
              // MV3 with world: 'MAIN' content scripts (the response observers) needs Firefox 128.
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

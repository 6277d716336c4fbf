import { defineConfig } from 'wxt';

// Thin config: manifest facts live here, everything else in lib/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // `offscreen` (Chrome only): the new-ticket sound plays in an offscreen document (lib/freshness).
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'tabs',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    action: { default_title: '__MSG_extName__' },
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

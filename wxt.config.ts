import { defineConfig } from 'wxt';

// Thin config: manifest facts live here, everything else in lib/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // No `tabs`: host access to the four seller hosts is what lets the popup find a tab already on a ticket's
    // page (tab URLs of those hosts only), and it is all the extension needs.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: [
      'https://mms.pinduoduo.com/*',
      'https://fxg.jinritemai.com/*',
      'https://myseller.taobao.com/*',
      'https://qn.taobao.com/*',
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

import { defineConfig } from 'wxt';
import { MARKETPLACES } from './lib/adapters/catalog';
import { manifestHosts } from './lib/adapters/manifest';
import type { Plugin } from 'vite';

/**
 * zod probes `new Function("")` once to decide whether it may compile fast object parsers. Under MV3's
 * extension CSP the probe can only fail (and Chrome reports a CSP violation for it), and the probe is what
 * `web-ext lint` flags as DANGEROUS_EVAL in every bundle. Answering "no" at build time is zod's `jitless`
 * mode without a runtime flag every entrypoint would have to set first. The build fails if zod's probe
 * changes shape, so this never silently stops applying.
 */
const zodWithoutEval = (): Plugin => ({
  name: 'ticket-radar:zod-without-eval',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return undefined;
    const probe =
      /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/;
    if (!probe.test(code)) throw new Error(`zod's eval probe changed (${id}): update zodWithoutEval in wxt.config.ts`);
    return code.replace(probe, 'return false;');
  },
});

/**
 * The popup's React part is imported by its entry only after the early first rows are written (entrypoints/
 * popup/main.tsx), so its evaluation does not hold them up; but fetching it then would cost another ~40 ms
 * (an extension resource's round trip here). So popup.html preloads it and its imports as the static ones are:
 * fetched and compiled while the page loads, evaluated when imported.
 */
const preloadPopupApp = (): Plugin => ({
  name: 'ticket-radar:preload-popup-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const { bundle, chunk } = ctx;
      if (!bundle || !chunk || !/popup[\\/]index\.html$/.test(ctx.filename)) return undefined;
      const files = new Set<string>();
      const visit = (file: string) => {
        const c = bundle[file];
        if (files.has(file) || c?.type !== 'chunk') return;
        files.add(file);
        c.imports.forEach(visit);
      };
      for (const d of chunk.dynamicImports) {
        const c = bundle[d];
        if (c?.type === 'chunk' && c.facadeModuleId?.endsWith('components/popup/mount.tsx')) visit(d);
      }
      if (files.size === 0)
        throw new Error('preloadPopupApp: the popup entry no longer imports components/popup/mount.tsx');
      for (const f of [chunk.fileName, ...chunk.imports]) files.delete(f);
      return [...files].map((f) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
        injectTo: 'head' as const,
      }));
    },
  },
});

// Thin config: manifest facts live here, everything else in lib/.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Web Workers (the overview's analytics) are bundled apart: their plugins are listed apart.
  vite: () => ({ plugins: [zodWithoutEval(), preloadPopupApp()], worker: { plugins: () => [zodWithoutEval()] } }),
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
              // MV3 with world: 'MAIN' content scripts (the response observers) needs Firefox 128, and
              // `data_collection_permissions` (required by addons.mozilla.org) Firefox 140 / Android 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

/**
 * Starts the overlay in a content script: wires the pure-ish runtime to the extension (messages,
 * settings) and to WXT's context (abort on invalidation, restart on SPA navigation).
 */
import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import type { MarketplaceAdapter } from '../adapters/types';
import { send } from '../messaging/client';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { loadSettings, watchSettings } from '../settings/store';
import { runOverlay, type OverlayEnv } from './runtime';
import { createBatcher } from './batcher';
import { startPickerHost } from '../features/template-picker-host';

export function startOverlay(ctx: ContentScriptContext, adapter: MarketplaceAdapter, extra: Partial<OverlayEnv> = {}) {
  let settings: Settings = DEFAULT_SETTINGS;
  void loadSettings()
    .then((s) => (settings = s))
    .catch(() => undefined);
  const unwatch = watchSettings((s) => (settings = s));
  ctx.onInvalidated(unwatch);

  const batcher = createBatcher({
    alive: () => !ctx.isInvalid,
    send: async (req) => {
      const res = await send({
        type: 'tickets/ingest',
        ...req,
        shop: { shopId: req.shop.shopId, ...(req.shop.name ? { name: req.shop.name } : {}) },
      });
      return res.views;
    },
  });
  const env: OverlayEnv = {
    now: Date.now,
    tiers: () => settings.tiers,
    // Merged, chunked, and retried until the worker has committed them (batcher.ts).
    ingest: (req) => batcher.ingest(req),
    report(reports) {
      void send({ type: 'health/report', reports }).catch(() => undefined);
    },
    onPage(page, signal, overlay) {
      startPickerHost(document, {
        adapter,
        page: page.kind,
        signal,
        viewFor: overlay.viewFor,
        shop: overlay.shop,
        templates: async (req) => (await send({ type: 'templates/for-page', ...req })).index,
        used: (id) => void send({ type: 'templates/used', id }).catch(() => undefined),
      });
    },
    ...extra,
  };
  const overlay = runOverlay(adapter, window, ctx.signal, env);
  ctx.addEventListener(window, 'wxt:locationchange', () => overlay.restart());

  // User-triggered capture from the popup. Only this extension may ask; a frame that is not on a recognised
  // page stays silent so the frame that is (a Douyin list in an iframe) answers.
  const onMessage = (msg: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (!msg || typeof msg !== 'object' || (msg as { type?: unknown }).type !== 'capture/collect') return undefined;
    const capture = overlay.capture();
    if (capture.page === null && window !== window.top) return undefined;
    return Promise.resolve(capture);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return overlay;
}

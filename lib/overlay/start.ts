/**
 * Starts the overlay in a content script: wires the pure-ish runtime to the extension (messages,
 * settings) and to WXT's context (abort on invalidation, restart on SPA navigation).
 */
import type { ContentScriptContext } from '#imports';
import type { MarketplaceAdapter } from '../adapters/types';
import { send } from '../messaging/client';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { loadSettings, watchSettings } from '../settings/store';
import { runOverlay, type OverlayEnv } from './runtime';

export function startOverlay(ctx: ContentScriptContext, adapter: MarketplaceAdapter, extra: Partial<OverlayEnv> = {}) {
  let settings: Settings = DEFAULT_SETTINGS;
  void loadSettings().then((s) => (settings = s)).catch(() => undefined);
  const unwatch = watchSettings((s) => (settings = s));
  ctx.onInvalidated(unwatch);

  const env: OverlayEnv = {
    now: Date.now,
    tiers: () => settings.tiers,
    async ingest(req) {
      const res = await send({ type: 'tickets/ingest', ...req, shop: { shopId: req.shop.shopId, ...(req.shop.name ? { name: req.shop.name } : {}) } });
      return res.views;
    },
    report(reports) {
      void send({ type: 'health/report', reports }).catch(() => undefined);
    },
    ...extra,
  };
  const overlay = runOverlay(adapter, window, ctx.signal, env);
  ctx.addEventListener(window, 'wxt:locationchange', () => overlay.restart());
  return overlay;
}

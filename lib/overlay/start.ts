/**
 * Starts the page session in a content script: wires it to the extension (messages, settings) and to WXT's
 * context (abort on invalidation, restart on SPA navigation). Carries no zod, dayjs, React or rule data:
 * the worker validates and computes, the picker's panel loads when it opens (issue 12).
 */
import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import type { PageAdapter } from '../adapters/types';
import { startFreshnessActivity } from '../features/freshness-indicator';
import { FEATURES } from '../features/registry';
import { ingest, PageMessageError, readPage, reportHealth } from './messages';
import { deliverWithRetry } from './retry';
import { DEFAULT_PAGE_SETTINGS, watchPageSettings, type PageSettings } from './page-settings';
import { runOverlay, type OverlayEnv } from './session';
import { createBatcher } from './batcher';

export function startOverlay(ctx: ContentScriptContext, adapter: PageAdapter) {
  let settings: PageSettings = DEFAULT_PAGE_SETTINGS;
  const retry = { alive: () => !ctx.isInvalid, final: (e: unknown) => e instanceof PageMessageError && e.refused };
  // Reads are merged, chunked, and retried until the worker has committed them (batcher.ts).
  const batcher = createBatcher({ ...retry, send: ingest });
  // What the hook copied is read by the worker, asked again until it answers (a worker that was killed).
  const read: OverlayEnv['read'] = async (req) => {
    const r = await deliverWithRetry(() => readPage(req), retry);
    if (!r.ok) throw r.error;
    return r.value;
  };
  // Activity reports protect drafts from the freshness reloads in every frame, whatever the toggles say.
  startFreshnessActivity(ctx.signal);
  const overlay = runOverlay(
    adapter,
    window,
    ctx.signal,
    { now: Date.now, settings: () => settings, ingest: (req) => batcher.ingest(req), read, report: reportHealth },
    FEATURES,
  );
  const unwatch = watchPageSettings((s) => {
    const toggled = JSON.stringify(s.features) !== JSON.stringify(settings.features);
    settings = s;
    overlay.settingsChanged(toggled);
  });
  ctx.onInvalidated(unwatch);
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

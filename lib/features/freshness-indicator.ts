/**
 * Feature: the page side of keeping lists fresh (issue 14).
 *
 * 1. Tells the worker whether the merchant is using this tab, so it is never reloaded under their hands:
 *    the last keypress, click or wheel/touch scroll; whether an input, textarea or contenteditable has focus or
 *    holds text they typed; whether our template picker is open. Reported on change, from every frame (the
 *    worker ORs frames of one tab).
 * 2. Shows a small indicator in our own shadow root (top frame only): `每 5 分钟自动刷新 · 上次 10:42` with a
 *    one-click pause for this tab. The worker answers each report with the indicator's state and pushes it
 *    again after every read of this tab's list.
 *
 * Two parts with two lifetimes. The activity reports (1) protect the merchant's drafts, so they run in every
 * frame for the content script's whole life, whatever the page and the feature toggles: startOverlay starts
 * them (`startFreshnessActivity`). The indicator (2) is a feature of the registry (`freshnessIndicator`,
 * lib/features/registry.ts): shown while the feature runs on a recognised page, toggled in the options page
 * like every feature. It knows no marketplace: the worker learns this tab's shop and surface from its reads.
 *
 * Why no `scroll` listener: SPAs scroll programmatically (virtual lists, "back to top"), and those events are
 * trusted too; `wheel`, `touchmove` and keys are what a person scrolling produces.
 */
import { browser } from 'wxt/browser';
import type { FreshnessState } from '../messaging/protocol';
import { FRESHNESS_PUSH } from '../messaging/constants';
import { asFreshnessState, freshnessActivity } from '../overlay/messages';
import { indicatorText } from '../freshness/summary';
import { t } from '../i18n';
import { PICKER_PANEL_ATTR } from './template-picker';
import type { Feature } from './types';

export const FRESHNESS_ATTR = 'data-ticket-radar-freshness';

export interface FreshnessIndicatorDeps {
  win: Window & typeof globalThis;
  now: () => number;
  /** Sends an activity report; resolves with the indicator's state. */
  report(a: {
    frame: string;
    lastInputAt?: number;
    draft: boolean;
    picker: boolean;
    paused?: boolean;
  }): Promise<FreshnessState>;
  /** Calls back with states the worker pushes. */
  onPush(cb: (s: FreshnessState) => void, signal: AbortSignal): void;
  /** Whether the indicator is wanted now (the registry feature runs); activity is reported either way. */
  visible?: () => boolean;
}

const CSS = `
:host { all: initial; position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; }
.f { display: inline-flex; align-items: center; gap: 8px; padding: 4px 6px 4px 10px; border-radius: 14px;
     font: 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
     color: #37474f; background: rgba(255,255,255,.94); border: 1px solid #cfd8dc; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.f::before { content: ""; width: 6px; height: 6px; border-radius: 50%; background: #43a047; }
.f.paused::before, .f.off::before { background: #9e9e9e; }
button { font: inherit; color: #1565c0; background: none; border: 1px solid #bbdefb; border-radius: 10px; padding: 0 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1565c0; outline-offset: 1px; }
`;

const editable = (el: Element | null): el is HTMLElement =>
  !!el &&
  (el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['button', 'submit', 'checkbox', 'radio', 'reset'].includes(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable));

const hasText = (el: HTMLElement): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
    ? el.value.trim() !== ''
    : (el.textContent ?? '').trim() !== '';

/** The element focus is really in, through open shadow roots (our picker's input sits in one). */
function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function initFreshnessIndicator(
  signal: AbortSignal,
  deps: FreshnessIndicatorDeps = defaultDeps(),
): { render(): void } {
  const { win } = deps;
  const visible = deps.visible ?? (() => true);
  const doc = win.document;
  const frame = Math.random().toString(36).slice(2, 12);
  const isTop = win.top === win;
  /** Elements the merchant typed into; a draft while any still holds text. */
  const typed = new Set<HTMLElement>();
  let lastInputAt: number | undefined;
  let sent = '';
  let lastSentAt = 0;
  let state: FreshnessState | undefined;
  let host: HTMLElement | undefined;
  let label: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;

  const snapshot = () => {
    for (const el of typed) if (!el.isConnected || !hasText(el)) typed.delete(el);
    const active = deepActive(doc);
    return {
      draft: editable(active) || typed.size > 0,
      picker: doc.querySelector(`[${PICKER_PANEL_ATTR}]`) !== null,
    };
  };

  const render = () => {
    if (!isTop || !state?.watched || signal.aborted || !visible()) {
      host?.remove();
      return;
    }
    if (!host) {
      host = doc.createElement('div');
      host.setAttribute(FRESHNESS_ATTR, '');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = CSS;
      const box = doc.createElement('div');
      box.className = 'f';
      label = doc.createElement('span');
      button = doc.createElement('button');
      button.type = 'button';
      button.addEventListener('click', () => void send_({ paused: !(state?.paused ?? false) }), { signal });
      box.append(label, button);
      shadow.append(style, box);
    }
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    const s = state;
    const mode = !s.on ? 'off' : s.paused ? 'paused' : 'on';
    host.setAttribute('data-state', mode);
    if (s.lastReadAt !== undefined) host.setAttribute('data-last-read-at', String(s.lastReadAt));
    label!.parentElement!.className = `f ${mode}`;
    label!.textContent = indicatorText(s);
    button!.hidden = !s.on;
    button!.textContent = s.paused ? t('freshResume') : t('freshPause');
    button!.title = s.paused ? t('freshResumeTitle') : t('freshPauseTitle');
  };

  const accept = (s: FreshnessState) => {
    state = s;
    render();
  };

  const send_ = async (extra: { paused?: boolean } = {}) => {
    if (signal.aborted) return;
    const snap = snapshot();
    const key = JSON.stringify([snap, lastInputAt, extra]);
    lastSentAt = deps.now();
    sent = key;
    sentSnap = JSON.stringify(snap);
    try {
      accept(await deps.report({ frame, ...snap, ...(lastInputAt !== undefined ? { lastInputAt } : {}), ...extra }));
    } catch {
      /* worker unreachable (extension reloading): the next change reports again */
    }
  };

  /** Reports when something changed; input bursts are reported at most every 5 s (the idle window is 2 min). */
  let queued: ReturnType<typeof setTimeout> | undefined;
  let sentSnap = '';
  const changed = (throttle: boolean) => {
    const snap = snapshot();
    const key = JSON.stringify([snap, lastInputAt, {}]);
    if (key === sent) return;
    // A draft or picker that starts or ends is said at once; only newer input times wait.
    const held = JSON.stringify(snap) !== sentSnap;
    const wait = throttle && !held ? Math.max(0, lastSentAt + 5000 - deps.now()) : 0;
    clearTimeout(queued);
    if (wait === 0) void send_();
    else queued = setTimeout(() => void send_(), wait);
  };

  const onInput = (e: Event) => {
    if (!e.isTrusted) return; // a page script's synthetic event is not the merchant
    if (host && e.composedPath().includes(host)) return; // our own pause button
    const first = lastInputAt === undefined || deps.now() - lastInputAt > 5000;
    lastInputAt = deps.now();
    changed(!first);
  };
  const opts = { capture: true, passive: true, signal };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchmove']) win.addEventListener(type, onInput, opts);
  win.addEventListener(
    'input',
    (e) => {
      if (!e.isTrusted) return;
      const target = e.composedPath()[0];
      if (target instanceof HTMLElement && editable(target)) typed.add(target);
      changed(true);
    },
    opts,
  );
  win.addEventListener('focusin', () => changed(false), opts);
  win.addEventListener('focusout', () => setTimeout(() => changed(false), 0), opts);

  // Our picker opening or closing: its host is appended to and removed from <body> itself
  // (template-picker-panel.tsx), so only body's own children are watched, never the page's whole subtree.
  const mo = new win.MutationObserver((muts) => {
    const touched = muts.some((m) =>
      [...m.addedNodes, ...m.removedNodes].some((n) => n instanceof win.Element && n.hasAttribute(PICKER_PANEL_ATTR)),
    );
    if (touched) changed(false);
  });
  const observe = () => doc.body && mo.observe(doc.body, { childList: true });
  if (doc.body) observe();
  else doc.addEventListener('DOMContentLoaded', observe, { once: true, signal });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    clearTimeout(queued);
    host?.remove();
  });

  // While a draft or the picker holds the tab, say so again now and then: a navigation clears the
  // worker's record of this tab's frames (a reload destroys them), and a held tab must stay held.
  const heartbeat = win.setInterval(() => {
    const snap = snapshot();
    // Held: say so again. Released without an event (a page script cleared the sent reply): report the change.
    if (snap.draft || snap.picker) void send_();
    else changed(false);
  }, 30_000);
  signal.addEventListener('abort', () => win.clearInterval(heartbeat));

  deps.onPush(accept, signal);
  if (doc.readyState === 'loading')
    doc.addEventListener('DOMContentLoaded', () => void send_(), { once: true, signal });
  else void send_();
  return { render };
}

function defaultDeps(): FreshnessIndicatorDeps {
  return {
    win: window,
    now: Date.now,
    report: (a) => freshnessActivity(a),
    onPush(cb, signal) {
      const listener = (msg: unknown, sender: { id?: string }) => {
        if (sender.id !== browser.runtime.id) return undefined;
        if (!msg || typeof msg !== 'object' || (msg as { type?: unknown }).type !== FRESHNESS_PUSH) return undefined;
        const s = asFreshnessState((msg as { state?: unknown }).state);
        if (s) cb(s);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
    },
  };
}

/** Pages of this frame where the indicator feature runs now (a page session restarts it on SPA navigation). */
let shownBy = 0;
let rerender: (() => void) | undefined;

/**
 * The activity reports of this frame, for the content script's life (`signal`), whatever the feature toggles
 * say: a tab is never reloaded under a draft because its indicator is hidden. Called by startOverlay.
 */
export function startFreshnessActivity(signal: AbortSignal, deps: FreshnessIndicatorDeps = defaultDeps()): void {
  const handle = initFreshnessIndicator(signal, { ...deps, visible: () => shownBy > 0 });
  rerender = handle.render;
  signal.addEventListener('abort', () => (rerender = undefined), { once: true });
}

/**
 * The indicator as a feature of the registry: while it runs on a page (on by default, a toggle in the options
 * page), the frame's activity reporter shows its indicator (top frame only, when the worker watches the tab).
 */
export const freshnessIndicator: Feature = {
  id: 'freshness-indicator',
  init({ signal }) {
    shownBy++;
    rerender?.();
    signal.addEventListener(
      'abort',
      () => {
        shownBy--;
        rerender?.();
      },
      { once: true },
    );
  },
};

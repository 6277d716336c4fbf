/**
 * The reply-template picker (feature `template-picker`). This part, bundled in every content script, only
 * puts a small trigger button after each reply box the adapter finds and listens for the shortcut (Alt+T,
 * Ctrl/⌘+/). The picker itself (React) is a separate bundle loaded the first time it opens
 * (template-picker-panel.tsx, built as entrypoints/picker-panel.ts), so pages never parse React (issue 12).
 *
 * Marketplace knowledge stays in the adapter (`replyBoxes`); this file only knows ReplyBox and TicketView.
 *
 * A page script must not open it or read it (issue 11): the trigger and the panel live in closed shadow
 * roots, and the picker opens only on a trusted event (`isTrusted`: the merchant's own click or keystroke,
 * never `dispatchEvent` or `element.click()` from a script). Tests find it through the readiness signal
 * (`picker-refused`, `picker-templates` on <html>, only when tests turn it on) and the hosts' attributes.
 */
import { browser } from 'wxt/browser';
import { isOpenPickerShortcut, OPEN_PICKER_SHORTCUT_LABEL } from '../../components/template-picker/shortcut';
import type { ReplyBox } from '../adapters/types';
import { t, uiLocale } from '../i18n';
import { captureSelection } from '../templates/insert';
import { templatesForPage, templateUsed } from '../overlay/messages';
import type { Feature, FeatureContext } from './types';
import { shadowHost } from './shadow-host';

export const PICKER_TRIGGER_ATTR = 'data-ticket-radar-picker-trigger';
export const PICKER_PANEL_ATTR = 'data-ticket-radar-picker';
/** The global the panel bundle registers itself under (the isolated world is shared with this script). */
export const PICKER_PANEL_GLOBAL = '__ticketRadarPickerPanel';

/** What the panel bundle exports (template-picker-panel.tsx). */
export interface PickerPanelModule {
  openPanel(args: OpenPanelArgs): () => void;
}

export interface OpenPanelArgs {
  ctx: FeatureContext;
  box: ReplyBox;
  saved: ReturnType<typeof captureSelection>;
  templates: typeof templatesForPage;
  used: (id: string) => void;
  onClosed(): void;
}

const TRIGGER_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 0 0 6px; }
button { font: 12px/20px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #0b57d0;
  background: #eef3fd; border: 1px solid #c9d8f8; border-radius: 4px; padding: 0 8px; cursor: pointer; }
button:hover { background: #e1eafb; }
`;

let panelModule: Promise<PickerPanelModule> | undefined;

/** Loads the panel bundle once per page: an extension resource imported into this isolated world. */
export function loadPanelBundle(): Promise<PickerPanelModule> {
  panelModule ??= import(/* @vite-ignore */ browser.runtime.getURL('/picker-panel.js'))
    .then(() => {
      const mod = (globalThis as Record<string, unknown>)[PICKER_PANEL_GLOBAL] as PickerPanelModule | undefined;
      if (!mod) throw new Error('picker panel did not register');
      return mod;
    })
    .catch((e: unknown) => {
      panelModule = undefined;
      throw e;
    });
  return panelModule;
}

export function createTemplatePicker(load: () => Promise<PickerPanelModule> = loadPanelBundle): Feature {
  return {
    id: 'template-picker',
    init(ctx) {
      const { adapter, page, signal, session, report } = ctx;
      const doc = session.doc;
      const attached = new WeakSet<Element>();
      let close: (() => void) | undefined;
      let opening = false;
      let refused = 0;
      /** Only the merchant opens it: a synthetic event is ignored (and counted, for tests). */
      const trusted = (e: Event) => {
        if (e.isTrusted) return true;
        session.ready('picker-refused', ++refused);
        return false;
      };

      const open = async (box: ReplyBox) => {
        if (close) return close();
        if (opening) return;
        opening = true;
        const saved = captureSelection(box.element);
        try {
          const mod = await load();
          if (signal.aborted) return;
          close = mod.openPanel({
            ctx,
            box,
            saved,
            templates: templatesForPage,
            used: templateUsed,
            onClosed: () => (close = undefined),
          });
        } catch (e) {
          report({ code: 'picker-load-failed', detail: e instanceof Error ? e.message.slice(0, 200) : 'load failed' });
        } finally {
          opening = false;
        }
      };

      const attach = (box: ReplyBox) => {
        if (attached.has(box.element)) return;
        attached.add(box.element);
        const { host: trigger, root: shadow } = shadowHost(doc, 'span', PICKER_TRIGGER_ATTR, TRIGGER_CSS, 'closed');
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = `${t('pickerOpen')} (${OPEN_PICKER_SHORTCUT_LABEL[uiLocale()]})`;
        // Keep the caret in the box: a mousedown on the button would move focus before we save the selection.
        button.addEventListener('mousedown', (e) => e.preventDefault(), { signal });
        button.addEventListener('click', (e) => trusted(e) && void open(box), { signal });
        shadow.append(button);
        box.element.insertAdjacentElement('afterend', trigger);
        box.element.addEventListener(
          'keydown',
          (e) => {
            if (e instanceof KeyboardEvent && isOpenPickerShortcut(e)) {
              if (!trusted(e)) return;
              e.preventDefault();
              e.stopPropagation();
              void open(box);
            }
          },
          { signal },
        );
        signal.addEventListener('abort', () => trigger.remove(), { once: true });
      };

      if (!adapter.replyBoxes) return;
      session.onChange(() => {
        for (const box of adapter.replyBoxes?.(doc, page.kind) ?? []) attach(box);
      }, signal);
      signal.addEventListener('abort', () => close?.(), { once: true });
    },
  };
}

export const templatePicker = createTemplatePicker();

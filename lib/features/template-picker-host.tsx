/**
 * The reply-template picker beside every reply box an adapter finds. A small trigger button sits after the
 * box; the picker opens from it or from the keyboard shortcut (Alt+T, Ctrl/⌘+/), inserts at the caret
 * through the editor's own input path, counts the use, and never presses send.
 *
 * Marketplace knowledge stays in the adapter (`replyBoxes`); this file only knows ReplyBox and TicketView.
 */
import { createRoot, type Root } from 'react-dom/client';
import {
  isOpenPickerShortcut,
  OPEN_PICKER_SHORTCUT_LABEL,
  TemplatePicker,
  templatePickerStyles,
} from '../../components/template-picker';
import type { MarketplaceAdapter, PageKind, ReplyBox } from '../adapters/types';
import type { TicketView } from '../messaging/protocol';
import type { SearchIndex } from '../templates/search';
import { shopKey } from '../model/ticket';
import { captureSelection, insertAtCursor } from '../templates/insert';
import { ticketFieldsFromReplyContext, valuesFromTicket } from '../templates/variables';
import { t, uiLocale } from '../i18n';

export const PICKER_TRIGGER_ATTR = 'data-ticket-radar-picker-trigger';
export const PICKER_PANEL_ATTR = 'data-ticket-radar-picker';

export interface PickerHostDeps {
  adapter: MarketplaceAdapter;
  page: PageKind;
  signal: AbortSignal;
  viewFor(ref: { nativeId?: string | undefined; orderId?: string | undefined }): TicketView | undefined;
  shop(): { shopId: string; name?: string | undefined };
  /** Templates for this page, indexed for search by the worker. */
  templates(req: { platform: MarketplaceAdapter['id']; shopKey: string }): Promise<SearchIndex>;
  used(id: string): void;
}

const TRIGGER_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 0 0 6px; }
button { font: 12px/20px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #0b57d0;
  background: #eef3fd; border: 1px solid #c9d8f8; border-radius: 4px; padding: 0 8px; cursor: pointer; }
button:hover { background: #e1eafb; }
`;

/** Watches the page for reply boxes and attaches a picker to each, until `signal` aborts. */
export function startPickerHost(doc: Document, deps: PickerHostDeps): void {
  const attached = new WeakSet<Element>();
  let panel: { host: HTMLElement; root: Root } | undefined;

  const closePanel = () => {
    panel?.root.unmount();
    panel?.host.remove();
    panel = undefined;
  };

  const open = async (box: ReplyBox) => {
    if (panel) return closePanel();
    const saved = captureSelection(box.element);
    const shop = deps.shop();
    let index: SearchIndex = { entries: [] };
    try {
      index = await deps.templates({ platform: deps.adapter.id, shopKey: shopKey(deps.adapter.id, shop.shopId) });
    } catch {
      // No templates (worker unreachable): the picker opens and says so rather than failing silently.
    }
    if (deps.signal.aborted) return;
    const view = deps.viewFor({ nativeId: box.context.nativeId, orderId: box.context.orderId });
    const context = valuesFromTicket(
      view && { ...view, platform: deps.adapter.id },
      { shopName: view?.shopName ?? shop.name },
      ticketFieldsFromReplyContext(box.context),
    );
    const host = doc.createElement('div');
    host.setAttribute(PICKER_PANEL_ATTR, '');
    const r = box.element.getBoundingClientRect();
    const below = r.bottom + 380 < (doc.defaultView?.innerHeight ?? 800);
    host.style.cssText = `position:fixed;z-index:2147483646;left:${Math.max(8, r.left)}px;${below ? `top:${r.bottom + 6}px` : `bottom:${(doc.defaultView?.innerHeight ?? 800) - r.top + 6}px`};`;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = templatePickerStyles;
    const mount = doc.createElement('div');
    shadow.append(style, mount);
    doc.body.append(host);
    const root = createRoot(mount);
    panel = { host, root };
    root.render(
      <TemplatePicker
        index={index}
        context={context}
        locale={uiLocale()}
        scope={{
          platform: deps.adapter.id,
          ...(view ? { kind: view.kind } : {}),
          shop: shopKey(deps.adapter.id, shop.shopId),
        }}
        onClose={() => {
          closePanel();
          box.element.focus();
        }}
        onInsert={(text, template) => {
          const res = insertAtCursor(box.element, text, saved);
          closePanel();
          if (res.ok) deps.used(template.id);
          else box.element.setAttribute('data-ticket-radar-insert-failed', res.reason);
        }}
      />,
    );
  };

  const attach = (box: ReplyBox) => {
    if (attached.has(box.element)) return;
    attached.add(box.element);
    const trigger = doc.createElement('span');
    trigger.setAttribute(PICKER_TRIGGER_ATTR, '');
    const shadow = trigger.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = TRIGGER_CSS;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = `${t('pickerOpen')} (${OPEN_PICKER_SHORTCUT_LABEL[uiLocale()]})`;
    // Keep the caret in the box: a mousedown on the button would move focus before we save the selection.
    button.addEventListener('mousedown', (e) => e.preventDefault(), { signal: deps.signal });
    button.addEventListener('click', () => void open(box), { signal: deps.signal });
    shadow.append(style, button);
    box.element.insertAdjacentElement('afterend', trigger);
    box.element.addEventListener(
      'keydown',
      (e) => {
        if (e instanceof KeyboardEvent && isOpenPickerShortcut(e)) {
          e.preventDefault();
          e.stopPropagation();
          void open(box);
        }
      },
      { signal: deps.signal },
    );
    deps.signal.addEventListener('abort', () => trigger.remove(), { once: true });
  };

  let queued = false;
  const scan = () => {
    queued = false;
    try {
      for (const box of deps.adapter.replyBoxes?.(doc, deps.page) ?? []) attach(box);
    } catch {
      /* a reply box we cannot find is no reason to break the page */
    }
  };
  const mo = new MutationObserver(() => {
    if (!queued) {
      queued = true;
      setTimeout(scan, 200);
    }
  });
  mo.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  deps.signal.addEventListener(
    'abort',
    () => {
      mo.disconnect();
      closePanel();
    },
    { once: true },
  );
  scan();
}

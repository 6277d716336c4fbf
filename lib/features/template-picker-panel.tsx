/**
 * The picker panel (React), in its own bundle (entrypoints/picker-panel.ts) loaded the first time a picker
 * opens: the content scripts never carry React (issue 12). Inserts at the caret through the editor's own
 * input path, counts the use, and never presses send.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { TemplatePicker } from '../../components/template-picker/TemplatePicker';
import { templatePickerStyles } from '../../components/template-picker/styles';
import { shopKey } from '../model/ticket-core';
import type { SearchIndex } from '../templates/search';
import { insertAtCursor } from '../templates/insert';
import { ticketFieldsFromReplyContext, valuesFromTicket } from '../templates/variables';
import { uiLocale } from '../i18n';
import { shadowHost } from './shadow-host';
import { PICKER_PANEL_ATTR, type OpenPanelArgs } from './template-picker';

export function openPanel({ ctx, box, saved, templates, used, onClosed }: OpenPanelArgs): () => void {
  const { adapter, session, signal } = ctx;
  const doc = session.doc;
  const shop = session.shop();
  // Closed: the merchant's templates and the filled preview are not the page's to read (template-picker.ts).
  const { host, root: shadow } = shadowHost(doc, 'div', PICKER_PANEL_ATTR, templatePickerStyles, 'closed');
  const mount = doc.createElement('div');
  shadow.append(mount);
  // Read once when the merchant opens it (a click, not a frame of the page's rendering).
  const r = box.element.getBoundingClientRect();
  const vh = session.win.innerHeight || 800;
  const below = r.bottom + 380 < vh;
  host.style.cssText = `position:fixed;z-index:2147483646;left:${Math.max(8, r.left)}px;${below ? `top:${r.bottom + 6}px` : `bottom:${vh - r.top + 6}px`};`;
  doc.body.append(host);
  const mirror = session.settings().testReadiness ? mirrorForTests(host, shadow, session.win) : undefined;
  const root = createRoot(mount);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    mirror?.disconnect();
    root.unmount();
    host.remove();
    onClosed();
  };

  const view = session.viewFor({ nativeId: box.context.nativeId, orderId: box.context.orderId });
  const context = valuesFromTicket(
    view && { ...view, platform: adapter.id },
    { shopName: view?.shopName ?? shop.name },
    ticketFieldsFromReplyContext(box.context),
  );
  const render = (index: SearchIndex) =>
    root.render(
      <TemplatePicker
        index={index}
        context={context}
        locale={uiLocale()}
        scope={{
          platform: adapter.id,
          ...(view ? { kind: view.kind } : {}),
          shop: shopKey(adapter.id, shop.shopId),
        }}
        onClose={() => {
          close();
          box.element.focus();
        }}
        onInsert={(text, template) => {
          const res = insertAtCursor(box.element, text, saved);
          close();
          if (res.ok) used(template.id);
          else box.element.setAttribute('data-ticket-radar-insert-failed', res.reason);
        }}
      />,
    );
  void templates({ platform: adapter.id, shopKey: shopKey(adapter.id, shop.shopId) })
    .catch(() => ({ entries: [] }) as SearchIndex) // worker unreachable: the picker opens and says so
    .then((index) => {
      if (closed || signal.aborted) return;
      // Committed before the readiness signal says so: a test then types straight into the focused search.
      flushSync(() => render(index));
      session.ready('picker-templates', index.entries.length);
    });
  return close;
}

/**
 * Test-only (the readiness setting, off for merchants): the closed root's preview mirrored on the host, so
 * browser tests read it without an open shadow root. `data-test-preview` is the preview's text,
 * `data-test-filled` / `data-test-asks` the variables filled from the page and the ones asked for.
 */
function mirrorForTests(host: HTMLElement, shadow: ShadowRoot, win: Window & typeof globalThis): MutationObserver {
  const names = (sel: string, attr: string) =>
    [...shadow.querySelectorAll(sel)].map((e) => e.getAttribute(attr) ?? '').join(',');
  // Our own component's hooks (components/template-picker/TemplatePicker.tsx), not a marketplace's.
  const preview = '[data-testid="preview"]';
  const write = () => {
    host.setAttribute('data-test-preview', shadow.querySelector(preview)?.textContent ?? '');
    host.setAttribute('data-test-filled', names('[data-variable-filled]', 'data-variable-filled'));
    host.setAttribute('data-test-asks', names('input[data-variable]', 'data-variable'));
  };
  const mo = new win.MutationObserver(write);
  mo.observe(shadow, { subtree: true, childList: true, characterData: true, attributes: true });
  return mo;
}

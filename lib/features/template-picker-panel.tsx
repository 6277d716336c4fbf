/**
 * The picker panel (React), in its own bundle (entrypoints/picker-panel.ts) loaded the first time a picker
 * opens: the content scripts never carry React (issue 12). Inserts at the caret through the editor's own
 * input path, counts the use, and never presses send.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { TemplatePicker } from '../../components/template-picker/TemplatePicker';
import { templatePickerStyles } from '../../components/template-picker/styles';
import { shopKey } from '../model/ticket';
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
  const root = createRoot(mount);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
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

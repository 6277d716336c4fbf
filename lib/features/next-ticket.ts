/**
 * The small `下一个 →` control on a ticket's page: goes on to the most urgent ticket not opened this round
 * (the worker decides and opens it: lib/tickets/next.ts, message `tickets/next`). Plain DOM in an open shadow
 * root, no React, no page CSS either way. Standalone so the content runtime can register it as a feature:
 * `mountNextControl(document, send)` returns an unmount function.
 */
import { t } from '../i18n';
import { nextTicket as askNextTicket } from '../overlay/messages';
import type { Feature } from './types';

export const NEXT_ATTR = 'data-ticket-radar-next';

const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
button { font: 600 13px/20px -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; padding: 4px 12px;
  border-radius: 16px; border: 1px solid #0b57d0; background: #fff; color: #0b57d0; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0,0,0,.2); }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
@media (prefers-color-scheme: dark) { button { background: #1b1d21; color: #8ab4f8; border-color: #8ab4f8; } }
`;

export interface NextControlDeps {
  /** Asks the worker to open the next ticket; resolves to its key, or undefined when the queue is empty. */
  next(): Promise<string | undefined>;
  /** Localised labels (lib/i18n t('nextTicketButton'), t('nextTicketNone')). */
  label: string;
  noneLabel: string;
}

/** Mounts the control once per document; returns its unmount. Never throws into the page. */
export function mountNextControl(doc: Document, deps: NextControlDeps): () => void {
  if (doc.querySelector(`[${NEXT_ATTR}]`)) return () => undefined;
  const host = doc.createElement('div');
  host.setAttribute(NEXT_ATTR, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = deps.label;
  button.addEventListener('click', () => {
    button.disabled = true;
    deps
      .next()
      .then((key) => {
        if (key === undefined) button.textContent = deps.noneLabel;
      })
      .catch(() => undefined)
      .finally(() => {
        button.disabled = false;
      });
  });
  root.append(style, button);
  (doc.body ?? doc.documentElement).append(host);
  return () => host.remove();
}

/**
 * The feature: on a ticket's own page (a detail page: `…-detail` page kinds), the control that goes on to the
 * next ticket. List pages already show every ticket; the popup and Alt+Shift+N work the queue from anywhere.
 */
export const nextTicket: Feature = {
  id: 'next-ticket',
  init({ page, signal, session }) {
    if (!page.kind.endsWith('-detail')) return;
    const unmount = mountNextControl(session.doc, {
      next: askNextTicket,
      label: t('nextTicketButton'),
      noneLabel: t('nextTicketNone'),
    });
    signal.addEventListener('abort', unmount, { once: true });
  },
};

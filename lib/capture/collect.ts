/**
 * A redacted capture of what an adapter saw on the current page: the matched JSON responses, React row
 * records and the rows' HTML. The merchant saves it as a file to report a changed page; it is also how
 * [modelled] surfaces get confirmed. Runs in the content script; DOM in, plain data out.
 */
import { BADGE_ATTR } from '../features/countdown-badge';
import { redactJson, redactText } from './redact';

export interface CapturedResponse {
  endpoint: string;
  path: string;
  receivedAt: number;
  body: string;
}

export interface Capture {
  format: 'ticket-radar-capture/1';
  createdAt: number;
  adapter: string;
  page: string | null;
  /** Origin and path only: query strings can carry tokens and personal data. */
  url: string;
  responses: { endpoint: string; path: string; receivedAt: number; json: unknown; error?: string }[];
  records: unknown[];
  rows: string[];
  issues: { code: string; detail: string }[];
}

const MAX_ROWS = 50;

/** Row HTML with our badges, scripts and form values removed, and every text and attribute scrubbed. */
export function redactElementHtml(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll(`[${BADGE_ATTR}], script, style, noscript, iframe`).forEach((n) => n.remove());
  const walk = (node: Node) => {
    if (node.nodeType === 3) node.nodeValue = redactText(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      const e = node as Element;
      for (const a of [...e.attributes]) {
        if (a.name === 'value' || a.name.startsWith('on')) e.removeAttribute(a.name);
        else if (a.name !== 'class' && a.name !== 'id') e.setAttribute(a.name, redactText(a.value));
      }
      if (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') (e as HTMLInputElement).value = '';
      node.childNodes.forEach(walk);
    }
  };
  walk(clone);
  return clone.outerHTML;
}

export function buildCapture(input: {
  now: number;
  adapter: string;
  page: string | null;
  location: { origin: string; pathname: string };
  responses: readonly CapturedResponse[];
  records: readonly unknown[];
  rows: readonly Element[];
  issues: readonly { code: string; detail: string }[];
}): Capture {
  return {
    format: 'ticket-radar-capture/1',
    createdAt: input.now,
    adapter: input.adapter,
    page: input.page,
    url: input.location.origin + input.location.pathname,
    responses: input.responses.map((r) => {
      try {
        return { endpoint: r.endpoint, path: r.path, receivedAt: r.receivedAt, json: redactJson(JSON.parse(r.body)) };
      } catch {
        return { endpoint: r.endpoint, path: r.path, receivedAt: r.receivedAt, json: null, error: 'not JSON' };
      }
    }),
    records: input.records.map((r) => redactJson(r)),
    rows: input.rows.slice(0, MAX_ROWS).map(redactElementHtml),
    issues: input.issues.map((i) => ({ code: i.code, detail: redactText(i.detail) })),
  };
}

/** Test helpers for the Taobao adapter: small HTML snippets as documents, and a read context. */
import { Window } from 'happy-dom';
import { FIXTURE_NOW } from '../../../tests/support/fixtures';
import type { ReadContext } from '../types';

export const REFUND_URL = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list';

/** An HTML snippet as a Document (scripts not run). */
export function docOf(html: string, url = REFUND_URL): Document {
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export const ctxAt = (url = REFUND_URL, now = FIXTURE_NOW): ReadContext => ({ now, pageUrl: new URL(url) });

/** A Fusion-style table: header cells and rows of cell HTML. */
export function fusionTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = headers
    .map((h) => `<th class="next-table-header-node"><div class="next-table-cell-wrapper">${h}</div></th>`)
    .join('');
  const tr = rows
    .map(
      (r) =>
        `<tr class="next-table-row">${r.map((c) => `<td class="next-table-cell"><div class="next-table-cell-wrapper">${c}</div></td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="next-table"><div class="next-table-inner"><div class="next-table-header"><table><thead><tr>${th}</tr></thead></table></div><div class="next-table-body"><table><tbody>${tr}</tbody></table></div></div></div>`;
}

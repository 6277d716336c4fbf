/**
 * The DOM-reading helpers every adapter's DOM-text fallback uses. They use only the nodes passed in (no `document`
 * global), so they work on a happy-dom fixture, a live page and a same-origin iframe alike.
 */

/** Inline elements continue the current line; every other element starts a new one. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'CODE',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);
/** Never visible text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Two ways to read an element's text, for two page styles:
 * - `textLines`: visual lines, as a person reads them (block elements and `<br>` break; inline elements join).
 *   Douyin's cells put a label and its value in sibling spans (`<span>工单ID:</span><span>123</span>`).
 * - `textBlocks`: one block per element that holds text of its own. Taobao's Fusion cells keep each value in
 *   its own element, and a countdown split over inline tags (`剩余<b>1天</b>23时`) stays one block.
 */

/**
 * The visible lines of an element, as a person reads them: block elements and `<br>` break lines, inline
 * elements (`<span>工单ID:</span><span>123</span>`) join. Whitespace is collapsed, empty lines dropped.
 * Layout-free on purpose: `innerText` needs rendering, which fixtures (happy-dom) do not do.
 */
export function textLines(el: Element | null | undefined): string[] {
  if (!el) return [];
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) current += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          flush();
          continue;
        }
        const inline = INLINE.has(tag);
        if (!inline) flush();
        walk(child);
        if (!inline) flush();
      }
    }
  };
  walk(el);
  flush();
  return lines;
}

/** The cells of a table row (`td`/`th`), or of a div-based row (`role="cell"` / `*-table-cell`). */
export function cellsOf(row: Element): Element[] {
  const direct = Array.from(row.children);
  const cells = direct.filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  if (cells.length) return cells;
  return direct.filter(
    (c) => c.getAttribute('role') === 'cell' || /(?:^|\s)[\w-]*table-cell(?:\s|$)/.test(c.className),
  );
}

/** Every element matching any of the selectors, in document order, without duplicates. */
export function queryAny(root: ParentNode, selectors: readonly string[]): Element[] {
  try {
    return Array.from(root.querySelectorAll(selectors.join(',')));
  } catch {
    // One invalid selector must not take the others down: try them one by one.
    const seen = new Set<Element>();
    for (const s of selectors) {
      try {
        root.querySelectorAll(s).forEach((e) => seen.add(e));
      } catch {
        /* skip the broken selector */
      }
    }
    return [...seen];
  }
}

/** The first selector of a primary/fallback list that matches anything, with its matches. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    try {
      const found = Array.from(root.querySelectorAll(s));
      if (found.length) return found;
    } catch {
      /* a broken selector falls through to the next */
    }
  }
  return [];
}

/** Normalized text of a node (whitespace collapsed). */
export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Cuts a text to the model's length limits instead of losing the whole ticket to validation. */
export function clip(text: string | undefined, max: number): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > max ? t.slice(0, max) : t;
}

/** Tags as the model takes them: trimmed, ≤ 20 chars each, no duplicates, at most 20. */
export function cleanTags(tags: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const c = clip(t, 20);
    if (c && !out.includes(c)) out.push(c);
  }
  return out.slice(0, 20);
}

/**
 * Page text for an issue detail, only when it looks like a status word (short, Chinese, with a status
 * character). Anything else may be a buyer's nick or phone in a drifted column, so only its length is told.
 */
export function statusQuote(text: string | undefined): string {
  if (!text) return 'missing';
  const t = text.replace(/\s+/g, '');
  return /^[\u4e00-\u9fa5，,（）()]{2,12}$/.test(t) && /待|中|成|完|关|处理|退|售后|已|拒|撤|逾期|超时/.test(t)
    ? `"${t}"`
    : `(${t.length} chars, not quoted)`;
}

export const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Never text of the row: scripts, styles, and what the merchant types into a box. */
const BLOCK_SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA']);

/**
 * The text blocks of an element in document order: every element with its own text contributes its whole
 * text once (so `剩余<b>1天</b>23时` stays one block), elements without own text are descended into.
 * `textContent` alone would glue `¥12.30` to the next cell's `1`.
 */
export function textBlocks(el: Element): string[] {
  const out: string[] = [];
  // Sibling pointers and a regex test, no arrays or string copies per node: this runs for every row of a
  // 500-row list on each read (issue 12).
  const walk = (e: Element) => {
    if (BLOCK_SKIP.has(e.tagName)) return;
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && NON_SPACE.test(n.nodeValue ?? '')) {
        const t = norm(e.textContent);
        if (t) out.push(t);
        return;
      }
    }
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) walk(c);
  };
  walk(el);
  return out;
}
const NON_SPACE = /\S/;

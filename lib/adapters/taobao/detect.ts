/**
 * Content detectors for the Taobao pages found by content, not URL ([modelled] surfaces, marketplaces.md),
 * and the logged-out check. The words they look for are data in selectors.ts.
 */
import { norm, queryFirst, textBlocks } from '../dom';
import * as sel from './selectors';

/** The task-ticket table the detector found: its container (header and body rows) and header texts. */
export interface TaskTable {
  table: Element;
  headers: string[];
  rows: Element[];
}

const hasHeaderCell = (row: Element) => row.querySelector(sel.headerCell) !== null;

/** Body rows of a table container, header rows left out. */
export const bodyRows = (container: Element): Element[] =>
  [...container.querySelectorAll(sel.bodyRow)].filter((r) => !hasHeaderCell(r) && !r.closest(sel.lockedRowCopy));

/**
 * A table whose header has a 工单 / 任务 column and whose body has a row with 催揽收 / 催发货 words.
 * From each matching header cell, climbs (≤ 6 levels) to the first ancestor holding body rows: for a plain
 * table that is the `<table>`, for Fusion (header and body are separate tables) the `.next-table` wrapper.
 */
export function findTaskTable(root: ParentNode): TaskTable | undefined {
  for (const th of root.querySelectorAll(sel.headerCell)) {
    const text = norm(th.textContent);
    if (!sel.taskHeaderWords.some((re) => re.test(text))) continue;
    let el = th.parentElement;
    for (let i = 0; el && i < 6; i++, el = el.parentElement) {
      const rows = bodyRows(el);
      if (!rows.length) continue;
      if (rows.some((r) => sel.taskRowWords.some((re) => re.test(r.textContent ?? '')))) {
        return { table: el, headers: [...el.querySelectorAll(sel.headerCell)].map((c) => norm(c.textContent)), rows };
      }
      break;
    }
  }
  return undefined;
}

/** Reply boxes: textareas whose block (≤ replyBlockDepth levels up) mentions 回复. */
export function replyTextareas(root: ParentNode): HTMLTextAreaElement[] {
  return [...root.querySelectorAll<HTMLTextAreaElement>(sel.replyBox)].filter((ta) => {
    const hint = `${ta.getAttribute('placeholder') ?? ''} ${ta.getAttribute('aria-label') ?? ''}`;
    if (sel.replyWords.test(hint)) return true;
    let el = ta.parentElement;
    for (let i = 0; el && i < sel.replyBlockDepth; i++, el = el.parentElement) {
      // textBlocks skips textareas, so text prefilled in the box itself does not count.
      if (sel.replyWords.test(textBlocks(el).join(' '))) return true;
    }
    return false;
  });
}

/**
 * A task-ticket detail: a reply box, words of a task ticket, and a ticket id label. Without all three it
 * could be any form (a product editor has textareas too).
 */
export function isTaskDetail(root: ParentNode): boolean {
  if (!replyTextareas(root).length) return false;
  const text = textBlocks(blockOf(root)).join(' ');
  return sel.detailTicketWords.test(text) && new RegExp(`(?:${sel.task.id.label.source})\\s*[:：]`).test(text);
}

/** The element to read text from: a document's body, or the root itself. */
export const blockOf = (root: ParentNode): Element =>
  (root as Node).nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);

/** The seller center replaced its content with the login box. */
export const isLoginPage = (root: ParentNode): boolean => queryFirst(root, sel.loginForm).length > 0;

/** The list says it is empty, or is still loading: no rows then is not drift. */
export function emptyOrLoading(root: ParentNode): boolean {
  const text = textBlocks(blockOf(root)).join(' ');
  return (
    queryFirst(root, sel.emptyState).length > 0 ||
    sel.emptyText.test(text) ||
    queryFirst(root, sel.loadingState).some((e) => sel.loadingText.test(norm(e.textContent)))
  );
}

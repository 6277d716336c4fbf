/**
 * DOM-text reading for the Taobao pages: text blocks of a row, `label：value` fields, column lookup by
 * header text, and the deadline a row shows. Pure: works on the root it is given, never on `document`.
 */
import type { PlatformDeadline, TicketStatus } from '../../model/ticket';
import type { ReadIssue } from '../types';
import { statusFrom, type StatusMap } from './kinds';
import { parseDateTimeText, parseDurationText } from '../../time/parse-text';
import { yuanToFen } from '../shared';
import { norm, queryFirst, textBlocks } from '../dom';
import * as sel from './selectors';
import type { FieldSpec } from './selectors';

/** Separates text blocks in a row's joined text, so values of neighbouring cells never run together. */
export const SEP = ' ¦ ';

/** What a reader needs of one row (or one detail block). */
export interface RowView {
  el: Element;
  lines: string[];
  /** The lines joined with SEP. */
  text: string;
  /** Column header texts of the row's table, when they line up with the row's cells. */
  headers?: readonly string[] | undefined;
  cells: readonly Element[];
}

/** Header texts of the table a row belongs to: the nearest ancestor (≤ 6 levels) holding header cells. */
export function headersFor(row: Element): string[] | undefined {
  let el = row.parentElement;
  for (let i = 0; el && i < 6; i++, el = el.parentElement) {
    const cells = [...el.querySelectorAll(sel.headerCell)];
    if (cells.length) return cells.map((c) => norm(c.textContent));
  }
  return undefined;
}

export function rowView(el: Element, headers?: readonly string[]): RowView {
  const lines = textBlocks(el);
  const cells = [...el.querySelectorAll(sel.dataCell)];
  // Columns are used only when header and cells line up one to one: a colspan or an extra selection
  // column would shift every value into the wrong field (when unsure, read nothing).
  const aligned = headers && headers.length === cells.length ? headers : undefined;
  return { el, lines, text: lines.join(SEP), headers: aligned, cells };
}

const labelledCache = new WeakMap<FieldSpec, RegExp | undefined>();
/** `label：value` for a field, built once per spec (readField runs per field per row). */
const labelled = (spec: FieldSpec): RegExp | undefined => {
  if (labelledCache.has(spec)) return labelledCache.get(spec);
  const re =
    spec.label && new RegExp(`(?:${spec.label.source})\\s*(?:[:：]\\s*(?:¦\\s*)?|¦\\s*)(${spec.value.source})`);
  labelledCache.set(spec, re);
  return re;
};

/** The cell under the first header matching `column`. */
export function cellFor(view: RowView, column: RegExp | undefined): Element | undefined {
  if (!column || !view.headers) return undefined;
  const i = view.headers.findIndex((h) => column.test(h));
  return i >= 0 ? view.cells[i] : undefined;
}

/** A field's value: `label：value` text first (most specific), then the cell under its column. */
export function readField(view: RowView, spec: FieldSpec): string | undefined {
  const re = labelled(spec);
  const m = re?.exec(view.text);
  if (m?.[1]) return norm(m[1]) || undefined;
  const cell = cellFor(view, spec.column);
  if (!cell) return undefined;
  const v = spec.value.exec(textBlocks(cell).join(SEP));
  return v ? norm(v[0]) || undefined : undefined;
}

/** The first text block of a column's cell (status cells show the status first, then timeout text). */
export function firstLineOf(view: RowView, column: RegExp | undefined): string | undefined {
  const cell = cellFor(view, column);
  return cell ? textBlocks(cell)[0] : undefined;
}

const MIN_PLAUSIBLE = Date.UTC(2015, 0, 1);
const YEAR_MS = 366 * 24 * 3600_000;
const plausible = (t: number, now: number) => Number.isFinite(t) && t >= MIN_PLAUSIBLE && t <= now + YEAR_MS;

/** Date-time text (found anywhere in `text`) → epoch ms, Beijing time; implausible values give undefined. */
export function readDateTime(text: string | undefined, now: number): number | undefined {
  const m = text ? sel.dateTimeText.exec(text) : null;
  if (!m) return undefined;
  const t = parseDateTimeText(m[0], now);
  return t !== undefined && plausible(t, now) ? t : undefined;
}

/** What a row says about its deadline. */
export interface DeadlineRead {
  deadline?: PlatformDeadline | undefined;
  /** A deadline is shown but could not be read (the reader reports `deadline-invalid`). */
  unreadable?: true | undefined;
}

/**
 * The platform deadline a row shows. A timeout timestamp wins over a countdown (it is exact; countdowns are
 * rounded to minutes). A countdown counts from `now`, the moment the page was read.
 */
export function readDeadline(view: RowView, now: number): DeadlineRead {
  const atLabel = new RegExp(
    `(?:${sel.timeoutAtLabel.source})\\s*[:：]?\\s*(?:¦\\s*)?(${sel.dateTimeText.source})`,
  ).exec(view.text);
  const atText = atLabel?.[1] ?? sel.timeoutAtBefore.exec(view.text)?.[1];
  if (atText) {
    const at = readDateTime(atText, now);
    return at !== undefined ? { deadline: { type: 'at', at } } : { unreadable: true };
  }
  // Every block with a countdown word and a number, first readable one wins (`即将超时1小时` may precede
  // `剩余1天`); words without a number (`超时赔付`, `卖家超时未发货`) are service tags and reasons, not
  // countdowns. A countdown element without a cue word (`23:59:59`) last: its class says it is time left.
  const bare = queryFirst(view.el, sel.countdownElement)[0];
  const texts = [
    ...view.lines.filter((l) => sel.countdownCue.test(l) && /\d/.test(l)),
    ...(bare ? [`剩余 ${norm(bare.textContent)}`] : []),
  ];
  for (const t of texts) {
    const d = parseDurationText(t);
    if (d && Number.isFinite(d.ms)) {
      return { deadline: { type: 'remaining', ms: Math.round(d.overdue ? -Math.abs(d.ms) : d.ms), receivedAt: now } };
    }
  }
  return texts.length || sel.deadlineCue.test(view.text) ? { unreadable: true } : {};
}

/** Tags whose words appear in the text. */
export const tagsFrom = (text: string, table: readonly (readonly [RegExp, string])[]): string[] =>
  table.filter(([re]) => re.test(text)).map(([, tag]) => tag);

/** A yuan amount text (`¥12.30`, `￥1,299.00`, `12.3元`) → fen; shared yuanToFen knows only `¥`. */
export function yuanTextToFen(text: string | undefined): number | undefined {
  return text ? yuanToFen(text.replace(/[¥￥,\s元]/g, '')) : undefined;
}

/**
 * A row's status: its status column's first line, else the first text block that reads as a status.
 * Unknown wording stays open so nothing is hidden, and is reported for the next fixture.
 */
export function rowStatus(
  text: string | undefined,
  v: RowView,
  map: StatusMap,
  what: string,
  issues: ReadIssue[],
): TicketStatus {
  const s = statusFrom(text, map) ?? v.lines.map((l) => statusFrom(l, map)).find(Boolean);
  if (s) return s;
  issues.push({ code: 'status-unknown', detail: `${what}: status text not recognised` });
  return 'pending';
}

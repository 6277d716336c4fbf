/**
 * The one CSV writer (overview exports and template exports): RFC 4180 quoting by papaparse, CRLF, and formula
 * cells neutralised (a cell starting with = + - @ or a tab/CR gets a leading `'`, so a buyer's text such as
 * `=HYPERLINK(...)` stays text in Excel). `toCsv` adds the UTF-8 BOM Excel needs to read Chinese.
 */
import Papa from 'papaparse';

export const BOM = '\uFEFF';

export type Cell = string | number | undefined;

/** Cells Excel would evaluate. papaparse's own default pattern misses a formula followed by a line break. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows to CSV text: no BOM, rows joined by CRLF. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  // Numbers stay numbers: a negative figure is a value, not a formula (papaparse escapes strings only).
  const data = rows.map((r) => r.map((c) => c ?? ''));
  return Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false });
}

/** A CSV document for Excel from a header row and rows: BOM, header, rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + csvRows([header, ...rows]);
}

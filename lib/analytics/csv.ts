/**
 * CSV for Excel: UTF-8 with a BOM (Excel otherwise reads Chinese as mojibake), CRLF, and formula cells
 * neutralised (a cell starting with = + - @ or a tab/CR gets a leading `'`, so a buyer's text such as
 * `=HYPERLINK(...)` stays text). Quoting is papaparse's.
 */
import Papa from 'papaparse';

export const BOM = '\uFEFF';

export type Cell = string | number | undefined;

/** A CSV document from a header row and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...header], data: rows.map((r) => r.map((c) => (c === undefined ? '' : c))) },
      { escapeFormulae: true, newline: '\r\n', quotes: false },
    )
  );
}

// A table to export (a 台账, an order list) as plain data: a title, column headers and rows, with fevers
// marked. Writers turn it into a file (xlsx in services/admin/sheet-xlsx.ts, CSV here). Pure.

export type CellValue = string | number | null;
/** A value, or a value marked for attention (a fever: red fill, bold). */
export type Cell = CellValue | { value: CellValue; fever: true };

export interface Sheet {
  /** The file name without its extension (Chinese is fine: it is sent as filename*=UTF-8''…). */
  fileName: string;
  /** An ASCII stand-in for clients that do not read filename*. */
  asciiName: string;
  sheetName: string;
  title: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

export const cellValue = (c: Cell): CellValue => (c !== null && typeof c === 'object' ? c.value : c);
export const isMarked = (c: Cell): boolean => c !== null && typeof c === 'object' && c.fever;

/**
 * A text that a spreadsheet would run as a formula (= + - @, or a tab or CR before one): prefixed with a
 * quote so Excel shows it as text (OWASP CSV injection). Numbers stay numbers.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(v: CellValue): CellValue {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

function csvField(cell: CellValue): string {
  const v = neutralise(cell);
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (so Excel reads Chinese right) and CRLF line ends: the header
 * row first (no title row, so the file reads straight into other tools), then the rows.
 */
export function sheetCsv(sheet: Sheet): string {
  const lines = [
    sheet.columns.map((c) => csvField(c.header)).join(','),
    ...sheet.rows.map((r) => r.map((c) => csvField(cellValue(c))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

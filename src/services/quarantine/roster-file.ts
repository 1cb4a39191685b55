// A roster file's bytes to rows of cells: CSV or the first sheet of an .xlsx workbook (exceljs). CSV is
// read as UTF-8 (with or without BOM) or, when it is not valid UTF-8, as GB18030 (which contains GBK):
// what Excel on Chinese Windows writes for "CSV (逗号分隔)". Anything else (UTF-16, binary) is refused with
// a clear answer rather than read as mojibake.
import ExcelJS from 'exceljs';
import { parseCsv } from '../../core/csv.js';
import { ValidationError } from '../../core/errors.js';
import type { Cell } from '../../core/quarantine/roster.js';

export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<Cell[][]> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx') return readXlsx(bytes);
  if (ext === 'csv' || ext === 'txt') return parseCsv(decodeCsv(bytes));
  if (ext === 'xls')
    throw new ValidationError('unsupported roster file', [
      '旧版 .xls 文件请在 Excel 里另存为 .xlsx 或 CSV（UTF-8）',
    ]);
  throw new ValidationError('unsupported roster file', [`${fileName}：请用 .csv 或 .xlsx 文件`]);
}

function decodeCsv(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not this one
    }
  }
  throw new ValidationError('the roster is neither UTF-8 nor GBK', [
    '文件编码无法识别（不是 UTF-8 或 GBK）：请在 Excel 里另存为“CSV UTF-8”或 .xlsx',
  ]);
}

async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ValidationError('the roster cannot be read', [
      `不是有效的 .xlsx 文件：${(err as Error).message}`,
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[rowNumber - 1] = values.map(cellValue);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) to plain cells. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return null;
}

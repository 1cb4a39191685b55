// A roster file's bytes to rows of cells: CSV or the first sheet of an .xlsx workbook (exceljs). CSV is
// read as UTF-8 (with or without BOM) or, when it is not valid UTF-8, as GB18030 (which contains GBK):
// what Excel on Chinese Windows writes for "CSV (逗号分隔)". Anything else (UTF-16, binary) is refused with
// a clear answer rather than read as mojibake.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../core/csv.js';
import { ValidationError } from '../../core/errors.js';
import { type Cell, MAX_ROSTER_ROWS } from '../../core/quarantine/roster.js';

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

/** The most an .xlsx roster may unpack to: 5 000 rows take a few MiB; a zip bomb takes gigabytes. */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 1_000;

interface ZipPart {
  name: string;
  method: number;
  /** The unpacked size the directory declares. */
  size: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * A zip's parts as its central directory declares them, read before anything is unpacked; null when the
 * bytes are not a zip this reader understands (ZIP64 included: no roster needs it).
 */
function zipParts(bytes: Uint8Array): ZipPart[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65 535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES || at === 0xffffffff) return null;
  const parts: ZipPart[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const part = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (part.size === 0xffffffff || part.compressedSize === 0xffffffff) return null;
    parts.push(part);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

/** The sum of a zip's declared unpacked sizes; null when it is not a zip this reader understands. */
export function unpackedSize(bytes: Uint8Array): number | null {
  const parts = zipParts(bytes);
  return parts ? parts.reduce((n, p) => n + p.size, 0) : null;
}

/**
 * Whether every part unpacks to no more than it declares: each is inflated with its declared size as
 * the ceiling (zlib stops there), so a bomb that understates its sizes is caught before exceljs unpacks it.
 */
function partsHonest(bytes: Uint8Array, parts: readonly ZipPart[]): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const p of parts) {
    if (p.method === 0) {
      if (p.compressedSize !== p.size) return false;
      continue;
    }
    if (p.method !== 8) return false;
    const at = p.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return false;
    const data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    try {
      zlib.inflateRawSync(bytes.subarray(data, data + p.compressedSize), {
        maxOutputLength: Math.max(1, p.size),
      });
    } catch {
      return false;
    }
  }
  return true;
}

async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  const parts = zipParts(bytes);
  if (parts === null)
    throw new ValidationError('the roster cannot be read', ['不是有效的 .xlsx 文件（无法读取其中的目录）']);
  const size = parts.reduce((n, p) => n + p.size, 0);
  if (size > MAX_UNPACKED_BYTES)
    throw new ValidationError('the roster unpacks too large', [
      `这个 .xlsx 解压后有 ${Math.round(size / 1024 / 1024)} MB，超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB：名单最多 ${MAX_ROSTER_ROWS} 行，请删去多余的工作表和内容`,
    ]);
  if (!partsHonest(bytes, parts))
    throw new ValidationError('the roster unpacks larger than it declares', [
      '不是有效的 .xlsx 文件（其中的内容比它声明的大，或已损坏）：请在 Excel 里重新保存',
    ]);
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
  // Rows far past what a roster may hold are not converted (readRoster refuses them by count).
  if (sheet.actualRowCount > MAX_ROSTER_ROWS + 10)
    throw new ValidationError('the roster has too many rows', [
      `名单最多 ${MAX_ROSTER_ROWS} 行，这个文件有 ${sheet.actualRowCount} 行：请分成几个文件导入`,
    ]);
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

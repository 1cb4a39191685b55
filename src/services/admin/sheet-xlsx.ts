// An exported sheet as an .xlsx workbook (exceljs): a bold title row, a header row frozen under it,
// fevers in bold on a red fill.
import ExcelJS from 'exceljs';
import { cellValue, isMarked, type Sheet } from '../../core/sheet.js';

const FEVER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9999' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

export async function sheetXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shouwang 守望';
  const ws = wb.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const width = Math.max(sheet.columns.length, 1);
  ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(8, c.header.length * 2 + 2);
  });
  for (const row of sheet.rows) {
    const r = ws.addRow(row.map(cellValue));
    row.forEach((c, i) => {
      if (!isMarked(c)) return;
      const cell = r.getCell(i + 1);
      cell.fill = FEVER_FILL;
      cell.font = { bold: true, color: { argb: 'FFC00000' } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

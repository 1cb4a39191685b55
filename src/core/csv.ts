// A small RFC 4180 reader for roster files: quoted fields (with commas, quotes and line breaks inside),
// CRLF or LF, a leading UTF-8 BOM. The delimiter is the first of , TAB ; ， found in the first line.
// Pure and total: any string gives rows.

export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') endRow();
    else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  for (const d of [',', '\t', ';', '，']) if (firstLine.includes(d)) return d;
  return ',';
}

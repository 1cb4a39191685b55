// A message that is a list as a whole: a 接龙 (numbered lines under a header), a table of rows, or in a village
// group one 接龙 line posted alone. Read before the message is read as ordinary text.
import type { ParseInput } from '../records.js';
import { type Jielong, readJielong } from './jielong.js';
import { readTable } from './lists.js';
import { mendSlipsInPlace } from './voice.js';

/** The 接龙 or table `text` is, or null. */
export function readListMessage(text: string, context: ParseInput['context']): Jielong | null {
  if (!mayBeList(text, context)) return null;
  // (鸡旦一斤 on a 接龙 line: same-length slips are mended there too, and spelt back as written)
  const listed = mendSlipsInPlace(text);
  return readJielong(listed) ?? readTable(listed) ?? loneJielongLine(listed, context);
}

/**
 * Gate for the list readers: a 接龙 or a table needs a line break (or a semicolon, which readTable turns into one),
 * and a lone 接龙 line its number first in a village group. mendSlipsInPlace neither adds nor takes away a line
 * break, a semicolon, a digit or a space (its words are Chinese for Chinese, 代 after a count for 袋).
 */
function mayBeList(text: string, context: ParseInput['context']): boolean {
  return (
    text.includes('\n') ||
    text.includes(';') ||
    text.includes('；') ||
    (context === 'village' && /^\s*\d/.test(text))
  );
}

/** 7. 周大姐 洗洁精一瓶 卫生纸一提: one line of a 接龙, posted alone, with its number, name and goods. */
const LONE_LINE_RE = /^\s*\d{1,2}[.、．)]\s*[\u4e00-\u9fa5]/;

function loneJielongLine(text: string, context: ParseInput['context']): Jielong | null {
  if (context !== 'village' || text.includes('\n') || !LONE_LINE_RE.test(text)) return null;
  const j = readJielong(`#接龙\n${text}`);
  const line = j?.lines[0];
  if (j?.lines.length !== 1) return null;
  if (!line?.customer || line.items.length === 0) return null;
  return { ...j, header: '' };
}

// Names as written (contract §2: items, places, persons and customers "as written"). The parser reads traditional
// script as simplified and mends voice and pinyin slips (付合肥, 口照) so that it can recognise them; what it
// returns is then spelt back the way the sender wrote it: 雞蛋, 石板溝, 付合肥. The purchase list and the place
// lists sum them under one name again (canonicalItemName, canonicalPlace).
import type { ParsedRecord } from '../records.js';
import { mendSlipsInPlace } from './normalise.js';
import { simplify } from './traditional.js';

/**
 * The records with each name the reader mended spelt as in `raw`. Only respellings that keep every character in
 * its place are undone (traditional script, same-length slips); a name not found is left as read.
 */
export function asWritten(records: ParsedRecord[], raw: string): ParsedRecord[] {
  let mended: string | null = null;
  const back = (s: string): string => {
    if (s.length === 0 || raw.includes(s)) return s;
    mended ??= mendSlipsInPlace(simplify(raw));
    if (mended.length !== raw.length || mended === raw) return s;
    const i = mended.indexOf(s);
    return i < 0 ? s : raw.slice(i, i + s.length);
  };
  for (const r of records) {
    if ('items' in r)
      for (const it of r.items) {
        it.name = back(it.name);
        if ('unit' in it && it.unit) it.unit = back(it.unit);
      }
    if (r.type === 'water' && r.unit) r.unit = back(r.unit);
    if ('deliverTo' in r && r.deliverTo) r.deliverTo = back(r.deliverTo);
    if ('customer' in r && r.customer) r.customer = back(r.customer);
    if ('person' in r && typeof r.person === 'string') r.person = back(r.person);
  }
  return records;
}

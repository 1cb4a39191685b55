// Names as written (contract §2: items, places, persons and customers "as written"). The parser reads traditional
// script as simplified and mends voice and pinyin slips (付合肥, 口照) so that it can recognise them; what it
// returns is then spelt back the way the sender wrote it: 雞蛋, 石板溝, 付合肥. The purchase list and the place
// lists sum them under one name again (canonicalItemName, canonicalPlace).
import type { ParsedRecord } from '../records.js';
import { readDialectInPlace } from './dialect.js';
import { simplify } from './traditional.js';
import { mendSlipsInPlace } from './voice.js';

/**
 * The records with each name the reader mended spelt as in `raw`. Only respellings that keep every character in
 * its place are undone (traditional script, same-length slips); a name not found is left as read.
 */
export function asWritten(records: ParsedRecord[], raw: string): ParsedRecord[] {
  if (records.length === 0) return records;
  const sp: Spelling = { raw, mended: null, spoken: null };
  for (const r of records) {
    if ('items' in r)
      for (const it of r.items) {
        it.name = back(sp, it.name);
        // (a unit is spelt back only from traditional script: 兩斤 stays 斤, but 三代 mended to 袋 stays 袋)
        if ('unit' in it && it.unit) {
          const unit = back(sp, it.unit);
          if (simplify(unit) === it.unit) it.unit = unit;
        }
      }
    // (两痛水: a barrel mended from its homophone stays 桶; 兩桶 in traditional script is spelt back)
    if (r.type === 'water' && r.unit) {
      const unit = back(sp, r.unit);
      if (simplify(unit) === r.unit) r.unit = unit;
    }
    if ('deliverTo' in r && r.deliverTo) r.deliverTo = back(sp, r.deliverTo);
    if ('customer' in r && r.customer) r.customer = back(sp, r.customer);
    if ('person' in r && typeof r.person === 'string')
      // (我自己 / Teochew 我家己: the sender, as 我)
      r.person = /^我(?:自己|家己)$/.test(r.person) ? '我' : withNorthernPossessive(back(sp, r.person), raw);
  }
  return records;
}

/** The sender's text and its mended readings, each made the first time a name needs it. */
interface Spelling {
  raw: string;
  mended: string | null;
  spoken: string | null;
}

/** `s` spelt as in the sender's text (plain functions, not closures: no function is made per message). */
function back(sp: Spelling, s: string): string {
  if (s.length === 0 || sp.raw.includes(s)) return s;
  // Hakka 𠊎 (two UTF-16 units) read as 我: the sender's word as written
  if (s === '我' && sp.raw.includes('𠊎')) return '𠊎';
  sp.mended ??= mendSlipsInPlace(simplify(sp.raw));
  // 细路 read as 小孩: dialect words rewritten to as many characters are spelt back too
  sp.spoken ??= readDialectInPlace(sp.mended);
  return find(sp.raw, sp.mended, s) ?? find(sp.raw, sp.spoken, s) ?? s;
}

function find(raw: string, text: string, s: string): string | null {
  if (text.length !== raw.length || text === raw) return null;
  const i = text.indexOf(s);
  return i < 0 ? null : raw.slice(i, i + s.length);
}

/** Words for the sender, never kin owned by them. */
const SELF_WORDS = new Set(['我', '俺', '额', '我自己', '俺自己', '本人', '自己']);

/**
 * 俺孙女 / 俺家那口子: kin owned with the northern 俺 or 俺家 are kept as written, as labellers of the plains and of
 * Henan and Shandong write them (the reader reads 俺 as 我 and would drop it).
 */
function withNorthernPossessive(person: string, raw: string): string {
  if (SELF_WORDS.has(person) || person.startsWith('俺') || !raw.includes('俺')) return person;
  for (const own of ['俺家', '俺']) if (raw.includes(`${own}${person}`)) return `${own}${person}`;
  return person;
}

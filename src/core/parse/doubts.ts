// Doubts: why a record is flagged `unsure` (CONTRACT.md section 2). The codes are internal (records' `doubts`):
// the bot words its one short question from them, and staff see them in review.
import type { Doubtful, ParsedRecord } from '../records.js';
import { looksLikeGoods } from './item-lexicon.js';

export const DOUBT_CODES = [
  /** A place read by its geographic ending alone, unknown to the group (石门坎). */
  'new-place',
  /** Quantities and goods do not pair up one to one (白糖 醋两瓶三瓶). */
  'pairing',
  /** A number that may be a reading or something else (a format example, a threshold asked about). */
  'number',
  /** Who the readings are for is not clear (36.5 36.6: one person twice, or two people?). */
  'person',
  /** A 接龙 line that copies another (同上): what it copies is a guess. */
  'copied',
  /** A day said loosely (周末, 过两天): which day is asked. */
  'day',
  /** Goods named by a word that is neither known goods nor shaped like any (复合飞, 李满仓, 开): what is it? */
  'goods',
] as const;

export type DoubtCode = (typeof DOUBT_CODES)[number];

export function doubt<T extends Doubtful>(record: T, code: DoubtCode): T {
  record.unsure = true;
  const list = record.doubts ?? [];
  if (!list.includes(code)) list.push(code);
  record.doubts = list;
  return record;
}

/** Takes a doubt back (the reading was settled another way); `unsure` goes with the last one. */
export function undoubt<T extends Doubtful>(record: T, code: DoubtCode): T {
  const list = (record.doubts ?? []).filter((d) => d !== code);
  if (list.length > 0) record.doubts = list;
  else {
    delete record.doubts;
    delete record.unsure;
  }
  return record;
}

/** Things fetched rather than bought (帮我取个快递): no goods, and nothing strange. */
const ERRANDS = new Set(['快递', '包裹', '快件']);

/**
 * Goods named by a word the lexicon neither knows nor recognises by its shape (a slip such as 复合飞, a name or a verb
 * left behind as goods: 李满仓, 开, 充): an order is asked about (the sender's 对 settles it), not bought on a guess;
 * a request only when the word is a single character — over the held-out sets about half of such orders and nine
 * in ten such requests are misread, while a longer strange word in a request is as often a book or a brand rightly
 * read (《三体》, 金圣), which staff would rather see ticketed.
 */
export function doubtStrangeGoods(r: ParsedRecord): ParsedRecord {
  if (r.type === 'order' && r.items.some((i) => !looksLikeGoods(i.name) && !ERRANDS.has(i.name)))
    doubt(r, 'goods');
  else if (r.type === 'request' && r.items.some((i) => i.name.length === 1 && !looksLikeGoods(i.name)))
    doubt(r, 'goods');
  return r;
}

// A reply to a volunteer's call in a village group: 「李师傅：明天上午送水的在群里报一下」 我要两桶 送到白果湾. The call
// says what and when (water tomorrow morning, 化肥, 给三组送水); the reply says how much and where. Each line of the
// reply is read with the call's goods and day in front of it, so 三桶 大田坎 books water for the day called.
import type { ParsedRecord } from '../records.js';
import { findDates } from './dates.js';
import { goodsAt } from './item-lexicon.js';
import { findPlaces } from './places.js';
import { mentionsWater } from './water.js';

/** The quoted message asks the group to answer with counts (要的报数, 在群里报一下, 说一声, 接龙). */
const CALL_RE = /报一下|报数|报个数|报桶数|报数量|说一声|吱一声|接龙|报名|要的报|要的说|需要的报|在群里报/;
const MAX_LINES = 20;

/** What the call is about, to read in front of each reply line: its day words and its goods (送水 for water). */
function callWords(quoted: string): { lead: string; place: string | null } | null {
  if (!CALL_RE.test(quoted)) return null;
  // (王书记 需要化肥的…: the caller's name, before the first space, names no goods)
  const words = quoted.includes(' ') ? quoted.slice(quoted.indexOf(' ') + 1) : quoted;
  let day = '';
  for (const d of findDates(words)) if (d.day !== null || d.part !== null) day += words.slice(d.start, d.end);
  let goods = '';
  if (mentionsWater(words)) goods = '送水';
  else {
    for (let i = 0; i < words.length && goods === ''; i++) goods = goodsAt(words, i) ?? '';
  }
  if (goods === '') return null;
  const place = findPlaces(words).find((p) => p.strict)?.place ?? null;
  return { lead: `${day}${goods} `, place };
}

/**
 * The reply's orders and water bookings read with the call in front, or null when the quote is no call or the
 * reply (read alone) already asks for goods of its own.
 */
export function readCallReply(
  quoted: string,
  reply: string,
  alone: readonly ParsedRecord[],
  readLine: (text: string) => ParsedRecord[],
): ParsedRecord[] | null {
  const call = callWords(quoted);
  if (!call) return null;
  // 我也要 化肥 两袋 (goods of its own, other than the call's): the reply alone says it
  if (alone.some((r) => r.type === 'order' && r.items.some((i) => !call.lead.includes(i.name)))) return null;
  const out: ParsedRecord[] = [];
  for (const line of reply.split('\n').slice(0, MAX_LINES)) {
    if (line.trim().length === 0) continue;
    for (const r of readLine(`${call.lead}${line}`)) {
      if (r.type !== 'water' && r.type !== 'order') continue;
      if (r.deliverTo === null && call.place) r.deliverTo = call.place;
      out.push(r);
    }
  }
  return out.length > 0 ? out : null;
}

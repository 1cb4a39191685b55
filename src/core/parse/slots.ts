// Words that put a health report in the morning or evening slot (早上 → am; 下午/晚上 → pm).
import type { Slot } from '../records.js';
import { isCjk, isLatin, matchesOf } from './chars.js';

export interface SlotHit {
  start: number;
  end: number;
  slot: Slot;
  /** 一晚上: a span of time, no slot for a reading. */
  span?: boolean;
}

const AM = [
  '早上',
  '早晨',
  '清晨',
  '上午',
  '凌晨',
  '今早',
  '今晨',
  '明早',
  '晨检',
  '晨起',
  '早起',
  '早饭',
  '早餐',
  '早间',
];
const PM = [
  '中午',
  '下午',
  '午后',
  '午饭',
  '午餐',
  '午检',
  '晚上',
  '傍晚',
  '今晚',
  '昨晚',
  '晚间',
  '夜里',
  '夜间',
  '半夜',
  '晚饭',
  '晚餐',
  '晚检',
  '睡前',
];
// (早36.5 中36.7 晚36.6: a lone 中 right before a reading is noon's)
const SLOT_RE = new RegExp(
  `${[...AM, ...PM].join('|')}|[早晚夜]|中(?=\\s*[:：]?\\s*(?:3[4-9]|三十))|am|pm|AM|PM`,
  'g',
);
const AM_SET = new Set(AM);
const MEALS = new Set(['早饭', '早餐', '午饭', '午餐', '晚饭', '晚餐']);
/** After a lone 早/晚/夜 these make it an adverb (早点, 晚了) rather than a part of the day. */
const NOT_SLOT_AFTER = new Set(['点', '些', '了', '就', '已', '到', '来', '去', '安', '睡', '的']);

export function findSlots(text: string): SlotHit[] {
  const hits: SlotHit[] = [];
  if (!/[早晚晨午夜睡中aApP]/.test(text)) return hits;
  for (const m of matchesOf(SLOT_RE, text)) {
    const w = m[0];
    const start = m.index;
    const end = start + w.length;
    if (w.length === 1 && NOT_SLOT_AFTER.has(text[end] ?? '')) continue;
    if (isLatin(w[0])) {
      if (isLatin(text[start - 1]) || isLatin(text[end])) continue;
      hits.push({ start, end, slot: w.toLowerCase() === 'am' ? 'am' : 'pm' });
      continue;
    }
    if (w === '夜' && isCjk(text[end]) && text[end] !== '里') continue;
    // 哭了一晚上 / 一夜没睡 / 整晚: a span of time, not the part of the day a reading was taken (a complaint
    // alone still says when: 咳了一晚上 is the evening's)
    if (/[一整]$/.test(text.slice(Math.max(0, start - 1), start)) && /^(?:晚上|晚|夜)$/.test(w)) {
      hits.push({ start, end, slot: 'pm', span: true });
      continue;
    }
    // 晚饭能清淡点吗: a meal talked about says nothing of when a reading was taken (晚饭后量的 does)
    // 36度7 下午再报: the part of the day the next report is promised for is not this reading's
    // (36.9 比昨晚好点: the part of the day compared with is not this reading's)
    const later =
      /^\s*(?:再|还要|还会|会)(?:报|量|测)/.test(text.slice(end, end + 4)) ||
      /(?:比|比起|跟|和)$/.test(text.slice(Math.max(0, start - 2), start)) ||
      // (娃儿三十七度明天早上能不能给娃儿煮碗面条: a day ahead, with something asked, is no reading's time)
      (/(?:明天|后天|明儿)$/.test(text.slice(Math.max(0, start - 2), start)) &&
        /(?:3[4-9]|三十)/.test(text.slice(0, start)) &&
        !/^[^。，,；;！!？?]*?(?:3[4-9]|三十)/.test(text.slice(end))) ||
      // (36度4 昨晚没睡好: the night slept badly is not when the reading was taken)
      /^(?:没睡|睡不|没怎么睡|失眠)/.test(text.slice(end, end + 4)) ||
      // (昨天晚上到的 我36.5: when they arrived is not when the reading was taken)
      /^(?:才)?(?:到的(?!时候)|到了|来的(?!时候)|住进来|进来的|搬进来)/.test(text.slice(end, end + 4)) ||
      // (715 36.4 昨晚暖气来了: last night told of after the reading, with no reading of its own, is not its time)
      (w.startsWith('昨') &&
        /(?:3[4-9]|三十)/.test(text.slice(0, start)) &&
        !/^[^。，,；;！!？?]*?(?:3[4-9]|三十|三[六七])/.test(text.slice(end)));
    const meal = later || (MEALS.has(w) && !/^(?:后|前|时|的时候|以后|之后)/.test(text.slice(end, end + 3)));
    hits.push({
      start,
      end,
      slot: AM_SET.has(w) || w === '早' ? 'am' : 'pm',
      ...(meal ? { span: true } : {}),
    });
  }
  return hits;
}

/** 昨晚发烧了 今天退了 36.8: a word of now after a slot word brings the reading back to now. */
export const NOW_RE = /今天|现在|刚才|刚刚|目前|这会/;
/** 早上忘报了，现在补: a report said late, for the slot named before. */
export const LATE_RE = /(?:忘(?:记|了)?|漏|没)报|补报|现在补|补(?:一下|上|个)/;

/**
 * Where a heading ends: its line (晚上体温：⏎1.王姐1301 36.6), or a label before a colon on one line (报一下下午体温：609
 * 36.7，612 36.5) — the part of the day it says holds for every reading after it. -1 when none.
 */
export function headingEndOf(text: string): number {
  const line = text.indexOf('\n');
  if (line > 0) return line;
  const label = /^[^\d\n:：]{2,16}[:：]/.exec(text);
  return label ? label[0].length : -1;
}

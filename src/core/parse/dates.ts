// Relative days (明天, 后天, 周三, 下周一, 2月13号) and parts of day (上午, 晚上), resolved against the
// message's own instant in the site's zone. chrono-node's Chinese parser depends on the process zone and misses
// several of these, hence this small resolver.
//
// Weekday rule: 周三/星期三 is the coming Wednesday, today included (said on a Wednesday it means today);
// 这周三/本周三 is the Wednesday of the current Monday-based week, even if past; 下周三 is the Wednesday of
// next week; 下下周三 the week after. M月D号 keeps the message's year (the next year when it is over six months
// back); a bare D号 is this month, or next month when that day has already passed.

import type { DayPart } from '../records.js';
import { MAX_HITS, matchesOf } from './chars.js';
import { addDays, isoDate, type LocalDate } from './local-time.js';
import { chineseToNumber, parseNumber } from './numerals.js';

export type DayRef =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; week: 'coming' | 'this' | 'next' | 'after-next' }
  | { kind: 'date'; month: number | null; day: number }
  /** 初十 / 正月二十: a day of the lunar calendar (month null: the next such day). */
  | { kind: 'lunar'; month: number | null; day: number };

export interface DateHit {
  start: number;
  end: number;
  day: DayRef | null;
  part: DayPart | null;
  /** A clock time such as 7:30 or 8点: claimed so it is never read as a quantity or temperature. */
  clock: boolean;
  /** The clock time's hour as written (8 for 8点前, 15 for 15:00), when it is one. */
  hour?: number;
}

/**
 * The part of the day a clock time alone names for a delivery (明天8点前送 is the morning): 6–11 am, 12–17 and
 * 1–5 pm (nobody has water brought at 3 at night), 18–22 the evening; other hours name none.
 */
export function clockPart(hour: number | undefined): DayPart | null {
  if (hour === undefined) return null;
  if (hour >= 6 && hour <= 11) return 'am';
  if ((hour >= 12 && hour <= 17) || (hour >= 1 && hour <= 5)) return 'pm';
  if (hour >= 18 && hour <= 22) return 'evening';
  return null;
}

const RELATIVE: Readonly<Record<string, [number, DayPart | null]>> = {
  大后天: [3, null],
  后天: [2, null],
  明天: [1, null],
  明日: [1, null],
  明儿: [1, null],
  明早: [1, 'am'],
  明晚: [1, 'evening'],
  今天: [0, null],
  今日: [0, null],
  今儿: [0, null],
  今早: [0, 'am'],
  今晚: [0, 'evening'],
  昨天: [-1, null],
  昨日: [-1, null],
  昨晚: [-1, 'evening'],
};

const PARTS: Readonly<Record<string, DayPart>> = {
  上午: 'am',
  早上: 'am',
  早晨: 'am',
  清晨: 'am',
  一早: 'am',
  中午: 'pm',
  下午: 'pm',
  午后: 'pm',
  傍晚: 'evening',
  擦黑: 'evening',
  天黑: 'evening',
  晚上: 'evening',
  夜里: 'evening',
  夜间: 'evening',
  晚间: 'evening',
};

const WEEKDAY: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  七: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};

const N = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const DATE_RE = new RegExp(
  [
    '(大后天|后天|明天|明日|明儿|明早|明晚|今天|今日|今儿|今早|今晚|昨天|昨日|昨晚)',
    '(下下|下个|下|这个|这|本)?(?:周|星期|礼拜)([一二三四五六日天七1-7])',
    `(?<!\\d)(${N})月(${N})(?:日|号)?`,
    `(?<![\\d月])(${N})(?:号|日)(?![楼房床线码院门机栋室电])`,
    '(上午|早上|早晨|清晨|一早|中午|下午|午后|傍晚|擦黑|天黑|晚上|夜里|夜间|晚间)',
    '((?<!\\d)\\d{1,2}:\\d{2}(?!\\d)|(?<![\\d.])\\d{1,2}点(?:\\d{1,2}分?|半|钟)?|[两三四五六七八九十]{1,3}点(?:半|钟|[一二三四五六七八九十]{1,3}分)?)',
  ].join('|'),
  'g',
);

function num(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseToNumber(s);
}

export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  if (!/[天日儿早晚周期拜月号午晨夜间点:初廿历]/.test(text)) return hits;
  for (const m of matchesOf(DATE_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const rel = RELATIVE[m[1]];
      if (rel) hits.push({ start, end, day: { kind: 'offset', days: rel[0] }, part: rel[1], clock: false });
    } else if (m[3] !== undefined) {
      const w = WEEKDAY[m[3]] ?? 1;
      const pre = m[2];
      const week =
        pre === '下下'
          ? 'after-next'
          : pre?.startsWith('下')
            ? 'next'
            : pre === undefined
              ? 'coming'
              : 'this';
      hits.push({ start, end, day: { kind: 'weekday', weekday: w, week }, part: null, clock: false });
    } else if (m[4] !== undefined && m[5] !== undefined) {
      const month = num(m[4]);
      const day = num(m[5]);
      if (month !== null && day !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        hits.push({ start, end, day: { kind: 'date', month, day }, part: null, clock: false });
      }
    } else if (m[6] !== undefined) {
      const day = num(m[6]);
      if (day !== null && day >= 1 && day <= 31) {
        hits.push({ start, end, day: { kind: 'date', month: null, day }, part: null, clock: false });
      }
    } else if (m[7] !== undefined) {
      // (晌午好 / 下午好: a greeting names no part of the day)
      if (text[end] === '好' && !/[\d一二两三四五六七八九十了的吧不吗啊呢嘛哦]/.test(text[end + 1] ?? ''))
        continue;
      // 中午前送: before noon is the morning (中午前后: around noon is noon)
      const beforeNoon = m[7] === '中午' && /^(?:之|以)?前(?!后)/.test(text.slice(end, end + 3));
      hits.push({ start, end, day: null, part: beforeNoon ? 'am' : (PARTS[m[7]] ?? null), clock: false });
    } else if (m[8] !== undefined) {
      const h = /^(\d{1,2})/.exec(m[8]);
      const hour = h ? Number(h[1]) : (parseNumber(m[8].replace(/点.*$/, '')) ?? undefined);
      hits.push({ start, end, day: null, part: null, clock: true, ...(hour !== undefined ? { hour } : {}) });
    }
  }
  if (text.includes('初') || text.includes('月') || text.includes('廿') || text.includes('历')) {
    for (const m of matchesOf(LUNAR_RE, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      const month = m[1] === undefined ? null : (LUNAR_MONTH[m[1]] ?? num(m[1]));
      const day = m[2]?.startsWith('初') ? num(m[2].slice(1)) : num((m[2] as string).replace('廿', '二十'));
      if (day !== null && day >= 1 && day <= 30 && (month === null || (month >= 1 && month <= 12)))
        hits.push({ start, end, day: { kind: 'lunar', month, day }, part: null, clock: false });
    }
    // 二月二 (龙抬头): the second day of the second lunar month, not 2 February
    const festival = /二月二(?![十日号\d一二三四五六七八九])/.exec(text);
    if (festival) {
      const start = festival.index;
      const end = start + festival[0].length;
      for (let k = hits.length - 1; k >= 0; k--)
        if ((hits[k] as DateHit).start < end && (hits[k] as DateHit).end > start) hits.splice(k, 1);
      hits.push({ start, end, day: { kind: 'lunar', month: 2, day: 2 }, part: null, clock: false });
    }
    hits.sort((a, b) => a.start - b.start);
  }
  return hits;
}

/**
 * 初十 / 正月二十 / 腊月廿八: older villagers count days by the lunar calendar. 初X is always lunar; a bare 二十
 * is the solar 20th (二十号), so a lunar day needs 初, 廿 or its month (正月, 腊月, 冬月, 三月…) or 农历 before it.
 */
const LUNAR_RE =
  /(?:(正|冬|腊|十一|十二|[二三四五六七八九十])月)?(初[一二三四五六七八九十]|廿[一二三四五六七八九]|(?<=[正冬腊二三四五六七八九十一]月|农历|阴历|老历)(?:十[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十))(?:日|号|那天)?(?![\d一二三四五六七八九十])/g;
const LUNAR_MONTH: Readonly<Record<string, number>> = { 正: 1, 冬: 11, 腊: 12 };

const lunarParts = new Intl.DateTimeFormat('zh-u-ca-chinese', {
  timeZone: 'UTC',
  month: 'numeric',
  day: 'numeric',
});

/** The first day from `local` on whose lunar date is (month,) day, looked for a year ahead at most. */
const lunarCache = new Map<string, string | null>();

function lunarDay(local: LocalDate, month: number | null, day: number): string | null {
  const key = `${local.year}-${local.month}-${local.day}|${month}|${day}`;
  const known = lunarCache.get(key);
  if (known !== undefined) return known;
  const found = searchLunar(local, month, day);
  if (lunarCache.size >= 1024) lunarCache.clear();
  lunarCache.set(key, found);
  return found;
}

function searchLunar(local: LocalDate, month: number | null, day: number): string | null {
  for (let d = 0; d <= (month === null ? 62 : 400); d++) {
    const at = new Date(Date.UTC(local.year, local.month - 1, local.day + d, 12));
    let m = 0;
    let dd = 0;
    for (const p of lunarParts.formatToParts(at)) {
      if (p.type === 'month') m = Number.parseInt(p.value.replace(/\D/g, ''), 10);
      else if (p.type === 'day') dd = Number.parseInt(p.value, 10);
    }
    if (dd === day && (month === null || m === month)) return addDays(local, d);
  }
  return null;
}

export function resolveDay(ref: DayRef, local: LocalDate | null): string | null {
  if (local === null) return null;
  switch (ref.kind) {
    case 'lunar':
      return lunarDay(local, ref.month, ref.day);
    case 'offset':
      return addDays(local, ref.days);
    case 'weekday': {
      const t = local.weekday;
      const w = ref.weekday;
      if (ref.week === 'coming') return addDays(local, (w - t + 7) % 7);
      if (ref.week === 'this') return addDays(local, w - t);
      if (ref.week === 'next') return addDays(local, 7 - t + w);
      return addDays(local, 14 - t + w);
    }
    case 'date': {
      if (ref.month === null) {
        const thisMonth = isoDate(local.year, local.month, ref.day);
        if (ref.day >= local.day && thisMonth) return thisMonth;
        const nextMonth = local.month === 12 ? 1 : local.month + 1;
        return isoDate(local.month === 12 ? local.year + 1 : local.year, nextMonth, ref.day);
      }
      const year = ref.month < local.month - 6 ? local.year + 1 : local.year;
      return isoDate(year, ref.month, ref.day);
    }
  }
}

// Water bookings moved or withdrawn: 水改到后天 (the old day withdrawn, the new one booked), 时间改到周五下午,
// 取消明天的送水 (no booking), 后天的那次取消 (the water of that day); recounted (水改成三桶); or on a day said too
// loosely to book (周末, 过两天).
import type { CancelRecord } from '../records.js';
import type { DateHit } from './dates.js';
import { parseNumber } from './numerals.js';
import { isWaterItem, mentionsWater } from './water.js';

/** 取消明天的送水: a message withdrawing water books none. */
export function withdrawsWater(cancels: readonly { names: string[] }[]): boolean {
  for (const c of cancels)
    for (const name of c.names) if (isWaterItem({ name, qty: null, unit: null })) return true;
  return false;
}

const BARRELS = '[\\d一二两三四五六七八九十]\\s*[桶挑担]';
/** Words that move a booking to another day (改成 too, for 明天的改成后天). */
const MOVE_WORDS =
  '改到|改在|提前到|改(?=明天|后天|大后天|周[一二三四五六日天]|星期|礼拜|\\|)|推到|挪到|换到|延到|推迟到|延后到|改成(?=(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)|明天|后天|大后天|周|星期|礼拜|下周|\\|)';
/** 水改到后天 / 明天的水推到周五: a booking moved to another day. */
// (后弄的一桶改到明天上午 / 那改到今天下午，还是两桶: the barrels moved, water unnamed; 那两桶水 今天晚上别送了 改到
// 礼拜一上午: not that day, the other; 那两桶水今天下午送不了 家里没人 改到明天上午: nor a day it cannot come)
export const MOVED_RE = new RegExp(
  `水.{0,6}(?:${MOVE_WORDS})|水[^。]{0,12}?(?:别送了|不用送了|莫送了|嫑送了|先别送)[\\s,，]*(?:${MOVE_WORDS})|水[^。]{0,12}?(?:送不了|送不成)[^。]{0,10}?(?:${MOVE_WORDS})|(?:${MOVE_WORDS}).{0,8}(?:送水|水)|${BARRELS}\\s*(?:${MOVE_WORDS})|(?:${MOVE_WORDS})[^。]{0,8}?还是\\s*${BARRELS}|水[^。]{0,12}?(?:别送了|不用送了|莫送了|嫑送了|不要送了|先别送)[^。]{0,8}?(?:明天|后天|大后天|下?周[一二三四五六日天]|下?星期[一二三四五六日天]|下?礼拜[一二三四五六日天])(?:早上|上午|中午|下午|晚上)?再送(?!\\s*[\\d一二两三四五六七八九十])`,
);
/** 水还是送两桶 时间改到周五下午: the time of the booking moved. */
export const TIME_MOVED_RE = new RegExp(
  `(?:时间|日子|那天|那次|原定)[^，,。!！?？\\s]{0,6}(?:${MOVE_WORDS})`,
);
/** 今天下午的水不要了 明天上午再送两桶到水井湾: a booking withdrawn, then barrels asked for another day. */
export const BOOKED_AGAIN_RE =
  /(?:不要了|取消了?|不用送了|莫送了|别送了)[^。]*?(?:明天|后天|大后天|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]?)[^，,。]{0,6}?(?:再)?(?:送|要)\s*[\d一二两三四五六七八九十]+\s*[桶挑担壶]/;
const WITHDRAWN_RE = /不要了|取消了?|不用送了|莫送了|别送了|嫑送了/;
const MOVED_TO_RE = new RegExp(`${MOVE_WORDS}|改成`);

/** 明天的水改到后天送: the day after 改到 / 推到 is the booking's; the one it moved from is not. */
export function rescheduled(text: string, dates: DateHit[]): DateHit[] {
  // (今天下午的水不要了 明天上午再送两桶: the day after the withdrawal is the one booked)
  const found = MOVED_TO_RE.exec(text) ?? (BOOKED_AGAIN_RE.test(text) ? WITHDRAWN_RE.exec(text) : null);
  // 明天的水改成三桶: a count changed, not the day (the day said before stands)
  const m =
    found && /^\s*[\d一二两三四五六七八九十]+\s*桶/.test(text.slice(found.index + found[0].length))
      ? null
      : found;
  const to = m ? m.index + m[0].length : 0;
  // 明天下午的水改到后天上午: the day and the part it moved from are not the booking's (when a part follows)
  const partAfter = m !== null && dates.some((d) => d.part !== null && d.start >= to);
  // 明天的水改到下午: only the part moved, the day it was booked for stands
  const dayAfter = m !== null && dates.some((d) => d.day !== null && d.start >= to);
  const kept = m
    ? dates.flatMap((d): DateHit[] => {
        if (d.start >= to || (d.day === null && !(partAfter && d.part !== null))) return [d];
        return d.day !== null && !dayAfter ? [{ ...d, part: partAfter ? null : d.part }] : [];
      })
    : dates;
  // 明天上午不对下午: a part of the day taken back for the next one said
  // (上午送 不是下午: the part said not to be is none)
  if (!SELF_CORRECTED_RE.test(text) && !text.includes('不是')) return kept;
  return kept.filter((d, i) => {
    if (d.part === null) return true;
    if (text.endsWith('不是', d.start)) return false;
    const next = kept.slice(i + 1).find((n) => n.part !== null);
    return !(next && SELF_CORRECTED_RE.test(text.slice(d.end, next.start)));
  });
}

const SELF_CORRECTED_RE = /不对|说错了|错了/;

/** 的水 / 水还… opening what is withdrawn: the water is what the message is about. */
const WATER_SUBJECT_RE = /^[^，,。!！?？]{0,10}的水|^[^，,。!！?？]{0,6}水(?:还|我|就|先|也)/;

/** 明天水送到王家院子 两桶 后天的那次取消: a day's delivery withdrawn in a message about water is the water. */
export function withdrawnDelivery(
  record: CancelRecord,
  first: { start: number; end: number },
  text: string,
): void {
  if (record.items.length > 0 || !mentionsWater(text)) return;
  if (
    /今天|明天|后天|周|星期|礼拜|号|那次|那趟|这次|这回|这趟|下次/.test(
      text.slice(Math.max(0, first.start - 8), first.end),
    )
  )
    record.items.push({ name: '水' });
  // 明天的水我自己去挑 不用送了 / 送的水还没喝完，这回先不要了: the water is the only thing named
  else if (WATER_SUBJECT_RE.test(text.slice(0, first.start))) record.items.push({ name: '水' });
}

/** Days said loosely (周末, 过两天, 二月二前): which day is asked. */
const LOOSE_DAY_RE =
  /周末|礼拜天?末|过两天|过几天|这几天|改天|(?:号|日|月二|初[一二三四五六七八九十]|月十[一二三四五六七八九]?|廿[一二三四五六七八九])(?:之|以)?前(?![天晚])/;

/** 周末送两桶 / 过两天 / 二月二前 (any day before it): a day the bot asks about rather than guesses. */
export function looseDay(text: string): boolean {
  // 周末的水就送周六上午: the weekend named, then its day (这几天水不够喝 后天送: a day named beside it is the day)
  return (
    LOOSE_DAY_RE.test(text) &&
    !/(?:周|星期|礼拜)[一二三四五六日天1-7]/.test(text.replace(/周末|礼拜天?末/g, '')) &&
    !(text.includes('这几天') && /今天|明天|后天|今晚|明早|明晚/.test(text))
  );
}

/** 水改成三桶 / 明天送两桶水 改成三桶 / 今天的两桶改三桶: the count of barrels changed to, or null. */
const RECOUNT_RE =
  /(?:水[^，,。]{0,6}(?:改成|改为)|[桶挑担方吨]\s*(?:改成|改为|改(?=[\d一二两三四五六七八九十]))|的\s*(?:改成|改为))\s*([\d一二两三四五六七八九十]+)\s*[桶挑担方吨]/;

const LOAD =
  '(?:[\\d一二两三四五六七八九十]+\\s*[桶挑担方吨]|[\\d一二两三四五六七八九十]+\\s*车(?!\\s*[煤柴砖沙石])|那\\s*[车桶挑担])';
/** 那4挑改到礼拜天 / 今天的两桶改三桶 (read 今天的改成三桶) / 庙湾那车改成后天: loads moved or recounted, no water named. */
const LOADS_MOVED_RE = new RegExp(
  `${LOAD}\\s*(?:${MOVE_WORDS}|改成|改为|改(?=[\\d一二两三四五六七八九十]))|的\\s*(?:改成|改为)\\s*[\\d一二两三四五六七八九十]+\\s*[桶挑担方吨]`,
);
export const loadsMoved = (text: string): boolean => LOADS_MOVED_RE.test(text);

export function recountedBarrels(text: string): number | null {
  const m = RECOUNT_RE.exec(text);
  return m ? parseNumber(m[1] as string) : null;
}

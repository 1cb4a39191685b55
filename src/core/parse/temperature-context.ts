// What surrounds a temperature: its unit, the words on its left that say what a number measures, and the
// approximations after a whole number of degrees. Shared by the Arabic and the spoken readers.
import { anyOf, isCjk, isClauseEnd, isLatin } from './chars.js';
import { COMPARATIVES, KEYWORDS, LEFT_EXCLUDE, REACHED, RULE_AFTER_RE } from './temperature-words.js';

export const KEYWORD_RE = anyOf(KEYWORDS);
const LEFT_EXCLUDE_RE = anyOf(LEFT_EXCLUDE);
export const MIN_C = 34;
export const MAX_C = 43;
export const TEMP_UNITS = ['摄氏度', '℃', '°C', '°c', '度', '°', 'C', 'c', 'du', 'Du', 'DU'];

export function startsWithAny(text: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, i)) return w;
  return null;
}

export function leftContextStart(text: string, from: number, start: number): number {
  let s = Math.max(from, start - 8);
  for (let i = start - 1; i >= s; i--) {
    // a space between two Chinese words parts clauses in WeChat (体温计37块钱买的 量出来36.6)
    if (isClauseEnd(text, i) || (text[i] === ' ' && isCjk(text[i - 1]) && isCjk(text[i + 1]))) {
      s = i + 1;
      break;
    }
  }
  return s;
}

/** Consumes a temperature unit after `end` (spaces allowed); returns the new end. */
export function eatUnit(text: string, end: number): number {
  let k = end;
  while (text[k] === ' ') k++;
  const u = startsWithAny(text, k, TEMP_UNITS);
  if (!u || (isLatin(u[u.length - 1]) && isLatin(text[k + u.length]))) return end; // 36.5cm is no unit
  return k + u.length;
}

/**
 * After a whole number of degrees: 38度多 / 38度几 (over 38: read as 38.0, so an approximate fever is still
 * found), 38度半 (38.5); 36度电 is energy, not a temperature (null). Returns what to add and the new end.
 */
export function approximate(text: string, end: number): { add: number; end: number } | null {
  const after = text[end];
  if (after === '电') return null;
  if (after === '多' || after === '几') return { add: 0, end: end + 1 };
  if (after === '半') return { add: 0.5, end: end + 1 };
  return { add: 0, end };
}

/**
 * Words on the left that make a number something else (血压, 价, 快递). Only the text after the last
 * temperature keyword counts: in 第十四天了 体温36.4 the 体温 says what the number is. A comparison counts
 * only right before the number; `right` (the text after it) tells a rule from a reading after 达到.
 */
/** Verb + 不到: cannot smell, taste, find, sleep… */
const CANNOT_RE = /[闻尝吃喝看听找买拿收等睡用借摸碰够想做]不到$/;

export function excludedLeft(left: string, right = ''): boolean {
  const near = left.replace(/[\s了]+$/, '');
  // 闻也闻不到 36.6 / 吃不到: a verb's 不到 (cannot) is no comparison
  if (COMPARATIVES.some((w) => near.endsWith(w)) && !CANNOT_RE.test(near)) return true;
  if (near.endsWith(REACHED) && RULE_AFTER_RE.test(right)) return true;
  if (!LEFT_EXCLUDE_RE.test(left)) return false;
  // 昨天夜里最高37.8 / 孩子体温最高38.5: someone's highest in a night or a day is a reading (气温最高 is no one's)
  if (
    /(?:夜里|夜间|晚上|昨晚|昨天|昨夜|琴晚|寻晚|尋晚|今天|白天|下午|这两天|我|他|她|体温)\s*最(?:高|低)(?:是|到|烧到)?\s*$/.test(
      left,
    )
  )
    return false;
  // 李二娃电话报的 36.4 / 巴特尔早上自己打电话来了 36.9: a reading relayed by phone is a reading
  if (
    /(?:电话|手机)(?:里|上)?(?:报|说|讲)(?:的|了)?\s*(?:他|她|伊|渠|佢)?(?:自己)?(?:今早|今天|早上|上午|中午|下午|晚上|今晚)?(?:量的|量了|体温)?\s*(?:是)?\s*$|电话(?:打)?(?:来|过来|打来)了?\s*$/.test(
      left,
    )
  )
    return false;
  // (她在弄勇屯冇手机 36.7 / 她手机没电 36.4 / 佢手机冇电：下午36.6: the phone she has not, or whose battery is flat, prices nothing)
  if (
    /(?:没|冇|没有|莫得|无|不会用|不会弄)(?:智能)?(?:手机|电话)\s*$|(?:手机|电话)(?:没电|冇电|坏)了?[\s:：,，]*(?:今早|今天|早上|上午|中午|下午|晚上|今晚)?\s*$/.test(
      left,
    )
  )
    return false;
  let kw = -1;
  for (const k of KEYWORDS) kw = Math.max(kw, left.lastIndexOf(k));
  if (kw < 0) return true;
  // an exclusion counts only where it reaches into the keyword or past it (房间温度 stays excluded)
  for (const w of LEFT_EXCLUDE) {
    const i = left.lastIndexOf(w);
    if (i >= 0 && i + w.length > kw) return true;
  }
  return false;
}

// Body temperatures in every form residents type (36.5, 36度5, 三十六度八, 36.5℃, 36°5) and the slips with
// one sensible reading (365, 3.65, 36..5). Numbers that are rooms, floors, dates, times, prices, ages, counts,
// SpO2 or pulse are never read: each candidate passes a left-context and a right-context guard.
import {
  anyOf,
  CN_DIGIT,
  clauseEnd,
  clauseStart,
  endsAny,
  isCjk,
  isClauseEnd,
  isDigit,
  isLatin,
  MAX_HITS,
  type Mask,
  startsAny,
} from './chars.js';
import { goodsSuffix } from './item-lexicon.js';
import type { NumToken } from './numbers.js';
import { roundTenths } from './numerals.js';
import type { SlotHit } from './slots.js';
import {
  ADJACENT_EXCLUDE,
  AFTER_UNIT_EXCLUDE,
  KEYWORDS,
  LEFT_EXCLUDE,
  RIGHT_EXCLUDE,
  RIGHT_EXCLUDE_SPACED,
} from './temperature-words.js';

export interface TempHit {
  start: number;
  end: number;
  value: number;
}

const KEYWORD_RE = anyOf(KEYWORDS);
const LEFT_EXCLUDE_RE = anyOf(LEFT_EXCLUDE);
const MIN_C = 34;
const MAX_C = 43;
const TEMP_UNITS = ['摄氏度', '℃', '°C', '°c', '度', '°', 'C', 'c', 'du', 'Du', 'DU'];
/** Characters that may surround a lone slip such as "365" in a message that is only a report. */
const ALONE_FILLER = new Set(
  '今天早上晨晚中午下体温测量了我是的报到打卡度一下刚才现在目前吧哈啊呀哦嗯好'.split(''),
);

/** 36.5一斤 / 36.5/斤 / 36.5每袋: a price per unit. */
const PER_UNIT_RE = /^\s*[一每/]\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐只条块])/;

function startsWithAny(text: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, i)) return w;
  return null;
}

function leftContextStart(text: string, from: number, start: number): number {
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

const THING_FILLER_RE = /(?:只有|才|有|是|大概|大约|约|都|也|就|差不多)+$/;

/** 苹果38.5 / 洗澡水38度 / 工资36.5: a thing right before the number is priced or measured, not a body. */
function thingBefore(text: string, start: number): boolean {
  const e = start;
  let s = e;
  while (s > 0 && e - s < 8 && isCjk(text[s - 1])) s--;
  if (s === e) return false;
  // 热水只有38度 / 房间才39度: a filler between the thing and its number does not change what is measured
  const run = text.slice(s, e).replace(THING_FILLER_RE, '');
  return goodsSuffix(run) !== null || endsAny(run, run.length, ADJACENT_EXCLUDE);
}

function excludedRight(text: string, end: number): boolean {
  if (startsWithAny(text, end, RIGHT_EXCLUDE) || PER_UNIT_RE.test(text.slice(end, end + 4))) return true;
  if (isLatin(text[end])) return true;
  let k = end;
  while (text[k] === ' ') k++;
  return k > end && startsWithAny(text, k, RIGHT_EXCLUDE_SPACED) !== null;
}

/** Consumes a temperature unit after `end` (spaces allowed); returns the new end. */
function eatUnit(text: string, end: number): number {
  let k = end;
  while (text[k] === ' ') k++;
  const u = startsWithAny(text, k, TEMP_UNITS);
  if (!u || (isLatin(u[u.length - 1]) && isLatin(text[k + u.length]))) return end; // 36.5cm is no unit
  return k + u.length;
}

function isAlone(text: string, tok: NumToken, blocked: Mask): boolean {
  for (let i = 0; i < text.length; i++) {
    if (i >= tok.start && i < tok.end) continue;
    if (blocked.has(i)) continue;
    const ch = text[i];
    if (isDigit(ch) || isLatin(ch)) return false;
    if (isCjk(ch) && !ALONE_FILLER.has(ch as string)) return false;
  }
  return true;
}

export function findTemperatures(
  text: string,
  tokens: readonly NumToken[],
  blocked: Mask,
  slots: readonly SlotHit[],
): TempHit[] {
  const hits: TempHit[] = [];
  for (let idx = 0; idx < tokens.length; idx++) {
    if (hits.length >= MAX_HITS) break;
    const tok = tokens[idx] as NumToken;
    if (blocked.any(tok.start, tok.end) || tok.groups > 2 || tok.int.length > 3) continue;
    const prev = tokens[idx - 1];
    const ls = leftContextStart(text, prev?.end ?? 0, tok.start);
    const left = text.slice(ls, tok.start);
    const before = text[tok.start - 1];
    // N95, B36: a letter glued to the number; T36.5 (staff shorthand for temperature) is the exception
    const tPrefix = (before === 'T' || before === 't') && !isLatin(text[tok.start - 2]);
    // 36.5-36.8: a dash after a temperature joins a range; elsewhere (8-305, -5) it is no temperature
    const rangeDash = before === '-' && hits[hits.length - 1]?.end === tok.start - 1;
    // 2105-36.6: a dash right after a room number joins the room to its reading
    const roomDash =
      before === '-' &&
      prev !== undefined &&
      prev.end === tok.start - 1 &&
      isRoomLike(prev) &&
      tok.frac !== null;
    if (
      (isLatin(before) && !tPrefix) ||
      before === '#' ||
      (before === '-' && !rangeDash && !roomDash) ||
      before === '第'
    )
      continue;
    if (excludedLeft(left)) continue;
    const keyword = tPrefix || KEYWORD_RE.test(left);
    const slotBefore = slotWithin(slots, ls, tok.start);
    const afterRoom =
      prev !== undefined &&
      prev.frac === null &&
      prev.groups === 1 &&
      prev.int.length >= 3 &&
      prev.int.length <= 4 &&
      prev.end >= ls - 1 &&
      /^[\s:,，、]*$/.test(left);
    let value: number | null = null;
    let end = tok.end;
    let needsSupport = false;
    const il = tok.int.length;
    if (tok.frac !== null) {
      if (il === 2) value = roundTenths(tok.int, tok.frac);
      else if (il === 1 && tok.frac.length === 2 && tok.dots === 1) {
        value = roundTenths(tok.int + tok.frac[0], tok.frac.slice(1));
        needsSupport = true;
      }
      if (value !== null) end = eatUnit(text, tok.end);
    } else if (il === 2) {
      let k = tok.end;
      while (text[k] === ' ') k++;
      const ch = text[k];
      const next = text[k + 1];
      if ((ch === '度' || ch === '°' || ch === '点') && isDigit(next)) {
        let m = k + 1;
        while (isDigit(text[m]) && m < k + 3) m++;
        if (isDigit(text[m])) continue;
        value = roundTenths(tok.int, text.slice(k + 1, m));
        end = eatUnit(text, m);
      } else if (
        (ch === '度' || ch === '点') &&
        next !== undefined &&
        next !== '两' &&
        CN_DIGIT[next] !== undefined
      ) {
        value = Number(tok.int) + (CN_DIGIT[next] as number) / 10;
        end = eatUnit(text, k + 2);
      } else if (startsWithAny(text, k, TEMP_UNITS)) {
        end = eatUnit(text, tok.end);
        const approx = approximate(text, end);
        if (approx === null) continue;
        value = Number(tok.int) + approx.add;
        end = approx.end;
      } else if (
        keyword ||
        slotBefore ||
        rangeEnd(text, hits, tok.start) ||
        (afterRoom && /^[\s。.!！,，]*$/.test(text.slice(tok.end, tok.end + 3)))
      ) {
        // 体温37 / 早上37 / 2105 38: a whole number reads as a temperature only where one is expected
        value = Number(tok.int);
      }
    } else if (il === 3) {
      value = Number(tok.int) / 10;
      needsSupport = true;
      end = eatUnit(text, tok.end);
    }
    if (value === null || value < MIN_C || value > MAX_C) continue;
    if (end === tok.end && excludedRight(text, end)) continue;
    if (end > tok.end && startsAny(text, end, AFTER_UNIT_EXCLUDE)) continue;
    if (thingBefore(text, tok.start)) continue;
    if (
      needsSupport &&
      !(keyword || slotBefore || afterRoom || end > tok.end || isAlone(text, tok, blocked))
    ) {
      continue;
    }
    hits.push({ start: tok.start, end, value });
  }
  let all = joinRanges(text, mergeSorted(hits, findChineseTemperatures(text, blocked)));
  // 应该是36.6 不是37.6: a reading the sender denies is not one
  if (all.length > 1 && /不是|并非/.test(text)) all = all.filter((h) => !denied(text, h.start));
  return text.includes('谁') ? all.filter((h) => !askedWho(text, h)) : all;
}

function denied(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && text[k - 1] === ' ') k--;
  return text.endsWith('不是', k) || text.endsWith('并非', k);
}

/** 12楼的37.5是谁: a question about whose reading a number is reports nobody's temperature. */
function askedWho(text: string, h: TempHit): boolean {
  return text.slice(clauseStart(text, h.start), clauseEnd(text, h.end)).includes('谁');
}

/** 36.5-37 / 36.5到37: the whole number closes a range opened by a temperature. */
function rangeEnd(text: string, hits: readonly TempHit[], start: number): boolean {
  const prev = hits[hits.length - 1];
  return prev !== undefined && RANGE_JOIN_RE.test(text.slice(prev.end, start));
}

const RANGE_JOIN_RE = /^\s*(?:-|~|～|—|－|到|至)\s*$/;

/** 36.5-36.8 / 37度5到38度: a range is one reading; its upper end is kept so a fever is never played down. */
function joinRanges(text: string, hits: TempHit[]): TempHit[] {
  if (hits.length < 2 || !/[-~～—－到至]/.test(text)) return hits;
  const out: TempHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && RANGE_JOIN_RE.test(text.slice(prev.end, h.start))) {
      out[out.length - 1] = { start: prev.start, end: h.end, value: Math.max(prev.value, h.value) };
    } else out.push(h);
  }
  return out;
}

const DIGITS: Readonly<Record<string, number>> = Object.fromEntries(
  '0123456789'.split('').map((d, i) => [d, i]),
);

const CN_TEMP_RE =
  /(?:([三四])十|(卅)|([三四])(?=[零一二三四五六七八九]点))([一二三四五六七八九0-9]?)(度|点)([0-9](?![0-9])|[零〇一二三四五六七八九]{0,2})/g;
/** 体温三十七 / 温度是三十六: a whole spoken number right after a temperature word, with no 度. */
const CN_WHOLE_RE =
  /(?:体温|温度|测温|量了)(?:是|为|式)?[:：\s]*(三十[四五六七八九]|四十[一二三]?)(?![度点一二三四五六七八九十\u4e00-\u9fa5])/g;
const ANY_DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, ...DIGITS };

const CN_TEMP_HINT_RE = /[三四]十|卅|[三四][零一二三四五六七八九]点/;

/** 三十六度八 / 三十六点七 / 三十七度 as spoken or typed by voice input. */
function findChineseTemperatures(text: string, blocked: Mask): TempHit[] {
  if (!CN_TEMP_HINT_RE.test(text)) return [];
  const hits: TempHit[] = [];
  if (text.includes('十')) {
    for (const m of text.matchAll(CN_WHOLE_RE)) {
      const num = m[1] as string;
      const start = m.index + m[0].length - num.length;
      if (blocked.any(start, start + num.length)) continue;
      const value = (num[0] === '四' ? 40 : 30) + (CN_DIGIT[num[2] ?? ''] ?? 0);
      if (value >= MIN_C && value <= MAX_C) hits.push({ start, end: start + num.length, value });
    }
  }
  for (const m of text.matchAll(CN_TEMP_RE)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    let end = start + m[0].length;
    if (blocked.any(start, end)) continue;
    // 三六点五: digit by digit, as some voice input spells it, only after a temperature word
    const spelled = m[3] !== undefined;
    if (spelled && !KEYWORD_RE.test(text.slice(Math.max(0, start - 6), start))) continue;
    const whole = (m[1] === '四' || m[3] === '四' ? 40 : 30) + (m[4] ? (ANY_DIGIT[m[4]] ?? 0) : 0);
    const fracDigits = (m[6] ?? '').split('').map((c) => ANY_DIGIT[c] ?? 0);
    if (m[5] === '点' && fracDigits.length === 0) continue;
    if (m[5] === '点' && /^[十分钟半]/.test(text.slice(end, end + 1))) continue; // 三四点十分 is a time
    let add = 0;
    if (fracDigits.length === 0 && m[5] === '度') {
      const approx = approximate(text, end);
      if (approx === null) continue;
      add = approx.add;
      end = approx.end;
    }
    if (excludedLeft(text.slice(leftContextStart(text, 0, start), start))) continue;
    const value = roundTenths(String(whole), fracDigits.join('')) + add;
    if (value < MIN_C || value > MAX_C) continue;
    end = eatUnit(text, end);
    hits.push({ start, end, value });
  }
  return hits;
}

/**
 * After a whole number of degrees: 38度多 / 38度几 (over 38: read as 38.0, so an approximate fever is still
 * found), 38度半 (38.5); 36度电 is energy, not a temperature (null). Returns what to add and the new end.
 */
function approximate(text: string, end: number): { add: number; end: number } | null {
  const after = text[end];
  if (after === '电') return null;
  if (after === '多' || after === '几') return { add: 0, end: end + 1 };
  if (after === '半') return { add: 0.5, end: end + 1 };
  return { add: 0, end };
}

/**
 * Words on the left that make a number something else (血压, 价, 快递). Only the text after the last
 * temperature keyword counts: in 第十四天了 体温36.4 the 体温 says what the number is.
 */
function excludedLeft(left: string): boolean {
  if (!LEFT_EXCLUDE_RE.test(left)) return false;
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

function isRoomLike(t: NumToken): boolean {
  return t.frac === null && t.groups === 1 && t.int.length >= 3 && t.int.length <= 4;
}

function slotWithin(slots: readonly SlotHit[], from: number, to: number): boolean {
  for (const s of slots) if (s.start >= from && s.end <= to) return true;
  return false;
}

function mergeSorted(a: TempHit[], b: TempHit[]): TempHit[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

// Body temperatures in every form residents type (36.5, 36度5, 三十六度八, 36.5℃, 36°5) and the slips with
// one sensible reading (365, 3.65, 36..5). Numbers that are rooms, floors, dates, times, prices, ages, counts,
// SpO2 or pulse are never read: each candidate passes a left-context and a right-context guard.

import type { Mask } from './chars.js';
import { CN_DIGIT, endsAny, isCjk, isDigit, isLatin, MAX_HITS, startsAny } from './chars.js';
import { goodsSuffix } from './item-lexicon.js';
import { SURNAMES } from './name-words.js';
import type { NumToken } from './numbers.js';
import { roundTenths } from './numerals.js';
import type { SlotHit } from './slots.js';
import {
  approximate,
  eatUnit,
  excludedLeft,
  KEYWORD_RE,
  leftContextStart,
  MAX_C,
  MIN_C,
  startsWithAny,
  TEMP_UNITS,
} from './temperature-context.js';
import { fahrenheit } from './temperature-fahrenheit.js';
import { withoutNonReadings } from './temperature-not-readings.js';
import { roomOpeningListLine, slipAmongRooms, slipBeside } from './temperature-slips.js';
import { findChineseTemperatures, slipAt } from './temperature-spoken.js';
import {
  ADJACENT_EXCLUDE,
  AFTER_UNIT_EXCLUDE,
  RIGHT_EXCLUDE,
  RIGHT_EXCLUDE_SPACED,
} from './temperature-words.js';

export interface TempHit {
  start: number;
  end: number;
  value: number;
  /** A number that could be two things (37.2算发烧吗: a reading, or a threshold asked about). */
  doubtful?: boolean;
}

/** Characters that may surround a lone slip such as "365" in a message that is only a report. */
const ALONE_FILLER = new Set(
  '今天早上晨晚中午下体温测量了我是的报到打卡度一下刚才现在目前吧哈啊呀哦嗯好正常'.split(''),
);

/**
 * 36.5一斤 / 36.5/斤 / 36.5每袋: a price per unit (一个36.4一个36.6 is two people's readings; 36.5 一个人在隔离点: alone;
 * 我女儿36.8 一个房间: the room shared).
 */
const PER_UNIT_RE =
  /^\s*[一每/]\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐只条块])(?!人|房间|屋|(?:船|家|组|班|村|队|单位|厂)(?:上|里)?的)(?!\s*(?:3[4-9]|4[0-2]|三十))/;

const THING_FILLER_RE = /(?:只有|才|有|是|大概|大约|约|都|也|就|差不多)+$/;

const OLD_SURNAME_RE = new RegExp(`^老[${SURNAMES}]$`);

/** 苹果38.5 / 洗澡水38度 / 工资36.5: a thing right before the number is priced or measured, not a body. */
function thingBefore(text: string, start: number): boolean {
  const e = start;
  let s = e;
  while (s > 0 && e - s < 8 && isCjk(text[s - 1])) s--;
  if (s === e) return false;
  // 热水只有38度 / 房间才39度: a filler between the thing and its number does not change what is measured
  const run = text.slice(s, e).replace(THING_FILLER_RE, '');
  // 1106房间36度9: the room's number before 房间 makes it the sender's label, not the room's air
  if (/^(?:号)?房间?$/.test(run) && /\d{3,4}\s*$/.test(text.slice(0, s))) return false;
  // 林阿水36.6: 阿水 is a name (Fujian, Guangdong), no water; 老姜36.6: 老 and a surname is a man, no ginger
  if (/阿水$/.test(run) || OLD_SURNAME_RE.test(run)) return false;
  // 额温枪35.6 / 体温计37.2: what the reading was taken with, not goods counted
  if (/(?:额温|耳温|体温|测温)(?:枪|计)$|温度计$|水银(?:的|温度计|体温计)?$/.test(run)) return false;
  // 我屋头36.6 36.8 / 俺屋里 三个人: the household's (屋头 is home), not the room's air
  if (/(?:我|俺|你|他|她|们|家|咱)屋[头里]$/.test(run)) return goodsSuffix(run) !== null;
  return goodsSuffix(run) !== null || endsAny(run, run.length, ADJACENT_EXCLUDE);
}

function excludedRight(text: string, end: number): boolean {
  const right = startsWithAny(text, end, RIGHT_EXCLUDE);
  // (36.4 元宵节快乐: the festival, no yuan)
  if ((right && !festival(text, end, right)) || PER_UNIT_RE.test(text.slice(end, end + 9))) return true;
  if (isLatin(text[end])) return true;
  let k = end;
  while (text[k] === ' ') k++;
  const spaced = k > end ? startsWithAny(text, k, RIGHT_EXCLUDE_SPACED) : null;
  return spaced !== null && !festival(text, k, spaced);
}

/** A decimal reading a few words ahead (a name between). */
const READING_AHEAD_RE = /^\s*[\u4e00-\u9fa5]{1,4}\s*(?:3[4-9]|4[0-2])\.\d|^\s+(?:3[4-9]|4[0-2])\.\d/;

function festival(text: string, at: number, word: string): boolean {
  // (36.5 天真冷: the weather said after the reading, no count of days)
  if (word === '天') return /[真气冷热好太很晴阴]/.test(text[at + 1] ?? '');
  // (36.6 楼下有我的快递: downstairs, no floor counted)
  if (word === '楼') return /[下上道梯]/.test(text[at + 1] ?? '');
  return word === '元' && (text[at + 1] === '宵' || text[at + 1] === '旦');
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
    // 100.4F / 华氏98.6: a reading in Fahrenheit, kept in Celsius to one decimal
    const f = fahrenheit(text, tok);
    if (f !== null) {
      hits.push(f);
      continue;
    }
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
    if (excludedLeft(left, text.slice(tok.end, tok.end + 8))) continue;
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
        (CN_DIGIT[next] !== undefined || slipAt(text, k + 1) !== undefined)
      ) {
        value = Number(tok.int) + ((CN_DIGIT[next] ?? slipAt(text, k + 1)) as number) / 10;
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
      // 305、412、1203三位核酸都是阴性: numbers listed with 、 are rooms, no slip for 41.2; a slip of 40 or more
      // needs a word for it (体温412 is still read)
      if (/、\s*$/.test(text.slice(Math.max(0, tok.start - 2), tok.start)) || text[tok.end] === '、')
        continue;
      if (Number(tok.int) >= 400 && !keyword) continue;
      // 头痛 冇发烧 410: a fever denied, then the room — no slip of 41.0
      if (
        Number(tok.int) >= 400 &&
        NO_FEVER_BEFORE_RE.test(text.slice(Math.max(0, tok.start - 8), tok.start))
      )
        continue;
      // 测温：410 黄婆婆 36.7 / 体温汇总：412 36.5: a room before a name and its reading, or its reading alone, no slip
      if (Number(tok.int) >= 400 && READING_AHEAD_RE.test(text.slice(tok.end, tok.end + 10))) continue;
      if (roomOpeningListLine(text, tok)) continue;
      // 题温三十六度四 405 / 还有216 365 373没报: beside a reading written in full, or among other rooms, it is a room
      if (slipAmongRooms(text, tok) && !slotBefore) continue;
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
      !(
        keyword ||
        slotBefore ||
        afterRoom ||
        end > tok.end ||
        isAlone(text, tok, blocked) ||
        slipBeside(text, tok, end)
      )
    ) {
      continue;
    }
    // 36度多 / 37度多: some tenths, not said which — the bot asks (38度多 is a fever either way, read as 38)
    if (
      Number.isInteger(value) &&
      value >= 35 &&
      value < 38 &&
      /^\s*(?:度|℃)?\s*[多几]/.test(text.slice(tok.end, end + 1))
    )
      hits.push({ start: tok.start, end, value, doubtful: true });
    else hits.push({ start: tok.start, end, value });
  }
  const all = joinRanges(text, mergeSorted(hits, findChineseTemperatures(text, blocked)));
  return withoutNonReadings(text, all);
}

/** 36.5-37 / 36.5到37: the whole number closes a range opened by a temperature. */
function rangeEnd(text: string, hits: readonly TempHit[], start: number): boolean {
  const prev = hits[hits.length - 1];
  return prev !== undefined && RANGE_JOIN_RE.test(text.slice(prev.end, start));
}

const NO_FEVER_BEFORE_RE = /(?:冇|不|没有?|无|未|莫得?|冇得)(?:发烧|发热|烧)[\s,，。]*$/;

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

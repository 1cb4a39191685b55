// Temperatures as voice input writes them: 三十六度八, 三十六点七, 三十7度, 三六点五, 体温三十七.
import { CN_DIGIT, MAX_HITS, type Mask } from './chars.js';
import { roundTenths } from './numerals.js';
import type { TempHit } from './temperature.js';
import {
  approximate,
  eatUnit,
  excludedLeft,
  KEYWORD_RE,
  leftContextStart,
  MAX_C,
  MIN_C,
} from './temperature-context.js';

const DIGITS: Readonly<Record<string, number>> = Object.fromEntries(
  '0123456789'.split('').map((d, i) => [d, i]),
);

const CN_TEMP_RE =
  /(?:([三四])十|(卅)|([三四])(?=[零一二三四五六七八九]点))([一二三四五六七八九0-9]?)(度|点)([0-9](?![0-9])|[零〇一二三四五六七八九]{0,2})/g;
/** 体温三十七 / 温度是三十六: a whole spoken number right after a temperature word, with no 度. */
const CN_WHOLE_RE =
  /(?:体温|温度|测温|量了|烧到|发烧到?|高烧|低烧)(?:是|为|式)?[:：\s]*(三十[四五六七八九]|四十[一二三]?)(?=[了啦吧呢]|[^度点一二三四五六七八九十\u4e00-\u9fa5]|$)/g;
const ANY_DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, ...DIGITS };

const CN_TEMP_HINT_RE = /[三四]十|卅|[三四][零一二三四五六七八九]点/;

/** 三十六度八 / 三十六点七 / 三十七度 as spoken or typed by voice input. */
export function findChineseTemperatures(text: string, blocked: Mask): TempHit[] {
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
    if (excludedLeft(text.slice(leftContextStart(text, 0, start), start), text.slice(end, end + 8))) continue;
    const value = roundTenths(String(whole), fracDigits.join('')) + add;
    if (value < MIN_C || value > MAX_C) continue;
    end = eatUnit(text, end);
    hits.push({ start, end, value });
  }
  return hits;
}

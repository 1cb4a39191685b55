// A small Chinese numeral reader for spans the grammar has already captured (两袋, 一百二十斤, 三十六).
// General converters over-read whole sentences (万一, 一点), so this one only ever sees a captured span.
import { CN_DIGIT } from './chars.js';

const UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万几半壹贰叁肆伍陆柒捌玖拾佰仟廿卅';

/** Reads a section below 万: 三千五百 / 一百二 (=120) / 十五 / 一百零五. Null when not one exact number. */
function section(s: string): number | null {
  if (s.length === 0) return 0;
  // 廿斤米 / 廿五: 廿 is twenty and 卅 thirty, as the Hakka and Cantonese still write them
  if (s[0] === '廿' || s[0] === '卅') {
    const tens = s[0] === '廿' ? 20 : 30;
    if (s.length === 1) return tens;
    const d = CN_DIGIT[s[1] as string];
    return s.length === 2 && d !== undefined && d > 0 ? tens + d : null;
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 100000;
  let zeroSeen = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (pending !== null && pending !== 0) return null;
        zeroSeen = true;
        pending = 0;
        continue;
      }
      if (pending !== null && pending !== 0) return null; // 两三, 七八: a range, not a number
      pending = d;
      continue;
    }
    const u = UNIT[ch];
    if (u === undefined || u >= lastUnit) return null;
    let v = pending;
    if (v === null || v === 0) {
      if (u === 10 && total === 0 && v === null)
        v = 1; // 十五 = 15
      else if (u === 10 && v === 0)
        v = 1; // 一百零十 is odd but reads as 110
      else return null;
    }
    total += v * u;
    pending = null;
    zeroSeen = false;
    lastUnit = u;
  }
  if (pending !== null && pending !== 0) {
    // 一百二 = 120, 三千五 = 3500: a trailing digit right after a unit counts one place lower.
    total += !zeroSeen && lastUnit >= 100 && lastUnit < 100000 ? (pending * lastUnit) / 10 : pending;
  }
  return total;
}

/** Chinese numeral span to a number; null for 几, ranges (两三) and anything malformed. 半 alone is 0.5. */
export function chineseToNumber(span: string): number | null {
  if (span.length === 0 || span.length > 12) return null;
  if (span === '半') return 0.5;
  if (span.includes('几') || span.includes('半')) return null;
  const wan = span.indexOf('万');
  if (wan >= 0) {
    if (span.indexOf('万', wan + 1) >= 0) return null;
    const head = span.slice(0, wan);
    const tail = span.slice(wan + 1);
    const hi = head.length === 0 ? null : section(head);
    if (hi === null || hi === 0) return null;
    // 一万二 = 12000: a lone trailing digit after 万 counts in thousands.
    const tailDigit = tail.length === 1 ? CN_DIGIT[tail] : undefined;
    if (tailDigit !== undefined) return hi * 10000 + tailDigit * 1000;
    const lo = section(tail.startsWith('零') ? tail.slice(1) : tail);
    return lo === null ? null : hi * 10000 + lo;
  }
  return section(span);
}

/** Arabic (5, 2.5) or Chinese (二十, 半) quantity text to a number; null when not exact. */
export function parseNumber(text: string): number | null {
  if (/^\d{1,7}(\.\d{1,3})?$/.test(text)) return Number(text);
  return chineseToNumber(text);
}

/** Round half up to one decimal from the digit strings, avoiding binary float surprises (36.55 → 36.6). */
export function roundTenths(intPart: string, frac: string): number {
  const whole = Number(intPart);
  const f = `${frac}00`;
  let tenths = whole * 10 + Number(f[0]);
  if (Number(f[1]) >= 5) tenths += 1;
  return tenths / 10;
}

// Arabic number tokens (2105, 36.5, 36..5, 2020.2.15) found by one linear scan, shared by rooms and temperatures.
import { isDigit } from './chars.js';

export interface NumToken {
  start: number;
  end: number;
  int: string;
  /** Digits after the first run of dots, or null for an integer. */
  frac: string | null;
  /** How many dots separate the integer and the fraction (2 for the slip 36..5). */
  dots: number;
  /** Digit groups separated by dots: 3 or more is a date or version, never a temperature. */
  groups: number;
}

/** Longest digit run kept as one token; longer runs (phone numbers, garbage) still form one token. */
const DIGIT_RE = /\d/g;

export function scanNumbers(text: string): NumToken[] {
  const out: NumToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text[i])) {
      DIGIT_RE.lastIndex = i + 1;
      const next = DIGIT_RE.exec(text);
      if (!next) break;
      i = next.index;
    }
    const start = i;
    while (i < n && isDigit(text[i])) i++;
    const int = text.slice(start, i);
    let frac: string | null = null;
    let dots = 0;
    let groups = 1;
    while (i < n && text[i] === '.') {
      let k = i;
      while (k < n && text[k] === '.') k++;
      if (!isDigit(text[k])) break;
      const fs = k;
      while (k < n && isDigit(text[k])) k++;
      groups++;
      if (groups === 2) {
        frac = text.slice(fs, k);
        dots = fs - i;
      }
      i = k;
    }
    out.push({ start, end: i, int, frac, dots, groups });
  }
  return out;
}

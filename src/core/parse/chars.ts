// Character classes and a span mask shared by the extractors. Everything works on the normalised text.

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Chinese digits, 两 and 幺 (the voice-input "one") included. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  // the formal (大写) digits of receipts, as older writers use them: 复合肥贰袋, 伍拾斤
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

/** Characters that end a clause. A '.' between digits is a decimal point, not a clause end. */
export function isClauseEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return true; // past either end
  if (c === DOT) return !(isDigit(text[i - 1]) && isDigit(text[i + 1]));
  return CLAUSE_END_CODES[c] === 1;
}

const DOT = '.'.charCodeAt(0);
/** 1 at the UTF-16 code of each character that ends a clause (read by code: no one-character string made). */
const CLAUSE_END_CODES = new Uint8Array(0x10000);
for (const ch of [',', '，', '。', ';', '；', '!', '！', '?', '？', '\n', '|', '~', '～', '…'])
  CLAUSE_END_CODES[ch.charCodeAt(0)] = 1;

/** Marks spans of the text that an extractor has claimed, so later extractors skip them. */
export class Mask {
  readonly bits: Uint8Array;
  constructor(readonly length: number) {
    this.bits = new Uint8Array(length);
  }
  set(start: number, end: number): void {
    const e = Math.min(end, this.length);
    for (let i = Math.max(0, start); i < e; i++) this.bits[i] = 1;
  }
  has(i: number): boolean {
    return this.bits[i] === 1;
  }
  any(start: number, end: number): boolean {
    const e = Math.min(end, this.length);
    for (let i = Math.max(0, start); i < e; i++) if (this.bits[i] === 1) return true;
    return false;
  }
  /** The text with claimed characters replaced by '|', a hard boundary for the item reader. */
  apply(text: string): string {
    // runs of claimed characters are found with the typed array's native indexOf, not a loop in JS
    let i = this.bits.indexOf(1);
    if (i < 0) return text;
    let out = '';
    let from = 0;
    while (i >= 0) {
      let e = this.bits.indexOf(0, i);
      if (e < 0) e = this.length;
      out += text.slice(from, i) + '|'.repeat(e - i);
      from = e;
      i = e < this.length ? this.bits.indexOf(1, e) : -1;
    }
    return out + text.slice(from);
  }
}

/**
 * Every match of a global regex, in order, as `text.matchAll(re)` yields them. matchAll clones the regex on each
 * call, which costs more than the whole scan of a short message; this runs the regex itself (from its lastIndex, as
 * matchAll's clone does) and leaves its lastIndex as it found it. An empty match steps on, as matchAll does.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('matchesOf needs a global regex');
  const from = re.lastIndex;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex = stepOn(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  re.lastIndex = from;
  return out;
}

/** Claims in `mask` every match of the global `re` in `text`. */
export function maskAll(mask: Mask, re: RegExp, text: string): void {
  for (const m of matchesOf(re, text)) mask.set(m.index, m.index + m[0].length);
}

/** The index after `i`, a surrogate pair stepped over whole in a unicode regex (AdvanceStringIndex). */
function stepOn(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** Matches of one kind read per message: far above any real message, a bound for pathological input. */
export const MAX_HITS = 200;

/** Longest clause looked at around a match; bounds the work on text with no punctuation at all. */
export const MAX_CLAUSE = 40;

/** Start of the clause holding position i (a '|' mask boundary also ends a clause). */
export function clauseStart(text: string, i: number): number {
  let s = i;
  const stop = Math.max(0, i - MAX_CLAUSE);
  while (s > stop && !isClauseEnd(text, s - 1) && text[s - 1] !== '|') s--;
  return s;
}

/** End of the clause holding position i. */
export function clauseEnd(text: string, i: number): number {
  let e = i;
  const stop = Math.min(text.length, i + MAX_CLAUSE);
  while (e < stop && !isClauseEnd(text, e) && text[e] !== '|') e++;
  return e;
}

/** One regex matching any of `words` (literal): a single scan instead of one `includes` per word. */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** Is one of `words` in `s`? (A loop: called per token, so no closure.) */
export function includesAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}

/** Does one of `words` start at `i`? */
export function startsAny(text: string, i: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, i)) return true;
  return false;
}

/** Does one of `words` end right before `i`? */
export function endsAny(text: string, i: number, words: readonly string[]): boolean {
  for (const w of words) if (text.endsWith(w, i)) return true;
  return false;
}

/**
 * One regex that matches a text wherever one of `res` does (`(?:a)|(?:b)|…`, built from their own sources, so words
 * added to them later are in it too). A gate before several tests: irregexp reads the text once for all of them,
 * several times faster than running each. The regexes must share their flags (g and y aside) and hold no group
 * that another could refer to (no back-reference, no named group).
 */
export function eitherOf(res: readonly RegExp[]): RegExp {
  const flags = (re: RegExp) => re.flags.replace(/[gy]/g, '');
  const first = res[0];
  if (!first) throw new TypeError('eitherOf needs a regex');
  for (const re of res) {
    if (flags(re) !== flags(first)) throw new TypeError(`eitherOf: /${re.source}/ has other flags`);
    if (/\\[1-9]|\\k<|\(\?<(?![=!])/.test(re.source))
      throw new TypeError(`eitherOf: /${re.source}/ has a group another may refer to`);
  }
  return new RegExp(res.map((re) => `(?:${re.source})`).join('|'), flags(first));
}

/** `text` with [start, end) blanked by spaces (same length, so positions hold). */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
}

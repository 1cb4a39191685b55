// Temperatures as voice input writes them: 三十六度八, 三十六点七, 三十7度, 三六点五, 体温三十七.
import { CN_DIGIT, MAX_HITS, type Mask, matchesOf } from './chars.js';
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

/**
 * Voice input writes the tenth after 度/点 as a homophone (三十六度午, 三十六度妻, 三十六点久): read as the digit
 * it sounds like. Only right after 度/点 of a temperature (see SLIP_WORDS for the words it may not start).
 */
export const SPOKEN_SLIP: Readonly<Record<string, number>> = {
  午: 5,
  舞: 5,
  伍: 5,
  武: 5,
  妻: 7,
  期: 7,
  其: 7,
  漆: 7,
  久: 9,
  酒: 9,
  玖: 9,
  流: 6,
  留: 6,
  溜: 6,
  巴: 8,
  扒: 8,
  伞: 3,
  散: 3,
  思: 4,
  丝: 4,
  衣: 1,
  依: 1,
  医: 1,
  耳: 2,
  尔: 2,
  吴: 5,
  捂: 5,
  悟: 5,
  误: 5,
  雾: 5,
  山: 3,
  衫: 3,
  叁: 3,
  爸: 8,
  吧: 8,
  就: 9,
  无: 5,
  幺: 1,
  拔: 8,
  是: 4,
  试: 4,
  似: 4,
  寺: 4,
  要: 1,
};
/** Homophones that are common words right after 度 (三十六度就算发烧, 三十六度无发热): only at a clause's end. */
const SLIP_ALONE = '就无吧是试要';
/**
 * A homophone may run on into the next words (三十七度伞有点发烧), unless with them it makes a word of its own
 * (三十六度午饭后, 三十六度其他都好, 三十六度流鼻涕): the characters that must not follow each one.
 */
const SLIP_WORDS: Readonly<Record<string, string>> = {
  午: '饭餐觉休睡后间时',
  舞: '蹈',
  武: '汉器术',
  妻: '子',
  期: '间待望',
  其: '他实中余次它',
  漆: '黑',
  // (三十六度久没得发烧了 / 三十六度久不发烧: 久 after a reading's 度 is the nine, then 没得 or 不)
  久: '了',
  酒: '精店',
  流: '鼻涕汗血眼泪水感',
  留: '下言意观',
  溜: '达',
  巴: '适',
  散: '步热',
  思: '想',
  衣: '服',
  依: '然旧',
  医: '生院务疗',
  耳: '朵鸣',
  误: '差会报',
  山: '上下里',
  爸: '爸妈的说',
  拔: '牙草河',
  似: '乎的',
  寺: '庙',
};
/** The digit a homophone at `i` stands for, unless it starts a word there. */
export function slipAt(text: string, i: number): number | undefined {
  const d = SPOKEN_SLIP[text[i] as string];
  if (d === undefined) return undefined;
  const next = text[i + 1];
  if (next === undefined) return d;
  if (SLIP_ALONE.includes(text[i] as string)) return /[\u4e00-\u9fa5]/.test(next) ? undefined : d;
  return SLIP_WORDS[text[i] as string]?.includes(next) ? undefined : d;
}
const SLIP_ALT = Object.keys(SPOKEN_SLIP)
  .map((c) =>
    SLIP_ALONE.includes(c) ? `${c}(?![\u4e00-\u9fa5])` : SLIP_WORDS[c] ? `${c}(?![${SLIP_WORDS[c]}])` : c,
  )
  .join('|');
const CN_TEMP_RE = new RegExp(
  `(?:([三四])十|(卅)|([三四])(?=[零一二三四五六七八九]点))([一二三四五六七八九0-9]?)(度|点)([0-9](?![0-9])|[零〇一二三四五六七八九](?![\u4e00-\u9fa5])|(?:${SLIP_ALT})|(?:[零〇一二三四五六七八九](?:[零〇一二三四五六七八九](?![\u4e00-\u9fa5]))?)?)`,
  'g',
);
/** 体温三十七 / 温度是三十六: a whole spoken number right after a temperature word, with no 度. */
const CN_WHOLE_RE =
  /(?:体温|温度|测温|量了|烧到|发烧到?|高烧|低烧)(?:是|为|式)?[:：\s]*(三十[四五六七八九]|四十[一二三]?)(?=[了啦吧呢]|[^度点一二三四五六七八九十\u4e00-\u9fa5]|$)/g;
const ANY_DIGIT: Readonly<Record<string, number>> = { ...CN_DIGIT, ...DIGITS, ...SPOKEN_SLIP };

const CN_TEMP_HINT_RE = /[三四]十|卅|[三四][零一二三四五六七八九]点/;

/** 三七点二 standing as the report itself: 35-42 spelled digit by digit, one tenth, nothing but a slot near. */
function spokenAlone(text: string, m: RegExpMatchArray): boolean {
  const whole = `${m[3]}${m[4]}`;
  if (!/^(?:三[五六七八九]|四[零〇一二])$/.test(whole) || (m[6] ?? '').length !== 1) return false;
  const rest = text.slice(0, m.index) + text.slice((m.index ?? 0) + m[0].length);
  return (
    rest
      .replace(/[\s\p{P}\p{S}]|今天|早上|晚上|上午|下午|中午|早|晚|我|的|是|了|度/gu, '')
      .replace(/\d{3,4}/, '').length === 0
  );
}

/**
 * 早上三六点五 / 都是三六点八: 36-42 spelled digit by digit with one tenth is a reading wherever it stands — no clock
 * says 三六点 (三五点 and 四五点 may be "three or five o'clock", so 35 still needs a temperature word).
 */
function bodyRange(m: RegExpMatchArray, after: string): boolean {
  return (
    /^(?:三[六七八九]|四[零〇一二])$/.test(`${m[3]}${m[4]}`) &&
    (m[6] ?? '').length === 1 &&
    !/^[钟分半多左]/.test(after)
  );
}

/** 三十六度八 / 三十六点七 / 三十七度 as spoken or typed by voice input. */
export function findChineseTemperatures(text: string, blocked: Mask): TempHit[] {
  if (!CN_TEMP_HINT_RE.test(text)) return [];
  const hits: TempHit[] = [];
  if (text.includes('十')) {
    for (const m of matchesOf(CN_WHOLE_RE, text)) {
      const num = m[1] as string;
      const start = m.index + m[0].length - num.length;
      if (blocked.any(start, start + num.length)) continue;
      const value = (num[0] === '四' ? 40 : 30) + (CN_DIGIT[num[2] ?? ''] ?? 0);
      if (value >= MIN_C && value <= MAX_C) hits.push({ start, end: start + num.length, value });
    }
  }
  for (const m of matchesOf(CN_TEMP_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    let end = start + m[0].length;
    if (blocked.any(start, end)) continue;
    // 三六点五: digit by digit, as some voice input spells it, only after a temperature word
    // (三七点二 alone, as a report, is 37.2 too: a whole of 35-42 and one spoken tenth)
    const spelled = m[3] !== undefined;
    if (
      spelled &&
      !KEYWORD_RE.test(text.slice(Math.max(0, start - 6), start)) &&
      !spokenAlone(text, m) &&
      !bodyRange(m, text.slice(end, end + 2))
    )
      continue;
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
    // 三十六度吧: 吧 may be 八 heard, or a particle; 三十六度多: some tenths, not said which — the bot asks
    // (38度多 stays a fever read as 38, never hidden)
    const some = fracDigits.length === 0 && /度[多几]/.test(text.slice(start, end + 1)) && value < 38;
    const vague = (m[6] ?? '').includes('吧') || some;
    hits.push(vague ? { start, end, value, doubtful: true } : { start, end, value });
  }
  return hits;
}

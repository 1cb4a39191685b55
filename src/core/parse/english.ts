// English a foreign resident mixes into a message (need, please, doctor, headache, two more masks), read as the
// Mandarin it stands for before anything else reads the message (dialect.ts calls it last).
import { ENGLISH_GOODS } from './english-goods.js';

const ENGLISH_GOODS_RE = Object.values(ENGLISH_GOODS)
  .flat()
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The kind of charger said before it (a type-C charger). */
const CHARGER_KINDS = 'phone|usb|type-?c|iphone|android';

/** A word right before goods named in English (after at most one more such word). */
function beforeEnglishGoods(words: string): RegExp {
  return new RegExp(
    String.raw`\b(?:${words})\s+(?=(?:(?:more|extra|new|clean|${CHARGER_KINDS})\s+)?(?:${ENGLISH_GOODS_RE})\b)`,
    'gi',
  );
}

/** English a foreign resident mixes in, read as the Mandarin it stands for (case does not matter). */
const ENGLISH: readonly [RegExp, string][] = [
  [
    /\b(?:can|could) (?:i|we|you|someone|somebody|anyone) (?:have|get|bring|send|give)(?: (?:me|us))?\b|\bi (?:need|want)\b|\bneed\b|\bwant\b/gi,
    '要',
  ],
  [/\bplease\b|\bpls\b/gi, '麻烦'],
  // (cancel 咗啲米先 / 荔枝肥cancel咗佢: a Cantonese writer's English withdrawal)
  [/\bcancel(?:led)?\b(?:\s*(?:咗|了)\s*(?:啲|些|的))?/gi, '取消'],
  // (pls send mask: send is asking for it)
  [/\bsend(?: (?:me|us))?\b/gi, '送'],
  [/\bdoctor\b|\bnurse\b/gi, '医生'],
  [/\bcome (?:and |to )?(?:see|check)(?: (?:me|her|him|us))?\b/gi, '来看一下'],
  [/\bcome\b/gi, '来'],
  [/\b(?:a )?(?:little|bit|slight)(?: of)?\b/gi, '有点'],
  // (headache gone / cough is gone: a complaint over is none)
  [/\b(?:headache|cough|fever)(?: is)? gone\b/gi, '已经好了'],
  [/\bheadache\b/gi, '头疼'],
  [/\bsore throat\b/gi, '喉咙痛'],
  [/\bno\b|\bnot\b|\bdon'?t have\b/gi, '没有'],
  [/\bcough(?:s|ing)?\b/gi, '咳嗽'],
  [/\bfever\b/gi, '发烧'],
  [/\bfeels? cold\b|\bchills?\b/gi, '怕冷'],
  [/\bdiarrh?o?ea\b/gi, '拉肚子'],
  [/\brunny nose\b/gi, '流鼻涕'],
  [/\btonight\b|\bthis evening\b|\bevening\b/gi, '晚上'],
  [/\bthis morning\b|\bmorning\b/gi, '早上'],
  [/\btoday\b/gi, '今天'],
  [/\bright now\b|\bnow\b/gi, '现在'],
  [/\bmy wife\b|\bwife\b/gi, '老婆'],
  [/\bmy husband\b|\bhusband\b/gi, '老公'],
  [/\bmy (?:son|daughter|kid|child|baby)\b/gi, '孩子'],
  [/\bmy (?:mother|mom|mum)\b/gi, '妈妈'],
  [/\bmy (?:father|dad)\b/gi, '爸爸'],
  [/\band\b/gi, '和'],
  [/\btemp(?:erature)?\b/gi, '体温'],
  [/\basap\b|\burgent(?:ly)?\b/gi, '急'],
  // a thermometer / two more masks / some extra towels: the count of goods named in English, and no filler
  [beforeEnglishGoods('a|an|one'), '一'],
  [beforeEnglishGoods('two'), '两'],
  [beforeEnglishGoods('three'), '三'],
  // (2 more masks: a count in digits stays with the goods after it)
  ...(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const).map((d, i): [RegExp, string] => [
    beforeEnglishGoods(d),
    '一两三四五六七八九十'[i] as string,
  ]),
  [beforeEnglishGoods('some|more|extra|another|new|clean'), ''],
  // (a type-C charger / a phone charger: the kind of charger is part of its name)
  [new RegExp(String.raw`\b(?:${CHARGER_KINDS})\s+(?=charger\b)`, 'gi'), ''],
];
/** Any of the English words above: most messages with Latin letters (N95, kg, ok) have none. */
const ENGLISH_ANY_RE = new RegExp(ENGLISH.map(([re]) => re.source).join('|'), 'i');
const LATIN_WORD_RE = /[A-Za-z]{3}/;

/**
 * The Mandarin for an English word, with the space between it and Chinese beside it dropped by a marker the caller
 * strips (我们 room 8201 please doctor come see → …麻烦医生来看一下): Chinese runs its words together.
 */
function spaced(s: string, at: number, len: number, to: string): string {
  const before = s[at - 1] ?? '';
  const after = s[at + len] ?? '';
  return `${before === ' ' ? JOIN : ''}${to}${after === ' ' ? JOIN : ''}`;
}
const JOIN = '\ue000';

/** The text with the English words above in Mandarin (case does not matter); most texts have none. */
export function readEnglish(text: string): string {
  if (!LATIN_WORD_RE.test(text) || !ENGLISH_ANY_RE.test(text)) return text;
  let out = text;
  for (const [re, to] of ENGLISH)
    out = out.replace(re, (w, at: number, s: string) => spaced(s, at, w.length, to));
  return out.includes(JOIN) ? out.replace(/ ?\ue000+ ?/g, '') : out;
}

// Reading the name of an item next to a quantity or after a verb: a run of Chinese (or N95-style) characters
// that ends at a stop word (verbs, pronouns, particles, politeness), a quantity, or punctuation.
import { isCjk, isDigit, isLatin } from './chars.js';
import { isDrugName } from './drugs.js';
import { goodsAt, isKindOf, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { NON_GOODS_LIST, PROTECTED, STOP_WORDS, SURNAMES } from './name-words.js';
import { taughtGoodsAt } from './vocabulary.js';

const STOPS_BY_FIRST = new Map<string, string[]>();
for (const w of STOP_WORDS) {
  const list = STOPS_BY_FIRST.get(w[0] as string) ?? [];
  list.push(w);
  STOPS_BY_FIRST.set(w[0] as string, list);
}
for (const list of STOPS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
const DE = '的'.charCodeAt(0);
/** 1 where a stop word starts with this UTF-16 code (a byte read passes most characters over). */
const STOP_FIRST_CODES = new Uint8Array(0x10000);
for (const f of STOPS_BY_FIRST.keys()) STOP_FIRST_CODES[f.charCodeAt(0)] = 1;

const PROTECT_BY_CHAR = new Map<string, [string, number][]>();
for (const p of PROTECTED) {
  for (let o = 0; o < p.length; o++) {
    const ch = p[o] as string;
    const list = PROTECT_BY_CHAR.get(ch) ?? [];
    list.push([p, o]);
    PROTECT_BY_CHAR.set(ch, list);
  }
}

function protectedAt(text: string, j: number): boolean {
  const list = PROTECT_BY_CHAR.get(text[j] ?? '');
  if (!list) return false;
  for (const [p, o] of list) if (j - o >= 0 && text.startsWith(p, j - o)) return true;
  return false;
}

/** Length of the stop word starting at j, or 0. 的 is a stop only when nothing name-like follows. */
export function stopAt(text: string, j: number): number {
  const code = text.charCodeAt(j);
  if (STOP_FIRST_CODES[code] !== 1 && code !== DE) return 0; // no stop word starts here, nor 的
  const ch = text[j] ?? '';
  if (ch === '的') {
    const next = text[j + 1];
    return isCjk(next) && stopAt(text, j + 1) === 0 ? 0 : 1;
  }
  const list = STOPS_BY_FIRST.get(ch);
  if (!list || protectedAt(text, j)) return 0;
  for (const w of list) if (text.startsWith(w, j)) return w.length;
  return 0;
}

const MAX_NAME = 10;
const MAX_LATIN_NAME = 16;

const PURPOSES = '高血压|高血糖|糖尿病|心脏病|安眠|降压|降血压|降糖|感冒|退烧|止疼|止痛|止咳|治胃|胃病|过敏';
/** 高血压的药 / 安眠的药: medicine named by what it is for keeps that in its name. */
export const PURPOSE_BEFORE_RE = new RegExp(`(?:${PURPOSES})的$`);
const PURPOSE_DRUG_RE = new RegExp(`^(?:${PURPOSES})的药`);

const NON_GOODS = new Set(NON_GOODS_LIST);
const OWNER_RE =
  /^(?:老人家?|孩子|小孩|宝宝|娃儿|老婆|老公|我妈|我爸|老妈|老爸|婆婆|爷爷|奶奶|家里|房间|房里|屋里|阿爸|阿妈|我家|俺家|[妈爸娘爹](?=的)|[\u4e00-\u9fa5]{1,2}(?:奶奶|爷爷|婆婆|阿奶|阿爷)家)/;
/** 给我奶奶屋头送…: a person (and their home) is who the goods are for, never goods. */
const KIN_ONLY_RE =
  /^(?:我|你|他|她)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|妈妈?|爸爸?|老妈|老爸|老汉儿?|老人家?|阿大|阿妈|大大|孙子|孙女|女儿|儿子)(?:屋头|屋里|家里|家)?$/;
/** 孩子体重 / 我的身高: a measurement of a person, never goods. */
const MEASURE_TAIL_RE = /(?:体重|身高|年龄|血压|血氧|血糖|心率|体温|温度|重量)$/;

const KIN_HOUSEHOLDS = '阿娘|阿婆|阿公|大爷|大娘|大妈|舅舅|姨妈|二叔|三叔|大伯';
const HOUSEHOLD_BEFORE_RE = new RegExp(
  `^(?:[老小][${SURNAMES}]|[${SURNAMES}]?阿[\\u4e00-\\u9fa5]{1,2}?|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?|${KIN_HOUSEHOLDS})家`,
);
const LEAD_FILLER_RE = /^(?:(?:当天|当日|今天|今日)的?|另需|另要|另外|还需|btw|BTW|Btw)/;

function cleanName(raw: string): string | null {
  let name = raw;
  while (name.startsWith('的')) name = name.slice(1);
  while (name.endsWith('的') || name.endsWith('儿')) name = name.slice(0, -1);
  // 42度的牛栏山二锅头: the strength is no part of the name
  if (/^\d{2}度/.test(name)) name = name.replace(/^\d{2}度的?(?=[\u4e00-\u9fa5]{2})/, '');
  // 40度左右的温水: what is left of a temperature said is no part of the name
  name = name.replace(/^(?:左右|上下)的?(?=[\u4e00-\u9fa5])/, '');
  // 小包装的复合肥: the pack it comes in is no part of the goods' name
  if (name.includes('包装的')) name = name.replace(/^[小大中]?包装的(?=[\u4e00-\u9fa5]{2})/, '');
  if (name.length === 0 || NON_GOODS.has(name) || MEASURE_TAIL_RE.test(name) || KIN_ONLY_RE.test(name))
    return null;
  // 要两瓶75度的 (酒精): the strength alone is no goods
  if (/^\d{2}度$/.test(name)) return null;
  // 祁家奶奶 / 阿奶: a person the goods are for is no goods
  if (/(?:奶奶|爷爷|婆婆|阿奶|阿爷|大爷|大娘)$/.test(name)) return null;
  // 老人降压药 / 孩子奶粉: whose the goods are is not part of their name
  const owner = OWNER_RE.exec(name);
  if (owner && owner[0].length < name.length && looksLikeGoods(name.slice(owner[0].length))) {
    name = name.slice(owner[0].length);
    while (name.startsWith('的')) name = name.slice(1);
  }
  // 当天报纸 / 另需充电器 / btw口罩: the day's, the 'also' of a second ask, a chat word are no part of the goods
  const lead = LEAD_FILLER_RE.exec(name);
  if (lead && lead[0].length < name.length && looksLikeGoods(name.slice(lead[0].length)))
    name = name.slice(lead[0].length);
  // 我家米一包: the 家 of 我家 left before known goods is whose they are
  if (name[0] === '家' && !isKnownGoods(name) && isKnownGoods(name.slice(1))) name = name.slice(1);
  // 老李家大米 / 阿娘家菜子油: a household named before the goods is whose they are
  const household = HOUSEHOLD_BEFORE_RE.exec(name);
  if (household && !isKnownGoods(name) && isKnownGoods(name.slice(household[0].length)))
    name = name.slice(household[0].length);
  if (/^\d+$/.test(name) && !isKnownGoods(name)) return null;
  // 小孩吃的奶粉: who it is for, said before the goods, is no part of their name
  const use = /^(?:吃|喝|用|穿|玩|看)的/.exec(name);
  if (use && name.length > 3 && looksLikeGoods(name.slice(use[0].length))) name = name.slice(use[0].length);
  // 有没有卖菜苗的: whether anyone sells the kind asks after a seller, the goods asked for come after
  if (name.length > 1 && name[0] === '卖') return null;
  // 换成面条: the 成 of 换成 read after the verb 换 is no part of the goods
  if (name.length > 1 && name[0] === '成' && isKnownGoods(name.slice(1))) return name.slice(1);
  // 打酱油 / 称白糖 / 割肉: the verb of buying in front of known goods is not part of their name
  if (name.length > 1 && '打称割舀灌'.includes(name[0] as string) && isKnownGoods(name.slice(1)))
    return name.slice(1);
  return name;
}

/** 象棋打发时间 → 象棋: a known goods word followed by something that is not goods is cut back to the word. */
const CONTAINER_REST_RE = /^(?:纸)?(?:箱|箱子|盒|盒子|瓶子|罐子|袋子|筐|篮子|托)$/;

function trimToGoods(name: string): string {
  if (isKnownGoods(name)) return name;
  const known = goodsAt(name, 0);
  const rest = name.slice(known?.length ?? 0);
  // 菜种子 keeps its 子 (种 + 子 = seed), 洋芋籽种 its 种; 象棋打发时间 is cut back to 象棋
  // (脐橙纸箱, 苹果箱子, 酒瓶子, 鸡蛋托: a container of the goods is goods of its own, whole)
  if (
    known &&
    known.length < name.length &&
    rest !== '子' &&
    rest !== '种' &&
    !CONTAINER_REST_RE.test(rest) &&
    !looksLikeGoods(rest)
  )
    return known;
  // 膏药伤湿止痛膏: the general word run into the kind meant is the kind
  // 降压药硝苯地平缓释片: a medicine's use run into its proper name is the name
  if (known && rest.length >= 2 && (isKindOf(rest, known) || (known.endsWith('药') && isDrugName(rest))))
    return rest;
  return name;
}

export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

/** 新的体温计 / 厚一点的被子 / 小孩看的书: a short description ending in 的 before goods; the goods are the name. */
function afterDescription(text: string, s: number, qtyStarts: ReadonlySet<number>): NameSpan | null {
  for (let d = s + 1; d < s + 8 && d < text.length; d++) {
    const ch = text[d];
    if (ch === '的') {
      if (!plainDescription(text, s, d)) return null;
      const rest = readNameForward(text, d + 1, qtyStarts, false);
      return rest && looksLikeGoods(rest.name) ? rest : null;
    }
    // (张今天的报纸: a day claimed out of the text may describe the goods too)
    if ((!isCjk(ch) && ch !== '|') || qtyStarts.has(d)) return null;
  }
  return null;
}

const DESCRIPTION_OK = ['一点', '点', '些', '看', '用', '吃', '穿', '玩'];

function plainDescription(text: string, s: number, d: number): boolean {
  for (let k = s; k < d; k++) {
    if (stopAt(text, k) > 0 && !(k > s && DESCRIPTION_OK.some((w) => text.startsWith(w, k)))) return false;
  }
  return true;
}

/** The name starting at i (one leading space allowed), or null. Stops at a quantity start in `qtyStarts`. */
export function readNameForward(
  text: string,
  i: number,
  qtyStarts: ReadonlySet<number>,
  described = true,
): NameSpan | null {
  let s = i;
  if (text[s] === ' ' && (isCjk(text[s + 1]) || isLatin(text[s + 1]))) s++;
  if (qtyStarts.has(s)) return null;
  const purpose = PURPOSE_DRUG_RE.exec(text.slice(s, s + 6));
  if (purpose) return { start: s, end: s + purpose[0].length, name: purpose[0] };
  const after = described ? afterDescription(text, s, qtyStarts) : null;
  if (after) return after;
  if (stopAt(text, s) > 0) return null;
  // 小儿氨酚黄那敏颗粒: a name the group taught (or a medicine read by its ending) is read whole, stop words in it
  const taught = taughtGoodsAt(text, s);
  if (taught && taught.length > 3) return { start: s, end: s + taught.length, name: taught };
  // 插头转换器 / 郑单958: goods the lexicon knows are read whole, through a stop word (换) or digits in them
  const knownEnd = s + (goodsAt(text, s)?.length ?? 0);
  let j = s;
  while (j < text.length) {
    if (j > s && qtyStarts.has(j)) break;
    const ch = text[j];
    if (isCjk(ch)) {
      if (j > s && j >= knownEnd && stopAt(text, j) > 0) break;
    } else if (isDigit(ch)) {
      const prev = text[j - 1];
      if (!(j === s || j < knownEnd || isDigit(prev) || isLatin(prev))) break;
      if (qtyStarts.has(j)) break;
    } else if (
      !isLatin(ch) &&
      !(ch === '-' && isLatin(text[j - 1]) && isLatin(text[j + 1])) &&
      !(ch === ' ' && j < knownEnd)
    )
      break;
    // (Type-C充电线: a hyphen inside a Latin model name is part of it; rubbish bags: a space inside goods known)
    j++;
    // (paracetamol, thermometer: an English word is longer than a Chinese name)
    if (j - s > (isLatin(text[s]) ? MAX_LATIN_NAME : MAX_NAME)) return null;
  }
  j = brandRunOn(text, s, j, qtyStarts);
  const raw = cleanName(text.slice(s, j));
  if (raw === null) return null;
  const name = trimToGoods(raw);
  const at = text.indexOf(name, s);
  return { start: at, end: at + name.length, name };
}

/** What no brand or model name holds: verbs of giving and sending, linking words, particles. */
const NOT_IN_BRAND = /[送到要和跟与及或给带买拿个还再也都就是了在把我你他她吗呢吧啊哦嘛]/;

/**
 * 一罐伊利金领冠奶粉 / 一罐飞鹤星飞帆3段奶粉: a brand or model run on before the goods word, which the stop words
 * (领) or a digit would cut short, is read through to the goods word when that ends the run.
 */
function brandRunOn(text: string, s: number, j: number, qtyStarts: ReadonlySet<number>): number {
  if (j - s < 2 || j >= text.length || !(isCjk(text[j]) || isDigit(text[j]))) return j;
  // 报纸或者杂志 / 孩子拿个玩具: goods already, or a person, are no brand
  if (looksLikeGoods(text.slice(s, j)) || /^(?:孩子|小孩|老人|娃|宝宝|我|他|她)/.test(text.slice(s, j)))
    return j;
  let best = j;
  for (let k = j; k < text.length && k - s <= MAX_NAME + 2; k++) {
    const ch = text[k] as string;
    if (!(isCjk(ch) || isDigit(ch) || isLatin(ch)) || NOT_IN_BRAND.test(ch) || qtyStarts.has(k)) break;
    const g = goodsAt(text, k);
    if (g && k > j - 1) {
      const end = k + g.length;
      const next = text[end];
      if (!(isCjk(next) && stopAt(text, end) === 0)) best = end;
    }
  }
  return best;
}

/** The name ending at e (spaces and a colon allowed in between): the last stop-free segment of the run. */
export function readNameBackward(text: string, e: number): NameSpan | null {
  let end = e;
  let skipped = 0;
  while (end > 0 && skipped < 2 && (text[end - 1] === ' ' || text[end - 1] === ':')) {
    end--;
    skipped++;
  }
  let s = end;
  while (s > 0 && end - s < 14) {
    const ch = text[s - 1];
    if (isCjk(ch) || isLatin(ch) || isDigit(ch)) s--;
    else break;
  }
  let seg = s;
  let k = s;
  while (k < end) {
    const ch = text[k];
    if (isDigit(ch) && !isLatin(text[k + 1]) && !isCjk(text[k + 1]) && !isDigit(text[k + 1])) {
      k++;
      seg = k;
      continue;
    }
    const len = isCjk(ch) ? stopAt(text, k) : 0;
    if (len > 0) {
      k += len;
      seg = k;
    } else k++;
  }
  // 先玉335种子: a name given by a code is read whole, though a stop word (先) opens it
  for (let c = s; c < seg; c++) {
    const g = isDigit(text[c + 2]) || isDigit(text[c + 3]) ? goodsAt(text, c) : null;
    if (g && /\d/.test(g) && c + g.length > seg && c + g.length <= end) {
      seg = c;
      break;
    }
  }
  if (seg >= end || end - seg > MAX_NAME) return null;
  if (isDigit(text[end - 1]) && !isKnownGoods(text.slice(seg, end))) return null; // 84 消毒液 is goods
  const raw = cleanName(text.slice(seg, end));
  if (raw === null) return null;
  const name = trimToGoods(raw);
  const at = text.indexOf(name, seg);
  return { start: at, end: at + name.length, name };
}

// One message's item extraction state: the names already taken, the goods words mentioned, and the reading of
// a list of names after a verb (需要牙刷、牙膏和毛巾). Shared by the quantity reader (items.ts) and the verb
// reader (verb-items.ts).
import type { Item } from '../records.js';
import { isCjk } from './chars.js';
import { categoryOf, goodsAt, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { type NameSpan, PURPOSE_BEFORE_RE, readNameBackward, readNameForward } from './names.js';
import { parseNumber } from './numerals.js';
import { type QtyHit, unitAt } from './quantities.js';

export interface ItemHit {
  start: number;
  end: number;
  item: Item;
}

const VAGUE: readonly [string, number | null, string | null][] = [
  ['一点儿', null, null],
  ['一点', null, null],
  ['点儿', null, null],
  ['一些', null, null],
  ['几个', null, '个'],
  ['点', null, null],
  ['些', null, null],
  ['个', 1, '个'],
];
const LIST_SEP_RE = /^(?:\s*(?:、|和|跟|及|与|以及|还有|或者|或是|或|,|，|\/)\s*|\s+)/;

/** Characters already taken by an item name, so no name is used twice. */
/** 要碗吗 / 要个碗了: what may follow goods named by a measure word alone. */
const MEASURE_ALONE_RE = /[吗呢吧啊呀哦了的和跟与也就都还要呗嘛噻哈]/;

export class Used {
  private readonly bits: Uint8Array;
  constructor(n: number) {
    this.bits = new Uint8Array(n);
  }
  add(span: NameSpan): void {
    this.bits.fill(1, span.start, span.end);
  }
  overlaps(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (this.bits[i] === 1) return true;
    return false;
  }
}

const MODEL_BEFORE_RE = /(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/** Who or what the goods are made for, said before them as part of their name (儿童口罩, 一次性手套). */
/** Goods named by what they are about or where from (四级词汇书, 泉州晚报). */
const NAMED_BY_WHAT = new Set(['书', '晚报', '日报']);
const FOR_WHOM_BEFORE_RE =
  /(?:儿童|成人|婴儿|一次性|医用|外科|有线|无线|金龙鱼|鲁花|福临门|立白|蓝月亮|雕牌|奥妙|汰渍|舒肤佳|海飞丝|飘柔|高露洁|佳洁士|维达|心相印|清风|南孚|农夫山泉|怡宝|海天|李锦记)$/;

/**
 * 有没有四级词汇书 / 儿童口罩: a book named by its subject, or goods by whom they are for, keep the words before
 * them (a measure word before is no part of the name: 一本英语书).
 */
function describedBefore(text: string, i: number, w: string): NameSpan | null {
  if (
    !isCjk(text[i - 1]) ||
    (!NAMED_BY_WHAT.has(w) && !FOR_WHOM_BEFORE_RE.test(text.slice(Math.max(0, i - 4), i)))
  )
    return null;
  const b = readNameBackward(text, i + w.length);
  if (!b?.name.endsWith(w) || b.name.length <= w.length || b.name.length > 7) return null;
  const lead = /^[本套册个]/.test(b.name) ? 1 : 0;
  if (b.name.length - lead <= w.length) return null;
  return { start: b.start + lead, end: b.end, name: b.name.slice(lead) };
}

/** Known goods words in the text, in order (found once per message). */
function goodsMentions(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const w = goodsAt(text, i);
    if (w) {
      // 高血压的药 / 安眠的药: medicine named by what it is for keeps that in its name
      const purpose =
        w === '药' && text[i - 1] === '的' ? PURPOSE_BEFORE_RE.exec(text.slice(Math.max(0, i - 5), i)) : null;
      // (type-c充电器 / USB数据线: a Latin model name glued before the goods is part of their name)
      const model =
        i > 0 && /[A-Za-z0-9]/.test(text[i - 1] as string) ? MODEL_BEFORE_RE.exec(text.slice(0, i)) : null;
      const described = purpose || model ? null : describedBefore(text, i, w);
      if (described) out.push(described);
      else if (purpose) out.push({ start: i - purpose[0].length, end: i + 1, name: `${purpose[0]}药` });
      else if (model && /[A-Za-z]/.test(model[0]))
        out.push({ start: i - model[0].length, end: i + w.length, name: `${model[0]}${w}` });
      else out.push({ start: i, end: i + w.length, name: w });
      i += w.length - 1;
    }
  }
  return out;
}

/** 苞米种要先玉335的两袋 / 奶粉要飞鹤的两罐: goods, then which kind (said with 的), then the count. */
const KIND_THEN_COUNT_RE = /([\u4e00-\u9fa5]{1,6})(?:要|来|买|就要|只要)[^\s,，。;；的]{1,8}的[\s,，]*$/;

export function nameBefore(text: string, q: QtyHit, used: Used): NameSpan | null {
  const kind = text.includes('的')
    ? KIND_THEN_COUNT_RE.exec(text.slice(Math.max(0, q.start - 18), q.start))
    : null;
  if (kind) {
    const said = kind[1] as string;
    const end = Math.max(0, q.start - 18) + kind.index + said.length;
    for (let k = 0; k < said.length; k++)
      if (isKnownGoods(said.slice(k)) && !used.overlaps(end - said.length + k, end))
        return { start: end - said.length + k, end, name: said.slice(k) };
  }
  const b = readNameBackward(text, q.start);
  return b && !used.overlaps(b.start, b.end) ? b : null;
}

/** The last known goods word before `pos` that no item has taken (anaphora for 能再给一个吗). */
export function goodsMentionedBefore(
  mentions: readonly NameSpan[],
  pos: number,
  used: Used,
  from = 0,
): NameSpan | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k] as NameSpan;
    if (m.start < from) return null;
    if (m.end <= pos && !used.overlaps(m.start, m.end)) return m;
  }
  return null;
}

/** 暖壶坏了 倒不出水 能换一个吗: the goods said to be broken are the ones a new one is asked of. */
const BROKEN_AFTER_RE = /^(?:又|也|都)?(?:坏了|破了|烂了|摔了|断了|漏了|不亮了|不响了|不能用了|用不了了)/;

export function brokenMentionedBefore(
  text: string,
  mentions: readonly NameSpan[],
  pos: number,
  used: Used,
): NameSpan | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k] as NameSpan;
    if (m.end > pos) continue;
    if (!used.overlaps(m.start, m.end) && BROKEN_AFTER_RE.test(text.slice(m.end, m.end + 5))) return m;
    // (充电线坏了 有没有苹果数据线 借一根: other goods asked of after it are the ones counted; 倒不出水 is not asked)
    if (!/(?:不出|(?<!有)没有?|没得)$/.test(text.slice(Math.max(0, m.start - 3), m.start))) return null;
  }
  return null;
}

/** One message's item extraction: the names already taken and the items found so far. */
/** 她 / 他 / 孩子 / 老人 right after 给: whom the goods are for, before a vague amount (一些, 点). */
const FOR_WHOM_RE = /^(?:她|他|孩子|老人|娃儿?|宝宝)(?=一些|一点|点|些)/;

export class Extraction {
  /** The message writes goods before their counts throughout (辣椒种子三包四季豆种子两包…). */
  goodsFirst = false;
  readonly used: Used;
  readonly hits: ItemHit[] = [];
  readonly qtyStarts = new Set<number>();
  private mentionsCache: NameSpan[] | null = null;
  readonly origin: string;
  constructor(
    readonly text: string,
    original?: string,
  ) {
    this.used = new Used(text.length);
    this.origin = original ?? text;
  }
  mentions(): NameSpan[] {
    this.mentionsCache ??= goodsMentions(this.text);
    return this.mentionsCache;
  }
  take(span: NameSpan, qty: number | null, unit: string | null, qs: number, qe: number): void {
    this.used.add(span);
    this.hits.push({
      start: Math.min(span.start, qs),
      end: Math.max(span.end, qe),
      item: { name: span.name, qty, unit },
    });
  }
  /** Names after a verb: 需要牙刷、牙膏和毛巾 / 给点酒精 / 送壶开水 / 借个充电器. */
  readListAfter(from: number): void {
    const text = this.text;
    let pos = from;
    let spaced = false;
    for (let n = 0; n < 12; n++) {
      let qty: number | null = null;
      let unit: string | null = null;
      if (n === 0) {
        // 买五块钱的葱: goods bought for a sum of money (the price is claimed) are named after its 的
        if (text[pos] === '|') {
          let k = pos;
          while (text[k] === '|') k++;
          if (
            text[k] === '的' &&
            /^[\d一二两三四五六七八九十百]+\s*(?:块|元)/.test(this.origin.slice(pos, k))
          )
            pos = k + 1;
        }
        // 需要：口罩、纸巾 — a colon (and a line break) may follow the verb
        while (
          pos < from + 3 &&
          (text[pos] === ':' || text[pos] === '：' || text[pos] === '\n' || text[pos] === ' ')
        )
          pos++;
        // 可以给她一些止咳药吗 / 能给孩子点退烧药: whom the goods are for, between the verb and the goods
        const whom = text[from - 1] === '给' ? FOR_WHOM_RE.exec(text.slice(pos, pos + 4)) : null;
        if (whom) pos += whom[0].length;
        for (const [w, q, u] of VAGUE) {
          // 给点儿童感冒药: 儿童 (children's) is the goods' own word, not the 儿 of 点儿
          if (w.endsWith('儿') && text[pos + w.length] === '童') continue;
          if (text.startsWith(w, pos)) {
            qty = q;
            unit = u;
            pos += w.length;
            break;
          }
        }
        // 送壶开水 / 来袋盐: a measure word right after the verb means one
        const u = qty === null && unit === null ? unitAt(text, pos) : null;
        // (要打药: 打 right after the verb is the verb 打, not a dozen)
        // (要卷纸: 卷纸 is the goods, not one 卷 of 纸)
        if (
          u &&
          u.length === 1 &&
          u !== '打' &&
          u !== '对' &&
          // (我要克地头: 克 is 去 spoken, never one gram)
          u !== '克' &&
          isCjk(text[pos + 1]) &&
          // (要碗凉粉: a measure that is goods of its own too, 碗, before two more words is the measure; 要碗筷 is goods)
          (goodsAt(text, pos)?.length ?? 0) <=
            Math.max(
              goodsAt(text, pos + 1)?.length ?? 0,
              MEASURE_ALONE_RE.test(text.slice(pos + 1, pos + 2)) || !isCjk(text[pos + 2]) ? 0 : 1,
            )
        ) {
          qty = 1;
          unit = u;
          pos += 1;
        }
      }
      if (this.qtyStarts.has(pos) || this.qtyStarts.has(pos + 1)) return;
      const span = readNameForward(text, pos, this.qtyStarts);
      if (!span || this.used.overlaps(span.start, span.end)) return;
      if (!looksLikeGoods(span.name)) return;
      // 捎三白菜 两萝卜: a bare numeral glued to known goods counts them (no measure word said)
      const counted = qty === null ? /^([一两三四五六七八九十])(.+)$/.exec(span.name) : null;
      if (counted && isKnownGoods(counted[2] as string)) {
        qty = parseNumber(counted[1] as string);
        span.start += 1;
        span.name = counted[2] as string;
      }
      // 求个充电宝 手机要没电了: after a bare space, a word that starts a new clause is not the next item
      if (n > 0 && spaced && !isKnownGoods(span.name) && isCjk(text[span.end])) return;
      // 要牙刷牙膏毛巾: known goods glued with no separator are each asked for
      const glued = qty === null ? gluedGoods(span.name) : null;
      if (glued)
        for (let k = 0, at = span.start; k < glued.length; at += (glued[k] as string).length, k++) {
          const name = glued[k] as string;
          this.take({ start: at, end: at + name.length, name }, null, null, at, at + name.length);
        }
      else this.take(span, qty, unit, span.start, span.end);
      const sep = LIST_SEP_RE.exec(text.slice(span.end, span.end + 6));
      if (!sep) return;
      spaced = sep[0].trim().length === 0;
      pos = span.end + sep[0].length;
    }
  }
}

export function byStart(a: ItemHit, b: ItemHit): number {
  return a.start - b.start;
}

/** 牙刷牙膏毛巾 → 牙刷, 牙膏, 毛巾: a name made wholly of two or more known goods words of one kind, or null. */
function gluedGoods(name: string): string[] | null {
  if (name.length < 4 || isKnownGoods(name)) return null;
  const out: string[] = [];
  for (let i = 0; i < name.length; ) {
    const w = goodsAt(name, i);
    if (!w || w.length < 2) return null;
    out.push(w);
    i += w.length;
  }
  // (苹果充电器: goods of another kind before them name a make or a model, not goods of their own)
  return out.length >= 2 && out.every((w) => categoryOf(w) === categoryOf(out[0] as string)) ? out : null;
}

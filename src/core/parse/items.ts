// Items asked for or ordered: quantities joined to the name before or after them (两袋化肥, 化肥两袋),
// names after a verb (需要牙刷、牙膏), names before 用完了/没了, and a quantity with no name of its own
// taking the goods named earlier in the message (体温计坏了，能换一个吗).
import type { Item } from '../records.js';
import { clauseStart, isCjk } from './chars.js';
import { goodsAt, goodsSuffix, isKindOf, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { type NameSpan, readNameBackward, readNameForward } from './names.js';
import { findQuantities, type QtyHit, unitAt } from './quantities.js';

export interface ItemHit {
  start: number;
  end: number;
  item: Item;
}

export interface ItemOptions {
  /** Read names after verbs and before 用完了 (off for 接龙 lines, where every item has a quantity). */
  verbs: boolean;
  /** A 接龙's single product: a quantity without a name orders this. */
  product?: { name: string; unit: string | null } | null;
  /** The text before claimed spans were masked (to tell a sum of money from a date under the mask). */
  original?: string;
}

const TRIGGER_RE =
  /代买|代购|订购|购买|预订|帮忙买|帮买|想要|需要|急需|急用|着急用|急着用|给我|买|带|捎|订|要|缺|借|给|拿|送|来|整|弄|申请|提供|求|搞|换|煮|开(?!水)|有没有|我把|[,，、\s]还有|加(?![饭菜]|油(?![\d一二两三四五六七八九十]))|找(?=点|些|个|一[点些个瓶包盒卷把])/g;
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
/** 有跳绳吗 / 有没有报纸: asking whether the site has something is asking for it. */
const HAVE_RE = /有(?!没|点|些|一点|人|空)(?=[^，,。!?\s|]{1,10}?(?:吗|么|不|没|\?))/g;
const POST_RE = /快用完了|快吃完了|快没了|用完了|吃完了|喝完了|没有了|不够了|不够用|没了|坏了|莫得了|没得了/g;

const OUT_OF_RE = /(?:没有?|莫得|没得)(?=[^\s,，。!?|]{1,6}了)/g;
const GIVE_RE = /给|借|拿|送|来|换|有(?=吗|么|没|不|\?)/g;

/** 只剩一个 / 还有两包: a quantity of what is left, not of what is asked for. */
/** An ask earlier in the message (能不能送点热水 还有两个口罩). */
const ASK_BEFORE_RE = /能不能|可不可以|能否|麻烦|请|帮忙|送点|给点|要点|需要/;
const REMAINING_RE = /(?:只剩下?|还剩下?|剩下|剩|只有|还有|(?<!没)有)$/;
const EACH_RE = /(?:各|每样|每种|每个)\s*$/;
/** 吃了两片布洛芬 / 喝了一瓶: a quantity already taken or used up is a report, not a request. */
const CONSUMED_RE = /(?:吃了|喝了|用了|服了|服用了|抹了|擦了|贴了|打了|吃过|喝过|用过|送了|给了)$/;

/** A quantity of what is left or already used (只剩一个, 吃了两片): no item's, never a loose end. */
export function notAsked(text: string, start: number): boolean {
  const lead = text.slice(Math.max(0, start - 3), start);
  return REMAINING_RE.test(lead) || CONSUMED_RE.test(lead);
}

/** Characters already taken by an item name, so no name is used twice. */
class Used {
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

/** Quantities read per message: far above any real message, a bound on work for pathological input. */
const MAX_QUANTITIES = 200;

/** Known goods words in the text, in order (found once per message). */
function goodsMentions(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const w = goodsAt(text, i);
    if (w) {
      out.push({ start: i, end: i + w.length, name: w });
      i += w.length - 1;
    }
  }
  return out;
}

function nameBefore(text: string, q: QtyHit, used: Used): NameSpan | null {
  const b = readNameBackward(text, q.start);
  return b && !used.overlaps(b.start, b.end) ? b : null;
}

/** The last known goods word before `pos` that no item has taken (anaphora for 能再给一个吗). */
function goodsMentionedBefore(
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

/** One message's item extraction: the names already taken and the items found so far. */
class Extraction {
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
        for (const [w, q, u] of VAGUE) {
          if (text.startsWith(w, pos)) {
            qty = q;
            unit = u;
            pos += w.length;
            break;
          }
        }
        // 送壶开水 / 来袋盐: a measure word right after the verb means one
        const u = qty === null && unit === null ? unitAt(text, pos) : null;
        if (u && u.length === 1 && isCjk(text[pos + 1])) {
          qty = 1;
          unit = u;
          pos += 1;
        }
      }
      if (this.qtyStarts.has(pos) || this.qtyStarts.has(pos + 1)) return;
      const span = readNameForward(text, pos, this.qtyStarts);
      if (!span || this.used.overlaps(span.start, span.end)) return;
      if (!looksLikeGoods(span.name)) return;
      // 求个充电宝 手机要没电了: after a bare space, a word that starts a new clause is not the next item
      if (n > 0 && spaced && !isKnownGoods(span.name) && isCjk(text[span.end])) return;
      this.take(span, qty, unit, span.start, span.end);
      const sep = LIST_SEP_RE.exec(text.slice(span.end, span.end + 6));
      if (!sep) return;
      spaced = sep[0].trim().length === 0;
      pos = span.end + sep[0].length;
    }
  }
}

/** Start of the chunk holding `pos`: WeChat writers part list entries with spaces and punctuation. */
function chunkStart(text: string, pos: number): number {
  let s = pos;
  // (a claimed size or price inside the chunk, 菜籽油|||要两桶, does not part it)
  while (s > 0 && !/[\s,，。;；!！?？、\n]/.test(text[s - 1] as string)) s--;
  return s;
}

/** 白糖买两包: goods opening the quantity's own chunk, with a verb between, are the quantity's. */
function chunkGoods(x: Extraction, q: QtyHit): NameSpan | null {
  const cs = chunkStart(x.text, q.start);
  if (cs >= q.start) return null;
  const ms = x.mentions();
  for (let k = ms.length - 1; k >= 0; k--) {
    const m = ms[k] as NameSpan;
    if (m.end <= q.start && m.start >= cs && !x.used.overlaps(m.start, m.end)) return m;
  }
  return null;
}

const VERB_ONLY_RE = /^\s*(?:(?:也|还|再)?(?:要|买|来|拿|订|整|需要))?\s*$/;

function pickName(
  x: Extraction,
  qtys: readonly QtyHit[],
  idx: number,
  q: QtyHit,
  afterFrom: number,
): NameSpan | null {
  let after = q.suffix ? null : readNameForward(x.text, afterFrom, x.qtyStarts);
  const before = nameBefore(x.text, q, x.used);
  // 白糖买两包 醋三瓶: a quantity stays with the goods of its own chunk, never the next entry's
  if (after && !before && after.start > q.end && /[\s,，、]/.test(x.text.slice(q.end, after.start))) {
    const own = chunkGoods(x, q);
    if (own) return own;
  }
  if (after && x.used.overlaps(after.start, after.end)) after = null;
  // 尿素要三袋复合肥要两袋 (run on, no spaces): goods, a verb, then the quantity — the goods before are its own
  // when the goods after have a verb and quantity of their own
  const nextQ0 = qtys[idx + 1];
  if (
    after &&
    !before &&
    nextQ0 !== undefined &&
    VERB_ONLY_RE.test(x.text.slice(after.end, nextQ0.start)) &&
    x.text.slice(after.end, nextQ0.start).trim().length > 0
  ) {
    const ms = x.mentions();
    for (let k = ms.length - 1; k >= 0; k--) {
      const m = ms[k] as NameSpan;
      if (m.end > q.start) continue;
      if (!x.used.overlaps(m.start, m.end) && VERB_ONLY_RE.test(x.text.slice(m.end, q.start))) return m;
      break;
    }
  }
  if (!after || !before) return after ?? before;
  const nextQ = qtys[idx + 1];
  // 尿素要三袋复合肥要两袋: goods followed by their own verb and quantity are not this quantity's
  // (称两斤五花肉 一斤瘦肉: not when the next quantity has goods of its own right after it)
  if (
    nextQ !== undefined &&
    /^\s*(?:(?:也|还|再)?(?:要|买|来|拿|订|整|需要))?\s*$/.test(x.text.slice(after.end, nextQ.start)) &&
    readNameForward(x.text, nextQ.end, x.qtyStarts)?.start !== nextQ.end
  )
    return before;
  if (isKnownGoods(before.name) && !looksLikeGoods(after.name)) return before;
  // 布洛芬1盒 创可贴: the quantity written onto a name is that name's; a space parts it from the next
  if (before.end === q.start && /^\s/.test(x.text.slice(q.end, after.start))) return before;
  return after;
}

export function extractItems(text: string, opts: ItemOptions): ItemHit[] {
  const qtys = findQuantities(text).slice(0, MAX_QUANTITIES);
  const x = new Extraction(text, opts.original);
  for (const q of qtys) x.qtyStarts.add(q.start);
  let spec = -1;
  for (let idx = 0; idx < qtys.length; idx++) {
    const q = qtys[idx] as QtyHit;
    if (idx === spec || text[q.start - 1] === '(') continue; // 一袋五十斤的大米, 大米一袋(50斤): a size
    const lead = text.slice(Math.max(0, q.start - 3), q.start);
    // 两桶油还有一包盐: after counted goods 还有 lists one more, it tells of nothing left over
    // (能不能送点热水 还有两个口罩: 还有 opening its clause after an ask lists one more too)
    const listing =
      lead.endsWith('还有') &&
      (x.hits.some((h) => h.item.qty !== null) ||
        (/[\s,，。]$/.test(text.slice(Math.max(0, q.start - 3), q.start - 2)) &&
          ASK_BEFORE_RE.test(text.slice(0, q.start)) &&
          x.mentions().some((m) => m.end <= q.start - 3)));
    if ((REMAINING_RE.test(lead) && !listing) || CONSUMED_RE.test(lead)) continue;
    if (EACH_RE.test(lead)) {
      // 毛巾 牙刷 牙膏 各一个: the quantity is for each of the goods named before it
      const before = x.mentions().filter((m) => m.end <= q.start && !x.used.overlaps(m.start, m.end));
      // 菜籽 白菜籽 萝卜籽 各一包: the general word names the kinds listed after it, it is none of them
      const each = before.filter((m) => !before.some((o) => o !== m && isKindOf(o.name, m.name)));
      for (const m of each) x.take(m, q.qty, q.unit, m.start, m === each[each.length - 1] ? q.end : m.end);
      if (each.length > 0) continue;
    }
    const next = qtys[idx + 1];
    let afterFrom = q.end;
    // 一袋五十斤的大米 / 一壶5斤装的白酒: a size right after the quantity describes the goods
    const specTail = next ? /^(?:装的|装|的)/.exec(text.slice(next.end, next.end + 2)) : null;
    if (next && specTail && /^\s*$/.test(text.slice(q.end, next.start))) {
      spec = idx + 1;
      afterFrom = next.end + specTail[0].length;
    }
    const pick = pickName(x, qtys, idx, q, afterFrom);
    if (pick) {
      x.take(pick, q.qty, q.unit, q.start, q.end);
      continue;
    }
    if (opts.product) {
      const item = { name: opts.product.name, qty: q.qty, unit: q.unit ?? opts.product.unit };
      x.hits.push({ start: q.start, end: q.end, item });
      continue;
    }
    const earlier = opts.verbs ? goodsMentionedBefore(x.mentions(), q.start, x.used) : null;
    if (earlier) x.take(earlier, q.qty, q.unit, q.start, q.end);
  }
  if (opts.verbs) readVerbItems(x);
  else readListTails(x);
  return x.hits.sort(byStart);
}

function byStart(a: ItemHit, b: ItemHit): number {
  return a.start - b.start;
}

/** 感冒灵一盒、创可贴 / 布洛芬1盒 创可贴 (a 接龙 line): goods listed after an item with no quantity of their own. */
function readListTails(x: Extraction): void {
  const text = x.text;
  for (const h of [...x.hits]) {
    const sep = /^\s*(?:、|和|及|,|，)\s*|^\s+/.exec(text.slice(h.end, h.end + 4));
    if (sep && goodsAt(text, h.end + sep[0].length)) x.readListAfter(h.end + sep[0].length);
  }
  x.hits.sort(byStart);
}

function readVerbItems(x: Extraction): void {
  const text = x.text;
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m !== null; m = TRIGGER_RE.exec(text)) {
    const from = m.index + m[0].length;
    // 他不会弄手机: what someone cannot do is no ask
    if (/(?:不会|不懂|不晓得|不知道怎么)$/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (text[from] !== '的') x.readListAfter(from); // 送的饭: food that was delivered, not asked for
  }
  if (x.hits.length === 0) {
    // 充电器能借一下吗: with nothing after the verb, the goods named first in its clause are asked for
    for (const m of text.matchAll(GIVE_RE)) {
      if ('不别没'.includes(text[m.index - 1] ?? '|')) continue;
      const topic = goodsMentionedBefore(x.mentions(), m.index, x.used, clauseStart(text, m.index));
      if (topic) x.take(topic, null, null, topic.start, topic.end);
    }
  }
  if (text.includes('有')) for (const m of text.matchAll(HAVE_RE)) x.readListAfter(m.index + 1);
  // 没有纸巾了 / 没热水了 / 莫得开水了: what has run out is asked for
  if (/没|莫得/.test(text)) for (const m of text.matchAll(OUT_OF_RE)) x.readListAfter(m.index + m[0].length);
  // 卫生纸用完了: the goods that ran out are asked for, unless something else is asked for explicitly
  if (x.hits.length > 0) return;
  for (const m of text.matchAll(POST_RE)) {
    // 卫生纸和垃圾袋都用完了: every goods word listed in the clause ran out (an adverb may come between)
    let end = m.index;
    while (end > 0 && '都也又全快已'.includes(text[end - 1] as string)) end--;
    const from = clauseStart(text, end);
    const listed = x
      .mentions()
      .filter((g) => g.start >= from && g.end <= end && !x.used.overlaps(g.start, g.end));
    if (listed.length > 1) {
      for (const g of listed) x.take(g, null, null, g.start, g.end);
      continue;
    }
    let b = readNameBackward(text, end);
    // 降压药还有两天就吃完了: the goods opening the clause ran out, whatever stands between
    const only = listed[0];
    if (!(b && (isKnownGoods(b.name) || goodsSuffix(b.name))) && only && listed.length === 1) {
      if (!/是不是|吗|\?/.test(text.slice(only.end, end))) b = only;
    }
    if (b && !x.used.overlaps(b.start, b.end) && (isKnownGoods(b.name) || goodsSuffix(b.name))) {
      // 药吃完了 降糖药: a kind named beside the general word that ran out is what is asked for
      const kind = x.mentions().find((g) => !x.used.overlaps(g.start, g.end) && isKindOf(g.name, b.name));
      const taken = kind ?? b;
      x.take(taken, null, null, taken.start, taken.end);
    }
  }
}

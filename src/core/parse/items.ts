// Items asked for or ordered: quantities joined to the name before or after them (两袋化肥, 化肥两袋),
// names after a verb (需要牙刷、牙膏), names before 用完了/没了, and a quantity with no name of its own
// taking the goods named earlier in the message (体温计坏了，能换一个吗). The names read without a quantity are
// verb-items.ts's; the extraction state both share is item-extraction.ts's.
import {
  brokenMentionedBefore,
  byStart,
  Extraction,
  goodsMentionedBefore,
  type ItemHit,
  nameBefore,
} from './item-extraction.js';
import { isKindOf, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { dropPlainRepeats, splitPairs, withoutVarietyNamed } from './items-tidy.js';
import { type NameSpan, readNameForward } from './names.js';
import { findQuantities, type QtyHit } from './quantities.js';
import { takeTitles, withoutWordsTitled } from './titles.js';
import { readListTails, readVerbItems } from './verb-items.js';

export type { ItemHit } from './item-extraction.js';

export interface ItemOptions {
  /** Read names after verbs and before 用完了 (off for 接龙 lines, where every item has a quantity). */
  verbs: boolean;
  /** A 接龙's single product: a quantity without a name orders this. */
  product?: { name: string; unit: string | null } | null;
  /** The text before claimed spans were masked (to tell a sum of money from a date under the mask). */
  original?: string;
}

/** An ask earlier in the message (能不能送点热水 还有两个口罩). */
const ASK_BEFORE_RE = /能不能|可不可以|能否|麻烦|请|帮忙|送点|给点|要点|需要|能[^，,。]{0,6}吗|能再给|再给/;
/** 只剩一个 / 还有两包: a quantity of what is left, not of what is asked for. */
const REMAINING_RE = /(?:只剩下?|还剩下?|剩下|剩|最后|只够(?:吃|用)?|只有|还有|(?<!没)有)$/;
const EACH_RE = /(?:各|每样|每种|每个|都是|都要|都来)(?:送|要|买|来|拿|给)?\s*$/;
/** 吃了两片布洛芬 / 喝了一瓶 / 每天吃一片: a quantity taken, used up or a dose is a report, not a request. */
const CONSUMED_RE =
  /(?:吃了|喝了|用了|服了|服用了|抹了|擦了|贴了|打了|吃过|喝过|用过|送了|给了|跳了|做了|走了|跑了|练了|盖了|穿了|戴了|加了|拧了|弄了|编了|找到|找到了|翻出来|翻出|翻到|借到|借到了|匀给我|匀了|(?:每天|每日|一天|每次|每晚|每顿)(?:要|得|都)?(?:吃|服|喝|用))$/;

/** A quantity of what is left or already used (只剩一个, 吃了两片): no item's, never a loose end. */
export function notAsked(text: string, start: number): boolean {
  const lead = text.slice(Math.max(0, start - 3), start);
  return REMAINING_RE.test(lead) || CONSUMED_RE.test(lead);
}

/** Quantities read per message: far above any real message, a bound on work for pathological input. */
const MAX_QUANTITIES = 200;

/** Start of the chunk holding `pos`: WeChat writers part list entries with spaces and punctuation. */
function chunkStart(text: string, pos: number): number {
  let s = pos;
  // (a claimed size or price inside the chunk, 菜籽油|||要两桶, does not part it)
  while (s > 0 && !/[\s,，。;；!！?？、\n]/.test(text[s - 1] as string)) s--;
  return s;
}

/** End of the chunk holding `pos`. */
function chunkEnd(text: string, pos: number): number {
  let e = pos;
  while (e < text.length && !/[\s,，。;；!！?？、\n]/.test(text[e] as string)) e++;
  return e;
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
  let before = nameBefore(x.text, q, x.used);
  // (帮我割两斤 / 称三斤: a verb of buying by weight before the count is no goods)
  if (before && /^[称割打找买要带拿]$/.test(before.name)) before = null;
  // (…三包四季豆种子两包: between two counts, the goods read forward from the last count end at this one)
  if (!before && x.goodsFirst && idx > 0) {
    const between = readNameForward(x.text, (qtys[idx - 1] as QtyHit).end, x.qtyStarts);
    if (between && between.end === q.start && !x.used.overlaps(between.start, between.end)) before = between;
  }
  // 白糖买两包 醋三瓶: a quantity stays with the goods of its own chunk, never the next entry's
  if (after && !before && after.start > q.end && /[\s,，、]/.test(x.text.slice(q.end, after.start))) {
    const own = chunkGoods(x, q);
    if (own) return own;
  }
  if (after && x.used.overlaps(after.start, after.end)) after = null;
  // 给我带三包 菜籽油68一桶的要一桶: goods in the next entry counted there are not this count's
  const nextQ1 = qtys[idx + 1];
  if (
    after &&
    after.start > q.end &&
    /[\s,，、]/.test(x.text.slice(q.end, after.start)) &&
    nextQ1 !== undefined &&
    nextQ1.start >= after.end &&
    nextQ1.start < chunkEnd(x.text, after.end)
  )
    after = null;
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
  // 辣椒种子三包四季豆种子两包南瓜种子一包: a run-on that opens with goods before their count and ends on a count
  // is written goods-then-count throughout; each count is the goods' glued before it
  if (x.goodsFirst && before.end === q.start) return before;
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
  // 帮我带谷种二十斤秧盘一百二: goods right after the verb, then their count, are written goods-then-count
  if (
    before.end === q.start &&
    isKnownGoods(before.name) &&
    /[带买要订捎]$/.test(x.text.slice(0, before.start))
  )
    return before;
  return after;
}

/** Three counts at least, the first glued after goods, the last with no goods after it. */
function goodsThenCounts(text: string, qtys: readonly QtyHit[], x: Extraction): boolean {
  const first = qtys[0];
  const last = qtys[qtys.length - 1];
  if (qtys.length < 3 || !first || !last || first.suffix || last.suffix) return false;
  const before = nameBefore(text, first, x.used);
  if (!before || before.end !== first.start) return false;
  // (帮我称二十斤盐巴: a verb glued to the count is no goods written before it)
  if (!looksLikeGoods(before.name) && /[称买要带拿整来订捎]$/.test(before.name)) return false;
  const after = readNameForward(text, last.end, x.qtyStarts);
  return after === null || !isKnownGoods(after.name);
}

export function extractItems(text: string, opts: ItemOptions): ItemHit[] {
  const qtys = findQuantities(text).slice(0, MAX_QUANTITIES);
  const x = new Extraction(text, opts.original);
  for (const q of qtys) x.qtyStarts.add(q.start);
  x.goodsFirst = goodsThenCounts(text, qtys, x);
  const titleQtys = takeTitles(x, qtys);
  let spec = -1;
  for (let idx = 0; idx < qtys.length; idx++) {
    const q = qtys[idx] as QtyHit;
    if (titleQtys.has(q.start)) continue;
    if (idx === spec || text[q.start - 1] === '(') continue; // 一袋五十斤的大米, 大米一袋(50斤): a size
    const lead = text.slice(Math.max(0, q.start - 3), q.start);
    // 两桶油还有一包盐: after counted goods 还有 lists one more, it tells of nothing left over
    // (能不能送点热水 还有两个口罩: 还有 opening its clause after an ask lists one more too)
    const listing =
      lead.endsWith('还有') &&
      (x.hits.some((h) => h.item.qty !== null) ||
        (/[\s,，。?？!！]$/.test(text.slice(Math.max(0, q.start - 3), q.start - 2)) &&
          ASK_BEFORE_RE.test(text.slice(0, q.start)) &&
          x.mentions().some((m) => m.end <= q.start - 3)));
    if (
      (REMAINING_RE.test(lead) && !listing) ||
      CONSUMED_RE.test(text.slice(Math.max(0, q.start - 6), q.start))
    )
      continue;
    if (EACH_RE.test(lead)) {
      // 毛巾 牙刷 牙膏 各一个: the quantity is for each of the goods named before it
      const before = x.mentions().filter((m) => m.end <= q.start && !x.used.overlaps(m.start, m.end));
      // 菜籽 白菜籽 萝卜籽 各一包: the general word names the kinds listed after it, it is none of them
      // (化肥 尿素 各两袋: a single kind beside the general word is goods of its own, as 各 says)
      const each = before.filter((m) => {
        const kinds = before.filter((o) => o !== m && isKindOf(o.name, m.name));
        return (
          kinds.length === 0 || (kinds.length === 1 && !(kinds[0] as { name: string }).name.includes(m.name))
        );
      });
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
    // 一罐75%酒精: the strength (claimed, now |||) between the count and the goods is skipped
    if (text[afterFrom] === '|' && /^\d{1,3}(?:\.\d)?\s*[%％]/.test(x.origin.slice(afterFrom, afterFrom + 6)))
      while (text[afterFrom] === '|') afterFrom++;
    let pick = pickName(x, qtys, idx, q, afterFrom);
    // 拖鞋断了，能给一双新的吗: a new one is of the goods named before
    if (pick && (pick.name === '新' || pick.name === '新的')) {
      const broke = goodsMentionedBefore(x.mentions(), q.start, x.used);
      if (broke) x.take(broke, q.qty, q.unit, q.start, q.end);
      if (broke) continue;
      pick = null;
    }
    if (pick) {
      x.take(pick, q.qty, q.unit, q.start, q.end);
      continue;
    }
    if (opts.product) {
      const item = { name: opts.product.name, qty: q.qty, unit: q.unit ?? opts.product.unit };
      x.hits.push({ start: q.start, end: q.end, item });
      continue;
    }
    // (a 接龙 line's 尿素1袋地膜2卷: known goods glued right before the count are its goods there too)
    const glued = opts.verbs ? null : goodsMentionedBefore(x.mentions(), q.start, x.used);
    const earlier = opts.verbs
      ? (brokenMentionedBefore(text, x.mentions(), q.start, x.used) ??
        goodsMentionedBefore(x.mentions(), q.start, x.used))
      : glued && /^\s*$/.test(text.slice(glued.end, q.start))
        ? glued
        : null;
    if (earlier) x.take(earlier, q.qty, q.unit, q.start, q.end);
  }
  if (opts.verbs) readVerbItems(x);
  else readListTails(x);
  if (opts.verbs && x.hits.length > 0) takeUncountedEntries(x);
  return withoutVarietyNamed(withoutWordsTitled(dropPlainRepeats(splitPairs(x.hits.sort(byStart)))));
}

/** An entry of its own between separators (纸巾两包 牙刷一支 洗发水 1305), after nothing else. */
const ENTRY_BEFORE_RE = /(?:^|[\s,，、;；]|\d[.、)])\s*$/;
const ENTRY_AFTER_RE = /^\s*(?:$|[\s,，、;；。|\n]|\d)/;

/**
 * 需要纸巾两包 牙刷一支 洗发水: known goods standing alone as the last entry of a list of counted goods are asked
 * for too, with no count.
 */
function takeUncountedEntries(x: Extraction): void {
  const last = x.hits.reduce((m, h) => Math.max(m, h.end), 0);
  for (const m of x.mentions()) {
    if (m.start < last || x.used.overlaps(m.start, m.end) || !isKnownGoods(m.name)) continue;
    // (买包烟不 红塔山: the kind of goods already counted names them, it is no more goods)
    if (x.hits.some((h) => isKindOf(m.name, h.item.name) || h.item.name === m.name)) continue;
    if (!ENTRY_BEFORE_RE.test(x.text.slice(Math.max(0, m.start - 3), m.start))) continue;
    if (!ENTRY_AFTER_RE.test(x.text.slice(m.end, m.end + 2))) continue;
    x.take(m, null, null, m.start, m.end);
  }
}

// Which of the goods read are the ones meant: a general word beside its kinds (要买化肥 两袋 复合肥), kinds named
// as alternatives (水果 苹果或者橘子), goods changed (大米改成20斤), goods withdrawn later in their own message.
import type { Item, ParsedRecord } from '../records.js';
import type { CancelHit } from './cancel.js';
import { isDrugName } from './drugs.js';
import type { Anchored } from './health.js';
import { categoryOf, goodsAt, isKindOf, looksLikeGoods } from './item-lexicon.js';
import type { ItemHit } from './items.js';

/**
 * 要买化肥 两袋 复合肥: a general word with no quantity, named beside one of its kinds, is that kind; 没有口罩了
 * 送两个口罩: goods named again with a quantity are the same goods.
 */
export function withoutGeneral(items0: ItemHit[]): ItemHit[] {
  if (items0.length < 2) return items0;
  // 送点开水，壶里没水了: the general word said again after the goods (水 after 开水), counted by neither, is the same
  const items = countedKinds(items0).filter(
    (h, k, all) =>
      h.item.qty !== null ||
      !all.some(
        (o, j) =>
          j < k &&
          o.item.qty === null &&
          o.item.name.length > h.item.name.length &&
          o.item.name.endsWith(h.item.name),
      ),
  );
  const kept = items.filter(
    (h) =>
      h.item.qty !== null ||
      !items.some(
        (o) =>
          o !== h &&
          o.item.qty !== null &&
          (o.item.name === h.item.name || isKindOf(o.item.name, h.item.name)),
      ),
  );
  return kept;
}

/** 大米改成20斤 / 化肥换成3袋: goods named before 改成 and ordered after it were ordered before. */
/** The words a fix of what was said before opens with (不对，醋是两瓶 / 更正一下 刚才说的…). */
export const FIX_WORDS =
  '更正一下|更正|纠正一下|不对不对|不对|错了|说错了|搞错了|写错了|打错了|刚才说错了|刚才写错了|(?:前面|之前|上面|我)(?:说|写|发)错了';
const FIX_OPENING_RE = new RegExp(
  `^[\\s|]*(?:[\\d|]{3,4}\\s*)?(?:(?:不好意思|对不起|抱歉)[,，。!！\\s]*)?(?:${FIX_WORDS})[,，。!！\\s]+(?:刚才说的)?(?=[^,，。\\d]{1,8}?(?:是|要|应该是)\\s*[\\d一二两三四五六七八九十半])`,
);

const OWNED_SLIP_RE = /(?:说|写|搞|记|打|发)错了/;
const NOT_THESE_RE =
  /不是\s*([\u4e00-\u9fa5]{2,6}?)\s*[,，]?\s*(?:是|要|换成)(?!\s*[\d一二两三四五六七八九十半])/;
const COUNT_BEFORE_RE = /[\d一二两三四五六七八九十百半]\s*(?:袋|桶|包|斤|瓶|箱|盒|件|卷|把|支|个|公斤)/;

export function changedGoods(masked: string, anchor: number, goods: readonly Item[]): { name: string }[] {
  // 不对，醋是两瓶: a fix opening the message, nothing counted before it, changes the goods it names
  const fix = FIX_OPENING_RE.exec(masked);
  if (fix) return goods.filter((g) => masked.includes(g.name, fix[0].length)).map((g) => ({ name: g.name }));
  // 我要的不是湿巾，是卸妆棉: the goods said not to be meant are what is withdrawn
  const notThese = NOT_THESE_RE.exec(masked);
  if (notThese?.[1] && looksLikeGoods(notThese[1])) return [{ name: notThese[1] }];
  // 不好意思，排骨写错了，是两斤不是三斤 / 前面说错了，尿素要三袋: owning up to a slip changes the goods counted
  // (要一百斤谷种 打错了 是十斤: a count before the slip puts this message right, not an earlier one)
  const slip = OWNED_SLIP_RE.exec(masked);
  if (slip && !COUNT_BEFORE_RE.test(masked.slice(0, slip.index)))
    return goods.filter((g) => g.qty !== null && masked.includes(g.name)).map((g) => ({ name: g.name }));
  const m = /改成|改为|换成|改(?=\s*[\d一二两三四五六七八九十半])/.exec(masked);
  if (!m) return [];
  const before = masked.slice(0, m.index);
  // (烤烟肥要4袋 复合肥改成3袋: only the goods right before 改成 are changed, not all named before it)
  const named = goods.filter((g) => before.includes(g.name) && anchor < m.index);
  const last = Math.max(-1, ...named.map((g) => before.lastIndexOf(g.name)));
  return named.filter((g) => before.lastIndexOf(g.name) === last).map((g) => ({ name: g.name }));
}

/** 帮我拿个快递 是我老婆寄的换洗衣服: what a parcel holds is said of the parcel, not asked for. */
export function withoutParcelContents(masked: string, items0: ItemHit[]): ItemHit[] {
  // (水银洒地上了: the mercury of a broken thermometer is no water asked for)
  const items = masked.includes('水银')
    ? items0.filter((h) => !(h.item.name === '水' && masked[h.end] === '银'))
    : items0;
  const sent = /寄(?:来|过来)?的/.exec(masked);
  const parcel = masked.indexOf('快递');
  if (!sent || parcel < 0 || parcel > sent.index) return items;
  return items.filter((h) => h.start < sent.index);
}

/** 水果 苹果或者橘子: kinds offered as alternatives to the general goods asked for are examples, not items. */
export function withoutAlternatives(masked: string, items: ItemHit[]): ItemHit[] {
  if (items.length < 3 || !/或者|或是|还是|都行|都可以/.test(masked)) return items;
  return items.filter(
    (h) =>
      h.item.qty !== null ||
      !items.some(
        (g) => g !== h && g.item.qty === null && g.start < h.start && isKindOf(h.item.name, g.item.name),
      ),
  );
}

/** 帮我买包烟 红塔山: the one kind named with no quantity beside the counted general word is what is bought. */
function countedKinds(items: ItemHit[]): ItemHit[] {
  const out = [...items];
  for (const g of items) {
    if (g.item.qty === null) continue;
    const kinds = items.filter((k) => k.item.qty === null && isKindOf(k.item.name, g.item.name));
    const only = kinds[0];
    if (kinds.length !== 1 || !only) continue;
    only.item.qty = g.item.qty;
    only.item.unit = g.item.unit;
    out.splice(out.indexOf(g), 1);
  }
  return out;
}

/** Items not withdrawn later in their own message; the cancel record keeps only goods ordered before. */
export function withdrawnHere(
  items: ItemHit[],
  cancels: readonly CancelHit[],
  out: Anchored<ParsedRecord>[],
): ItemHit[] {
  const gone = new Set<string>();
  for (const c of cancels)
    for (const n of c.names) if (items.some((h) => h.item.name === n && h.end <= c.start)) gone.add(n);
  if (gone.size === 0) return items;
  const k = out.findIndex((a) => a.record.type === 'cancel');
  const rec = out[k]?.record;
  if (rec?.type === 'cancel') {
    rec.items = rec.items.filter((i) => !gone.has(i.name));
    if (rec.items.length === 0) out.splice(k, 1);
  }
  return items.filter((h) => !gone.has(h.item.name));
}

/**
 * 我要两袋复合肥 两袋复合肥哈 / 买盐巴买两包盐巴: goods said again in one breath are one item (the counted saying
 * when one has no count).
 */
export function saidOnce(items: Item[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const it = items[i] as Item;
    const k = items.findIndex((o, j) => j < i && o.name === it.name);
    if (k < 0) continue;
    const first = items[k] as Item;
    if (first.qty === it.qty && first.unit === it.unit) items.splice(i, 1);
    else if (first.qty === null && it.qty !== null) items.splice(k, 1);
    // 有没有口罩，想要几个口罩: the mention that says its measure is kept
    else if (first.qty === null && first.unit === null && it.unit !== null) items.splice(k, 1);
    else if (it.qty === null) items.splice(i, 1);
  }
}

/**
 * The goods still asked for once the message has taken some back: 一个新的 counts the goods before it (平板充电器坏了，
 * 能帮买一个新的吗); goods given up with 算了 before others asked for are not asked (有没有象棋 哦算了 有没有跳绳); goods
 * kept beside a withdrawal are no new ask (钾肥那个不要了 只要尿素).
 */
export function stillAskedFor(masked: string, items: ItemHit[], withdrawing: boolean): ItemHit[] {
  let out = items.some((h) => h.item.name === '新') ? newOneOf(items) : items;
  const givenUp = masked.includes('算了') ? /算了/.exec(masked) : null;
  if (givenUp && out.some((h) => h.start > givenUp.index) && out.some((h) => h.end <= givenUp.index))
    out = out.filter((h) => h.start > givenUp.index);
  if (withdrawing && masked.includes('只要'))
    out = out.filter((h) => !/只要\s*$/.test(masked.slice(Math.max(0, h.start - 3), h.start)));
  // (面不要了，就要清油: the goods kept, no count said; 就要一包盐 with a count is a new ask)
  if (withdrawing && masked.includes('就要'))
    out = out.filter(
      (h) => h.item.qty !== null || !/就要\s*$/.test(masked.slice(Math.max(0, h.start - 3), h.start)),
    );
  return out;
}

function newOneOf(items: ItemHit[]): ItemHit[] {
  const out: ItemHit[] = [];
  for (const h of items) {
    const before = out[out.length - 1];
    if (h.item.name !== '新') out.push(h);
    else if (before && before.item.qty === null)
      out[out.length - 1] = { ...before, item: { ...before.item, qty: h.item.qty, unit: h.item.unit } };
  }
  return out;
}

/**
 * 医生开的药还要一盒 连花清瘟 / 降压药带的不够了 … 苯磺酸氨氯地平片 能帮忙买一下吗: the medicine named by its own name is
 * the one asked for; the general word said before it (药, 降压药), its count moved over. Both stay when joined (感冒药和布洛芬).
 */
export function namedMedicine(masked: string, items: ItemHit[]): ItemHit[] {
  // (the bare 药, or a kind of it said to run out: 降压药带的不够了; 感冒药 板蓝根 are two asks)
  const general = items.filter(
    (h) =>
      h.item.name === '药' ||
      (/药$/.test(h.item.name) &&
        categoryOf(h.item.name) === 'medical' &&
        /^\s*(?:也|都)?(?:带的|剩的)?(?:不够|吃完|没了|快没|快吃完|只剩|冇得)/.test(
          masked.slice(h.end, h.end + 6),
        )),
  );
  const named = items.filter((h) => !/药$/.test(h.item.name) && categoryOf(h.item.name) === 'medical');
  const g = general[0];
  // (医生开的药还要一盒 连花清瘟: the name said apart, no item of its own, is what the general word asks for)
  if (general.length === 1 && g && named.length === 0) {
    const said = medicineSaid(masked, items);
    return said ? items.map((h) => (h === g ? { ...h, item: { ...h.item, name: said } } : h)) : items;
  }
  const n = named[0];
  if (general.length !== 1 || named.length !== 1 || !g || !n) return items;
  const [a, b] = g.start < n.start ? [g, n] : [n, g];
  if (/和|跟|、|还有|以及|或者|\+/.test(masked.slice(a.end, b.start))) return items;
  if (n.item.qty === null && g.item.qty !== null) n.item = { ...n.item, qty: g.item.qty, unit: g.item.unit };
  return items.filter((h) => h !== g);
}

/** The one medicine named by its own name in `masked` outside the items read, or null. */
function medicineSaid(masked: string, items: readonly ItemHit[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < masked.length; i++) {
    if (items.some((h) => i >= h.start && i < h.end)) continue;
    let w = goodsAt(masked, i);
    if (!w || /药$/.test(w) || categoryOf(w) !== 'medical' || w.length < 3) continue;
    // (硝苯地平缓释片: the form said after the name is part of it)
    for (let k = 4; k > 0; k--)
      if (isDrugName(masked.slice(i, i + w.length + k))) w = masked.slice(i, i + w.length + k);
    if (found && found !== w) return null;
    found = w;
    i += w.length - 1;
  }
  return found;
}

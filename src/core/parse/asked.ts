// Which goods found in a message are actually asked for: a verb, a question that asks (能…吗, 麻烦), or a bare
// list of goods. Goods mentioned inside a statement (36个口罩已经分好了) are not.
import { isCjk, matchesOf } from './chars.js';
import { FIX_WORDS } from './goods-choice.js';
import { goodsAt, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import type { ItemHit } from './items.js';
import { ELDER_TITLES } from './kin-words.js';
import { HAMLET_END, SURNAMES, TITLED_NAME } from './name-words.js';
import { parseNumber } from './numerals.js';

/** Words that make goods a thing asked for; without one, only names that look like goods count. */
const TRIGGER_RE =
  /改成|改为|换成|买|要|订|带|捎|来|整|需|送|拿|给|借|缺|换|开|有|求|提供|搞|弄|申请|没了|断顿|断粮|用完|吃完|喝完|不够|只剩|只够|最后一|坏了|莫得|没得|加(?!油(?![\d一二两三四五六七八九十]))|(?:称|割|打|找)(?=[\d一二两三四五六七八九十半几]|点|些|个)|找(?=[本件条把瓶盒双张])/;
/** Without a quantity, goods count only when the message asks (能…吗, 麻烦, 需要, 用完了, 我报名). */
const FRAME_RE =
  /能|可以|麻烦|请|帮|吗|\?|需|想|要|希望|谢谢|给|缺|急|没了|断顿|断粮|用完|(?<![饭菜])快吃完|快喝完|药(?:都|也|已经)?吃完|药.{0,6}就(?:要)?吃完|奶粉喝完|不够|只剩|只够|最后一|借|买|订|带|捎|来|有没有|莫得|没得|坏了|没有?.{1,6}了|有[^，,。!！?？\s]{1,8}?(?:没|不)(?=$|[\s,，。!！?？~])|[都也全]没有?(?![\u4e00-\u9fa5])|报名|接龙|团购|拼团/;
const FIX_RE = new RegExp(`^[\\s\\d|]*(?:${FIX_WORDS})[,，。!！\\s]`);
const COUNT_FIXED_RE =
  /[\d一二两三四五六七八九十]\s*[袋桶包斤瓶箱盒件卷把支个][,，\s]*(?:不对|不是|哦不|说错了)[,，\s]*(?:是|要)?[\d一二两三四五六七八九十]\s*[袋桶包斤瓶箱盒件卷把支个]/;
/** Right before goods: they are not wanted (不要鸡蛋, 别放葱, 不加糖). */
const NOT_WANTED_RE = /(?:不要|莫要|不用|不需要|别|不加|不放|别放|少放|免|不吃)\s*$/;
/** 刘婆婆：化肥两袋 / 阿娘家大米两袋 — a volunteer's note names the customer first. */
const CUSTOMER_PREFIX_RE = new RegExp(
  `^[\\s|]*(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?\\s*)?(?:[\\u4e00-\\u9fa5]{2,5}\\s*[:：]|(?:${TITLED_NAME})家?\\s|(?:${TITLED_NAME}|[${SURNAMES}]?阿[\\u4e00-\\u9fa5]{1,2}?|${ELDER_TITLES})家(?=[\\u4e00-\\u9fa5])|[帮替代][\\u4e00-\\u9fa5|]{2,10}?(?:报|登记)(?:一下)?\\s*[:：]|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}\\s+(?=[\\u4e00-\\u9fa5]{1,6}\\s*[\\d一二两三四五六七八九十]))`,
);

/** 地膜 两卷 老屋基 张德明 / 鸡饲料 3包 五组陈二嬢: a name closing the list (after a space, a group or a hamlet). */
const CUSTOMER_SUFFIX_RE = new RegExp(
  `(?:\\s|\\||(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)|${HAMLET_END})(?:${TITLED_NAME}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})\\s*$`,
);

function goodsLike(h: ItemHit): boolean {
  return looksLikeGoods(h.item.name);
}

/** Goods count as asked for only when the message asks: a verb, 能…吗, 麻烦, or a bare list of goods. */
const UNKNOWN_MEASURE_RE = /^[一二两三四五六七八九十几半\d]{1,3}[\u4e00-\u9fa5](?<![号次型代])/;

function countedInUnknownMeasure(name: string): boolean {
  const m = UNKNOWN_MEASURE_RE.exec(name);
  return m !== null && !isKnownGoods(name) && isKnownGoods(name.slice(m[0].length));
}

export function keepAskedFor(
  text: string,
  masked: string,
  found: ItemHit[],
  clock: boolean,
  quarantine: boolean,
): ItemHit[] {
  // 要一份白粥 不要鸡蛋: goods said not to be wanted are a wish about the rest, not asked for; 要三背柴火: a count in a
  // measure not known (背) is no part of the goods' name — not read, so the message goes to a person
  let items = found.filter(
    (h) =>
      !NOT_WANTED_RE.test(masked.slice(Math.max(0, h.start - 4), h.start)) &&
      // (汤圆莫给他 / 汤圆嫑给额了: goods said not to be given are no ask)
      !/^\s*(?:莫|不要|嫑|别)给/.test(masked.slice(h.end, h.end + 4)) &&
      !/不能吃\s*$/.test(masked.slice(Math.max(0, h.start - 3), h.start)) &&
      !countedInUnknownMeasure(h.item.name),
  );
  // 送书 asks for a book; 8点半送早饭 (a clock time) tells when breakfast comes
  const frame = FRAME_RE.test(text) || (quarantine && !clock && text.includes('送'));
  // 更正一下 刚才说的挂面是五斤不是三斤: a fix of an order asks for the goods at the count it gives
  if (FIX_RE.test(masked) && items.some((h) => h.item.qty !== null)) return items;
  // 复合肥两袋不对三袋 / 尿素要三袋不是两袋: counted goods with the count put right ask for them
  if (COUNT_FIXED_RE.test(masked) && items.some((h) => h.item.qty !== null)) return items;
  if (!TRIGGER_RE.test(text)) {
    // No verb at all: only a bare list of goods (口罩两个 / 2203 纸巾两包) asks for them; goods inside a
    // statement (36个口罩已经分好了) do not.
    const named = CUSTOMER_PREFIX_RE.exec(masked)?.[0].length ?? 0;
    // 地膜 两卷 老屋基 张德明: a full name closing the list is whose it is
    const tail = CUSTOMER_SUFFIX_RE.exec(masked);
    const list = tail ? masked.slice(0, tail.index) : masked;
    if (leftoverChars(list, items, named) <= 2) return items; // nothing but the list itself
    // 半袋米够了 凉风垭 屋头就我一个人: a clause that is only counted goods asks for them, whatever follows
    const listed = listedClauses(masked, items, named, text);
    if (listed.length > 0) return listed;
    items = items.filter(goodsLike);
    if (!frame && leftoverChars(masked, items, named) > 2) return [];
  }
  if (!frame) {
    let anyQty = WORTH_RE.test(text);
    // (两三袋化肥: a count not exact is still counted, its unit says so)
    for (const h of items) if (h.item.qty !== null || h.item.unit !== null) anyQty = true;
    if (!anyQty) return [];
  }
  return items;
}

/** 5斤装的 (a pack size) and 二十块钱的 (goods bought by the money's worth) belong to the goods they stand before. */
const PACK_RE =
  /[\d一二两三四五六七八九十]+(?:\.\d+)?\s*(?:斤|公斤|升|L|l|kg|克|毫升|ml)(?:装|一[桶袋瓶壶包箱])的?/g;
const WORTH_RE = /[\d一二两三四五六七八九十百]+\s*(?:块|元)钱?的/;
const WORTH_G_RE = new RegExp(WORTH_RE.source, 'g');

function takenSpans(masked: string, items: readonly ItemHit[]): Uint8Array {
  const taken = new Uint8Array(masked.length);
  for (const h of items) taken.fill(1, h.start, h.end);
  for (const re of [PACK_RE, WORTH_G_RE])
    if (re.test(masked)) for (const m of matchesOf(re, masked)) taken.fill(1, m.index, m.index + m[0].length);
  return taken;
}

/** Chinese characters left once the items are taken out: more than a couple means a sentence, not a list. */
function leftoverChars(masked: string, items: readonly ItemHit[], from: number): number {
  const taken = takenSpans(masked, items);
  let n = 0;
  for (let i = from; i < masked.length; i++) if (taken[i] === 0 && isCjk(masked[i])) n++;
  return n;
}

const CLAUSE_END = /[\s,，。;；!！?？\n]/;

/** Items standing in clauses that hold nothing but counted goods (a couple of characters aside). */
function listedClauses(masked: string, items: readonly ItemHit[], from: number, text: string): ItemHit[] {
  const taken = takenSpans(masked, items);
  const out: ItemHit[] = [];
  let start = from;
  for (let i = from; i <= masked.length; i++) {
    // (大米 两袋: a space inside counted goods parts no clause)
    const ch = masked[i] as string;
    if (
      i < masked.length &&
      (!CLAUSE_END.test(ch) || (/\s/.test(ch) && items.some((h) => h.start < i && h.end > i)))
    )
      continue;
    const inClause = items.filter((h) => h.start >= start && h.end <= i);
    if (inClause.length > 0) {
      let left = 0;
      for (let j = start; j < i; j++) if (taken[j] === 0 && isCjk(masked[j])) left++;
      const counted = inClause.some((h) => h.item.qty !== null) || WORTH_RE.test(text.slice(start, i));
      if (left <= 2 && counted) out.push(...inClause.filter(goodsLike));
    }
    start = i + 1;
  }
  return out;
}

const HOW_MANY_RE = /(?:我们|我家|家里|屋头)?[一二两三四五六七八九十\d]+(?:个人|口人|口)/g;
const COUNTED_RE = /([一二两三四五六七八九十\d]{1,2})([个把支包瓶盒条双件袋卷])/y;

const POLITE = [
  '都要',
  // 刚入住 啥也没有 牙刷牙膏毛巾都得要: having just come with nothing is why
  ...[
    '刚入住',
    '刚住进来',
    '刚到',
    '啥也没有',
    '啥都没有',
    '什么都没有',
    '什么也没有',
    '啥也没带',
    '什么都没带',
  ],
  '都得要',
  '都想要',
  '都需要',
  '也要',
  '需要',
  '急用',
  '急需',
  '急',
  '谢谢',
  '麻烦',
  '请',
  '一下',
  '啊',
  '哈',
  '吧',
  '呀',
  '哦',
  '了',
  '还要',
  '还有',
  '和',
  '、',
];

/** 口罩 / 2105 毛巾、牙刷 谢谢: a message that is only goods names asks for them (quarantine groups). */
export function bareGoodsList(text: string): ItemHit[] {
  // 牙刷牙膏毛巾都要 我们三个人: how many they are says how many of each, it asks for nothing more
  const masked =
    text.includes('人') || text.includes('口')
      ? text.replace(HOW_MANY_RE, (m) => ' '.repeat(m.length))
      : text;
  const hits: ItemHit[] = [];
  let i = 0;
  while (i < masked.length) {
    const ch = masked[i] as string;
    if (!isCjk(ch)) {
      i++;
      continue;
    }
    const w = goodsAt(masked, i);
    if (w && !isCjk(masked[i + w.length])) {
      hits.push({ start: i, end: i + w.length, item: { name: w, qty: null, unit: null } });
      i += w.length;
      continue;
    }
    if (w && (goodsAt(masked, i + w.length) || POLITE.some((p) => masked.startsWith(p, i + w.length)))) {
      hits.push({ start: i, end: i + w.length, item: { name: w, qty: null, unit: null } });
      i += w.length;
      continue;
    }
    // 洗发水 沐浴露 还有一把梳子: a goods word with its count is one of the list
    COUNTED_RE.lastIndex = i;
    const counted = COUNTED_RE.exec(masked);
    const cw = counted ? goodsAt(masked, i + counted[0].length) : null;
    if (counted && cw && !isCjk(masked[i + counted[0].length + cw.length])) {
      const qty = parseNumber(counted[1] as string);
      const end = i + counted[0].length + cw.length;
      hits.push({ start: i, end, item: { name: cw, qty, unit: counted[2] as string } });
      i = end;
      continue;
    }
    const p = POLITE.find((x) => masked.startsWith(x, i));
    if (!p) return [];
    i += p.length;
  }
  return hits.length > 4 ? [] : hits;
}

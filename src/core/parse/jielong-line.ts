// One line of a 接龙 or of a pasted table (1. 张三 大米2袋 三组): whose it is and what it orders. A place on the
// line is where to deliver; a price or a pack size is no quantity; a count changed in brackets gives way.

import { isCjk, Mask } from './chars.js';
import { claimPricesAndSizes } from './claims-prices.js';
import { findDates } from './dates.js';
import { isDrugName } from './drugs.js';
import { goodsAt, isKindOf, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { extractItems, type ItemHit } from './items.js';
import type { JielongLine } from './jielong.js';
import { SURNAMES } from './name-words.js';
import { findPlaces } from './places.js';
import { hamletBeforeName } from './places-free.js';
import { bareCounted } from './plus-counts.js';
import { findQuantities } from './quantities.js';
import { mendBagSlips } from './voice.js';

/** 我是何婆婆要…: the sender naming herself on her line. */
const SELF_INTRO_RE = /^我是(?=[\u4e00-\u9fa5]{2,4})/;

function isPlaceToken(token: string): boolean {
  const p = findPlaces(token);
  return p.length === 1 && p[0]?.start === 0 && p[0].end === token.length && p[0].strict === true;
}

/** The line's last word is a place (…花生种30斤 东庄). */
function endsWithPlace(rest: string): boolean {
  const last = /[^\s:：,，]+\s*$/.exec(rest)?.[0].trim();
  return last !== undefined && isPlaceToken(last);
}

const BRACKETED_RE = /\([^()]{1,8}\)/g;
const COPY_TAIL_RE = /(?:同上|同前)$/;
/** 盐3包改成5包: the owner changed the line; the quantity after 改成 stands. */
const CHANGED_QTY_RE =
  /[\d一二两三四五六七八九十]+(?:\.\d)?\s*[\u4e00-\u9fa5a-zA-Z]{1,2}?\s*(?:改成|改为|换成)\s*(?=[\d一二两三四五六七八九十])/g;
const BRACKETED_CHANGE_RE =
  /[\d一二两三四五六七八九十]+(?:\.\d)?\s*([袋桶包斤瓶箱盒个把提件块])?\s*[(（]\s*(?:改成|改为|换成|改)\s*([\d一二两三四五六七八九十]+(?:\.\d)?\s*[袋桶包斤瓶箱盒个把提件块]?)\s*[)）]/g;
const STRAY_CHANGE_RE =
  /[(（]\s*(?:已)?(?:改成|改为|换成|改)\s*[\d一二两三四五六七八九十]+(?:\.\d)?\s*[袋桶包斤瓶箱盒个把提件块]?\s*[)）]/g;
const GROUP_PREFIX_RE = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社)\s*/;
const VERB_TAIL_RE = /(?:要|买|订|定|来|需要|预订)+$/;
const VERB_BEFORE_COUNT_RE =
  /(?<=[\u4e00-\u9fa5])(?:要|买|订|来|带|补|需要)(?=\s*[\d一二两三四五六七八九十半几]+\s*[袋桶包斤瓶箱盒件板把个卷提支块壶罐捆])/g;
const AS_BEFORE_RE =
  /(?:跟|和|同|照)(?:去年|上次|上回|往年|以前|原来|那次|上个月)(?:的)?(?:一样|那样)(?:的)?/g;
const NAME_DASH_RE = /^([\u4e00-\u9fa5]{2,4})\s*(?:[—–－~～]+|-+)\s*(?=[^\s\d])/;

/**
 * Splits a line into the name on it and what it orders: "张三 化肥2袋", "张三：20斤", "刘婆婆要两袋化肥",
 * "张三化肥2袋" (the name ends where the first goods word or quantity begins).
 */
function splitCustomer(line: string): { customer: string | null; body: string } {
  // 5组刘家 / 3组 王婆: the group is where to deliver (found by the place reader), the rest is the name
  // 王德明—尿素×2袋 / 周光明-玉米种子: a dash after the name parts it from the goods as a space does
  let text = line.replace(GROUP_PREFIX_RE, '').replace(SELF_INTRO_RE, '').replace(NAME_DASH_RE, '$1 ');
  let sep = /^([^\s:：,，]+)[\s:：,，]+/.exec(text);
  // 黄桷坪 杨婆婆 挂面3把 / 东湖 王翠 土豆5斤: a place opening the line is where to deliver, the name follows it
  const second = sep ? /^[^\s:：,，]+/.exec(text.slice(sep[0].length))?.[0] : undefined;
  // (王福田 花生种30斤 东庄: a name ending like a place, 田 林 井, is the name when the line ends with its place)
  if (
    sep?.[1] &&
    (isPlaceToken(sep[1]) || hamletBeforeName(sep[1], second)) &&
    !(
      sep[1].length === 3 &&
      (/[田林井岩]$/.test(sep[1]) || /^[\u4e00-\u9fa5]老/.test(sep[1])) &&
      // (1. 季松林 石门坑 大米50斤 / 吴老岩 化肥2包 高坡: the place follows the name, or ends the line)
      (endsWithPlace(text.slice(sep[0].length)) || (second !== undefined && isPlaceToken(second)))
    )
  ) {
    text = text.slice(sep[0].length);
    sep = /^([^\s:：,，]+)[\s:：,，]+/.exec(text);
  }
  if (sep?.[1]) {
    const token = sep[1];
    const hasQty = findQuantities(token).length > 0;
    if (/^\d{3,4}$/.test(token)) return { customer: token, body: text.slice(sep[0].length) }; // a room
    if (!/\d/.test(token) && !hasQty && !isKnownGoods(token)) {
      // 张秀英(三组) / 李贵(大湾)同上: the bracket holds the place (read from the whole line), not the name
      const name = token.replace(BRACKETED_RE, '').replace(COPY_TAIL_RE, '') || token;
      // (汪春来 石坦…: a name of three characters ending in 来 stands between spaces, no verb after it)
      const own = name.length === 3 && name.endsWith('来') && SURNAMES.includes(name[0] as string);
      return {
        customer: own ? name : name.replace(VERB_TAIL_RE, '') || name,
        body: text.slice(sep[0].length),
      };
    }
  }
  let cut = findQuantities(text)[0]?.start ?? text.length;
  // 大米两袋 / 酱油一瓶: goods opening the line (大米, not 大 and 米) leave no name
  if ((goodsAt(text, 0)?.length ?? 0) >= 2) return { customer: null, body: text };
  for (let i = 1; i < cut; i++) {
    if (goodsAt(text, i)) {
      cut = i;
      break;
    }
  }
  const head = text
    .slice(0, cut)
    .replace(BRACKETED_RE, '')
    .replace(COPY_TAIL_RE, '')
    .replace(VERB_TAIL_RE, '')
    .trim();
  if (head.length === 0 || /\d/.test(head) || isKnownGoods(head) || head.length > 12) {
    return { customer: null, body: text };
  }
  return { customer: head, body: text.slice(cut) };
}

export function readLine(
  seq: number,
  raw: string,
  rest: string,
  product: string | null,
  unit: string | null,
): JielongLine {
  const split = splitCustomer(rest.trim());
  const customer = split.customer;
  // 胡大爷 2桶 三组: the place is where to deliver, never the name of what is ordered
  // 盐 2包 （改成3包）: the count changed in brackets gives way to the new one
  // (大坝（改成5包）: a change noted after the line, its counts already the new ones, is no goods)
  let body = split.body
    .replace(BRACKETED_CHANGE_RE, '$2')
    .replace(CHANGED_QTY_RE, '')
    .replace(STRAY_CHANGE_RE, ' ');
  // 化肥两代: the recogniser's 代 for 袋 (and 话费 for 化肥), as in a message of its own
  if (body.includes('代') || body.includes('费')) body = mendBagSlips(body);
  // 复合肥要两三袋 / 面条要两把: a verb between the goods and their count is part of neither
  body = body.replace(VERB_BEFORE_COUNT_RE, ' ');
  // 降压药（卡托普利）2盒: the kind in brackets after the general goods is what is ordered
  if (body.includes('(') || body.includes('（'))
    body = body.replace(KIND_IN_BRACKETS_RE, (m, general: string, kind: string) =>
      isKnownGoods(general) && (isDrugName(kind) || isKindOf(kind, general)) ? kind : m,
    );
  for (const p of findPlaces(body))
    body = body.slice(0, p.start) + '|'.repeat(p.end - p.start) + body.slice(p.end);
  // 米2袋（55元一袋的）: a price in brackets on the line is no quantity
  if (body.includes('元') || body.includes('块'))
    body = body.replace(PRICE_BRACKET_RE, (m) => '|'.repeat(m.length));
  // 50斤装的尿素3袋 / 复合肥 50斤装的 两包 135一包 / 大米三袋 一百二一袋那个: a pack size or a price on the line is
  // no quantity, read as in a message of its own
  {
    const claimed = new Mask(body.length);
    claimPricesAndSizes(claimed, body);
    // (复合肥25公斤的3袋: the size taken out, the count stands beside its goods again)
    // (复合肥（25公斤装）4袋: a bracket that held only the size goes with it)
    if (claimed.any(0, body.length))
      body = claimed
        .apply(body)
        .replace(/[（(]\|+[）)]/g, '')
        .replace(/\|+\s*(?=[\d一二两三四五六七八九十]+\s*[袋桶包瓶箱盒件壶提])/g, '');
  }
  // 2. 团堡 2桶 上午: the part of the day on a line is when, never goods
  for (const d of findDates(body))
    body = body.slice(0, d.start) + '|'.repeat(d.end - d.start) + body.slice(d.end);
  // 6. 吴老三 番薯两袋 笋干不要 / 挂面五斤 鸡蛋就不要了: goods said not wanted, after what is, are no order
  if (body.includes('不要')) body = body.replace(NOT_WANTED_RE, (m) => '|'.repeat(m.length));
  const productInfo = product ? { name: product, unit } : null;
  let hits = extractItems(body, { verbs: false, product: productInfo });
  // 4. 李秀英 大米 老屋基: goods named with no count are still that line's order (how much, the bot asks)
  // (only after a name standing on its own: 1. 戴好口罩 in a list of rules is no one's order)
  if (hits.length === 0 && !productInfo && customer !== null && standsAlone(rest, customer))
    hits = namedGoods(body);
  // 1. 阿苦日古 洋芋种一百二 羊角寨: a round count with no unit after known goods
  if (hits.length === 0) hits = bareCounted(body);
  // 5. 陈二娃 化肥跟去年一样: the goods as last time, how much the bot asks (no copy of the line above)
  let asBefore = false;
  if (hits.length === 0 && !productInfo && customer !== null && body.includes('样')) {
    const cleared = body.replace(AS_BEFORE_RE, (m) => ' '.repeat(m.length));
    if (cleared !== body) {
      hits = namedGoods(cleared);
      asBefore = hits.length > 0;
    }
  }
  // 1. 程立新 大屋 3袋 under 茶叶肥团购: a count whose word no goods reader knows, standing apart from it (a place),
  // is the header's one product's (五花3斤, glued, is goods of its own)
  if (productInfo)
    for (const h of hits)
      if (
        h.item.qty !== null &&
        !goodsAt(h.item.name, 0) &&
        !looksLikeGoods(h.item.name) &&
        /^[\u4e00-\u9fa5]{2,4}\s+[\d一二两三四五六七八九十]/.test(body.slice(h.start, h.end))
      )
        h.item = { ...h.item, name: productInfo.name };
  let plusOne = false;
  if (hits.length === 0 && productInfo) {
    // "老王 5" under a one-product header: a bare small number is the quantity
    const m = /^\s*(\d{1,3}(?:\.5)?)\s*$/.exec(body);
    if (m?.[1])
      hits = [{ start: 0, end: body.length, item: { name: productInfo.name, qty: Number(m[1]), unit } }];
    // "吴三妹 +1": one more buyer of the product, how much is a guess the bot asks about
    else if (/^\s*(?:\+|＋)\s*1\s*$/.test(body)) {
      hits = [{ start: 0, end: body.length, item: { name: productInfo.name, qty: null, unit: null } }];
      plusOne = true;
    }
  }
  const items = hits.map((h) => h.item);
  // 玉米种子3包（不要了）: the owner struck the line out; what it named is withdrawn, nothing ordered
  if (STRUCK_RE.test(rest)) return { seq, raw, customer, items: [], struck: items };
  return { seq, raw, customer, items, ...(plusOne ? { plusOne } : {}), ...(asBefore ? { asBefore } : {}) };
}

const NOT_WANTED_RE = /(?<=\S\s+)[\u4e00-\u9fa5]{1,6}?(?:就|也|都)?不要了?(?=\s|$)/g;
const KIND_IN_BRACKETS_RE = /([\u4e00-\u9fa5]{1,6})\s*[（(]([\u4e00-\u9fa5]{2,10})[）)]/g;
const STRUCK_RE =
  /[（(]\s*(?:不要了|不要|取消了?|划掉|作废|删掉|删除?|已删)\s*[）)]\s*$|\s(?:不要了|取消了|划掉)\s*$/;
const PRICE_BRACKET_RE = /[（(][^）)]{0,12}[元块][^）)]{0,8}[）)]/g;

/** The name is followed by a space or a colon in the line (张三 大米), not glued to what follows (戴好口罩). */
function standsAlone(line: string, name: string): boolean {
  const at = line.indexOf(name);
  return at >= 0 && /[\s:：,，]/.test(line[at + name.length] ?? '');
}

/** Known goods words standing in a line, each with no count. */
function namedGoods(body: string): ItemHit[] {
  const out: ItemHit[] = [];
  for (let i = 0; i < body.length && out.length < 6; i++) {
    const w = goodsAt(body, i);
    if (!w || isCjk(body[i - 1])) continue;
    if (isCjk(body[i + w.length])) continue;
    out.push({ start: i, end: i + w.length, item: { name: w, qty: null, unit: null } });
    i += w.length - 1;
  }
  return out;
}

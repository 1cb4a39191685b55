// The items read from a message, tidied: goods run together split (酱油醋), goods named twice kept once.
import type { ItemHit } from './item-extraction.js';
import { isKnownGoods } from './item-lexicon.js';

/** 酱油醋 / 白菜萝卜: two known goods run together with no count are two goods (酱油醋 is no one thing). */
export function splitPairs(hits: ItemHit[]): ItemHit[] {
  if (!hits.some((h) => h.item.qty === null && h.item.name.length >= 3)) return hits;
  const out: ItemHit[] = [];
  for (const h of hits) {
    const n = h.item.name;
    const cut = h.item.qty === null && !isKnownGoods(n) ? pairCut(n) : 0;
    if (cut === 0) {
      out.push(h);
      continue;
    }
    out.push({ start: h.start, end: h.start + cut, item: { name: n.slice(0, cut), qty: null, unit: null } });
    out.push({ start: h.start + cut, end: h.end, item: { name: n.slice(cut), qty: null, unit: null } });
  }
  return out;
}

/** One-character goods that stand alone in a list (酱油醋); others end compounds (花椒面, 菜籽油). */
const LONE_GOODS = new Set(['醋', '盐', '糖', '茶', '烟', '酒', '姜', '葱', '蒜']);

/** A word that can stand as goods in a run (two characters at least, or a lone one such as 醋). */
function whole(w: string): boolean {
  return w.length >= 2 || LONE_GOODS.has(w);
}

/** 苹果充电器 / 小米手机: a maker's name before a device is one thing, no fruit and a charger. */
const BRAND_OF_RE = /^(?:苹果|华为|小米|三星|荣耀|安卓)(?:充电器|充电线|数据线|耳机|手机|充电宝|平板)$/;

/** Where a run of two known goods parts (酱油醋 → 3), or 0. */
export function pairCut(name: string): number {
  for (let k = 1; k < name.length; k++) {
    const a = name.slice(0, k);
    const b = name.slice(k);
    if (whole(a) && whole(b) && isKnownGoods(a) && isKnownGoods(b)) return BRAND_OF_RE.test(name) ? 0 : k;
  }
  return 0;
}

/**
 * 没带充电器 有没有type-c充电器可以借一个: goods named plainly and again with their model (a Latin name glued
 * before them) are one item, the fuller name.
 */
export function dropPlainRepeats(hits: ItemHit[]): ItemHit[] {
  if (hits.length < 2) return hits;
  return hits.filter(
    (h) =>
      h.item.qty !== null ||
      !hits.some(
        (o) =>
          o !== h &&
          o.item.name.length > h.item.name.length &&
          o.item.name.endsWith(h.item.name) &&
          /^[A-Za-z0-9-]+$/.test(o.item.name.slice(0, -h.item.name.length)),
      ),
  );
}

/**
 * 玉米种 两袋 先玉335 / 苞谷种，登海605的，要两袋: a variety named by its code, with no count of its own beside seed
 * that is counted, tells which seed it is; it is no second item.
 */
export function withoutVarietyNamed(hits: ItemHit[]): ItemHit[] {
  if (!hits.some((h) => h.item.qty !== null && /种/.test(h.item.name))) return hits;
  return hits.filter((h) => h.item.qty !== null || !/\d/.test(h.item.name) || !isKnownGoods(h.item.name));
}

const SPENT_RE =
  /花了.{0,12}(?:买|点|订)|(?:买|点)(?:了|过)?.{0,8}花了|(?:上趟|上次|上回|昨天|前天|那天)[^。]{0,12}(?:块|元)[^。]{0,8}钱[^，,。]{0,4}(?:已经?)?转(?:你|侬|给你|过去)?了/;

/** 昨天花了36.5元买水果 / 上趟8斤笋52块 钱微信转侬了: money spent on goods already bought asks for nothing. */
export function spentAlready(text: string): boolean {
  return SPENT_RE.test(text);
}

/** 额温枪35.6 / 体温计量的37.2 / 我拿体温枪帮他们量了: what a reading was taken with is no goods asked for. */
export function withoutMeasuringDevice(text: string, items: ItemHit[]): ItemHit[] {
  return items.filter(
    (h) =>
      !(
        /(?:额温|耳温|体温|测温)(?:枪|计)$|温度计$/.test(h.item.name) &&
        /^\s*(?:显示|量的|测的|量了|测了|打的|是)?\s*(?:3[4-9]|4[0-2])|^[^，,。]{0,6}量(?:了|的)/.test(
          text.slice(h.end, h.end + 10),
        )
      ),
  );
}

const REQUEST_QUESTION_RE =
  /[一每][袋桶包箱瓶件](?:是|有)?(?:好多|多少|几)(?:斤|公斤|升|个|片|粒)|(?:万一|如果|要是|假如).{0,12}(?:要不要|需不需要|用不用|怎么办)|多少钱|好多钱|几多钱|钱是?(?:好多|多少|几多)|价格|价钱|怎么卖|要戴(?:吗|么|嘛|不|几|多久)|要不要戴|要用吗|怎么用|能用吗|可以用吗|要吃(?:吗|么|几|多少|多久|多长)|怎么吃|吃几|(?<!给|再给|发|拿)几片|(?<!给|再给|发|拿)几粒|多久|多长时间|能不能吃(?!点|些)|可以吃吗|几点|去哪里?开|在哪里?开|怎么开|密码(?:是)?(?:多少|好多|几多|啥|什么)/;

/** 一箱多少钱，我想买两箱: a question beside one's own counted ask still asks. */
const OWN_ASK_RE = /我(?:还)?(?:想|要|想要)(?:买|要|订)?\s*[\d一二两三四五六七八九十]\s*[箱瓶包袋个盒桶斤件]/;

/** 一盒多少钱 / 要吃几片: a question about goods, asking for none — unless the sender also counts an ask of their own. */
export function asksAboutOnly(text: string): boolean {
  return REQUEST_QUESTION_RE.test(text) && !OWN_ASK_RE.test(text);
}

// One ordinary message (not a command, not a 接龙) to records. Extractors run from the most certain to the
// least, each claiming its span in a mask so later ones never re-read it: rooms, temperatures, dates and
// times, symptoms, cancellations, places, then items.
import type { GroupContext, Item, ParsedRecord } from '../records.js';
import { cancelRecord, findCancels } from './cancel.js';
import { isCjk, Mask } from './chars.js';
import { inferContext } from './context.js';
import { type DateHit, findDates } from './dates.js';
import { type Anchored, buildHealth } from './health.js';
import { goodsAt, looksLikeGoods } from './item-lexicon.js';
import { extractItems, type ItemHit } from './items.js';
import { type LocalDate, localDate } from './local-time.js';
import { scanNumbers } from './numbers.js';
import { buildOrder, customerOf, isNotAnOrder } from './orders.js';
import { findPlaces } from './places.js';
import { buildRequest } from './requests.js';
import { findBareRooms, findExplicitRooms, type RoomHit } from './rooms.js';
import { findSlots } from './slots.js';
import { findNormal, findSymptoms } from './symptoms.js';
import { findTemperatures, type TempHit } from './temperature.js';
import { buildWater, isWaterBooking, isWaterItem, mentionsWater } from './water.js';

export interface PlainOptions {
  at?: Date;
  context?: GroupContext;
  timeZone?: string;
}

const NUMBERING_RE = /^[ \t]*(?:\d{1,2}[.、)](?![\d.])|[①-⑳]|\(\d{1,2}\))/gm;
const PRICE_RE =
  /\d+(?:\.\d+)?\s*(?:(?:元|块钱|块(?=钱|[/每一]|[^\u4e00-\u9fa5]|$)|毛(?=钱|[/每一]))(?:钱)?(?:\s*(?:\/|每|一)\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐]))?|(?:\/|每|一)\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐]))/g;
/** 刘婆婆：化肥两袋 — a volunteer's note names the customer first. */
const CUSTOMER_PREFIX_RE = /^\s*[\u4e00-\u9fa5]{2,5}\s*[:：]/;
const BUY_RE = /买|代购|代买|订|捎|带/;
const ORDER_VERB_RE = /买|要|订|带|捎|来|整|需要|送|拿/;
const REQUEST_QUESTION_RE =
  /多少钱|价格|价钱|怎么卖|要戴|要用|怎么用|能用吗|可以用吗|要吃|怎么吃|吃几|几片|几粒|多久|多长时间|能不能吃|可以吃吗|几点/;
/** Words that make goods a thing asked for; without one, only names that look like goods count. */
const TRIGGER_RE = /买|要|订|带|捎|来|整|需|送|拿|给|借|缺|换|开|有|没了|用完|不够|坏了|莫得|没得/;
/** Without a quantity, goods count only when the message asks (能…吗, 麻烦, 需要, 用完了). */
const FRAME_RE =
  /能|可以|麻烦|请|帮|吗|\?|需|想|要|希望|谢谢|给|缺|没了|用完|不够|借|买|订|带|捎|来|有没有|莫得|没得|坏了|没有?.{1,6}了/;

function maskAll(mask: Mask, re: RegExp, text: string): void {
  for (const m of text.matchAll(re)) mask.set(m.index, m.index + m[0].length);
}

function byAt(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

function byAnchor(a: Anchored<ParsedRecord>, b: Anchored<ParsedRecord>): number {
  return a.at - b.at;
}

function notWater(h: ItemHit): boolean {
  return !isWaterItem(h.item);
}

function goodsLike(h: ItemHit): boolean {
  return looksLikeGoods(h.item.name);
}

function claim(mask: Mask, spans: readonly { start: number; end: number }[]): void {
  for (const s of spans) mask.set(s.start, s.end);
}

export function parsePlain(text: string, opts: PlainOptions): ParsedRecord[] {
  const mask = new Mask(text.length);
  if (text.includes('\n') || /^\s*(?:\d|[①-⑳(])/.test(text)) maskAll(mask, NUMBERING_RE, text);
  const local: LocalDate | null = localDate(opts.at, opts.timeZone);
  const explicitRooms = findExplicitRooms(text);
  claim(mask, explicitRooms);
  const tokens = scanNumbers(text);
  const slots = findSlots(text);
  const temps = findTemperatures(text, tokens, mask, slots);
  claim(mask, temps);
  const bare = findBareRooms(text, tokens, temps, mask, opts.context !== 'village', slots);
  claim(mask, bare);
  const rooms: RoomHit[] = bare.length === 0 ? explicitRooms : [...explicitRooms, ...bare].sort(byAt);
  const symptoms = findSymptoms(text);
  let positive = 0;
  for (const s of symptoms) if (!s.negated) positive++;
  const context =
    opts.context ?? inferContext(text, { rooms: rooms.length, temps: temps.length, symptoms: positive });
  const dates: DateHit[] = [];
  for (const d of findDates(text)) if (!mask.any(d.start, d.end)) dates.push(d);
  claim(mask, dates);
  claim(mask, symptoms);
  const normals = findNormal(text);
  claim(mask, normals);
  if (/\d/.test(text)) maskAll(mask, PRICE_RE, text);

  const out: Anchored<ParsedRecord>[] = buildHealth({
    text,
    temps,
    symptoms,
    normals,
    slots,
    rooms,
    local,
    context,
  });
  const cancels = findCancels(mask.apply(text));
  claim(mask, cancels);
  if (cancels[0]) out.push({ at: cancels[0].start, record: cancelRecord(cancels) });
  const places = findPlaces(mask.apply(text));
  claim(mask, places);
  const masked = mask.apply(text);
  let items: ItemHit[] = extractItems(masked, { verbs: true });

  if (context !== 'quarantine' && mentionsWater(masked)) {
    if (isWaterBooking(masked)) {
      const deliverTo = places[0]?.place ?? null;
      let waterAt = masked.indexOf('水');
      for (const h of items) if (isWaterItem(h.item)) waterAt = h.start;
      out.push({ at: Math.max(0, waterAt), record: buildWater(items, [], dates, deliverTo, local) });
    }
    items = items.filter(notWater);
  }
  if (items.length > 0) items = keepAskedFor(text, masked, items);
  else if (context === 'quarantine' && cancels.length === 0) items = bareGoodsList(masked);
  const maxTemp = temps.reduce<number | null>(maxValue, null);
  const asOrder = context === 'village' || (context === null && BUY_RE.test(text));
  const goods: Item[] = [];
  for (const h of items) goods.push(h.item);
  const anchor = items[0]?.start ?? 0;
  if (asOrder) {
    if (goods.length > 0 && !isNotAnOrder(text, ORDER_VERB_RE.test(text), goods)) {
      out.push({ at: anchor, record: buildOrder(goods, places[0]?.place ?? null, customerOf(text)) });
    }
  } else if (!REQUEST_QUESTION_RE.test(text) && (goods.length > 0 || cancels.length === 0)) {
    const req = buildRequest(masked, goods, rooms[0]?.room ?? null, maxTemp, anchor);
    if (req) out.push(req);
  }
  if (out.length > 1) out.sort(byAnchor);
  const records: ParsedRecord[] = [];
  for (const a of out) records.push(a.record);
  return records;
}

function maxValue(m: number | null, t: TempHit): number | null {
  return m === null || t.value > m ? t.value : m;
}

/** Goods count as asked for only when the message asks: a verb, 能…吗, 麻烦, or a bare list of goods. */
function keepAskedFor(text: string, masked: string, found: ItemHit[]): ItemHit[] {
  let items = found;
  const frame = FRAME_RE.test(text);
  if (!TRIGGER_RE.test(text)) {
    // No verb at all: only a bare list of goods (口罩两个 / 2203 纸巾两包) asks for them; goods inside a
    // statement (36个口罩已经分好了) do not.
    items = items.filter(goodsLike);
    const named = CUSTOMER_PREFIX_RE.exec(masked)?.[0].length ?? 0;
    if (!frame && leftoverChars(masked, items, named) > 2) return [];
  }
  if (!frame) {
    let anyQty = false;
    for (const h of items) if (h.item.qty !== null) anyQty = true;
    if (!anyQty) return [];
  }
  return items;
}

/** Chinese characters left once the items are taken out: more than a couple means a sentence, not a list. */
function leftoverChars(masked: string, items: readonly ItemHit[], from: number): number {
  let n = 0;
  for (let i = from; i < masked.length; i++) {
    if (items.some((h) => i >= h.start && i < h.end)) continue;
    if (isCjk(masked[i])) n++;
  }
  return n;
}

const POLITE = ['谢谢', '麻烦', '请', '一下', '啊', '哈', '吧', '呀', '哦', '了', '还要', '还有', '和', '、'];

/** 口罩 / 2105 毛巾、牙刷 谢谢: a message that is only goods names asks for them (quarantine groups). */
function bareGoodsList(masked: string): ItemHit[] {
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
    const p = POLITE.find((x) => masked.startsWith(x, i));
    if (!p) return [];
    i += p.length;
  }
  return hits.length > 3 ? [] : hits;
}

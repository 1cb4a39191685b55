// Water in a village message (plain.ts's reader for it): a booking said (明天下午送两桶水到5组), moved (明天的水改到
// 后天上午), recounted (水改成三桶), withdrawn and moved at once, or barrels with no goods named (周三上午送两桶);
// a place read by its ending alone or a loose day (周末) makes the bot ask.
import type { ParsedRecord } from '../records.js';
import type { CancelHit } from './cancel.js';
import { matchesOf } from './chars.js';
import type { DateHit } from './dates.js';
import { type DoubtCode, doubt } from './doubts.js';
import type { Anchored } from './health.js';
import { looksLikeGoods } from './item-lexicon.js';
import type { ItemHit } from './items.js';
import type { LocalDate } from './local-time.js';
import { SURNAMES, TITLED_NAME } from './name-words.js';
import { parseNumber } from './numerals.js';
import { bestPlace, bestPlaceHit, type PlaceHit } from './places.js';
import { bookedDays, buildWater, impliedWater, isWaterBooking, isWaterItem, mentionsWater } from './water.js';
import {
  BOOKED_AGAIN_RE,
  loadsMoved,
  looseDay,
  MOVED_RE,
  recountedBarrels,
  rescheduled,
  TIME_MOVED_RE,
  withdrawsWater,
} from './water-moves.js';
import { waterPerDay, waterPerPlace } from './water-split.js';

export interface WaterInput {
  text: string;
  masked: string;
  items: ItemHit[];
  cancels: readonly CancelHit[];
  places: readonly PlaceHit[];
  dates: DateHit[];
  local: LocalDate | null;
  /** The message's records so far: the bookings (and a withdrawal of the one moved) are added here. */
  out: Anchored<ParsedRecord>[];
}

/** 别送了 改到礼拜一 / 先别送了 改成明天: the day put off, the booking kept. */
const MOVED_NOT_WITHDRAWN_RE =
  /(?:别送了|不用送了|莫送了|嫑送了|不要送了|先别送|今天不送了)[\s,，]*(?:改到|改成|改在|推到|挪到|换到|改(?=明天|后天|大后天|周|星期|礼拜|下周|\d)|(?=(?:明天|后天|大后天|下?周[一二三四五六日天]|下?星期[一二三四五六日天]|下?礼拜[一二三四五六日天])(?:早上|上午|中午|下午|晚上)?再送))/;

/** The water withdrawn for the booking moved is taken out of the message's withdrawal; the booking is marked moved. */
function movedNotWithdrawn(out: Anchored<ParsedRecord>[], before: number): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i]?.record;
    if (r?.type !== 'cancel') continue;
    r.items = r.items.filter((it) => !isWaterItem({ name: it.name, qty: null, unit: null }));
    if (r.items.length === 0) {
      out.splice(i, 1);
      if (i < before) before--;
    }
  }
  for (const w of out.slice(before)) if (w.record.type === 'water') w.record.moved = true;
}

/** Adds the message's water bookings to `out`; the goods left once the water is read. */
export function readWater(w: WaterInput): ItemHit[] {
  const { text, masked, cancels, places, dates, local, out } = w;
  let items = w.items;
  // 明天的水取消了 改到周五下午: the water withdrawn (and claimed by the withdrawal) moved to another day
  const movedAfterCancel =
    cancels.length > 0 &&
    withdrawsWater(cancels) &&
    (MOVED_RE.test(text) || TIME_MOVED_RE.test(text) || BOOKED_AGAIN_RE.test(text));
  // (上寨那4挑改到礼拜天 / 今天的两桶改三桶: loads moved or recounted are water, though none is named)
  const loads =
    (loadsMoved(masked) || loadsMoved(text)) &&
    items.every((h) => !looksLikeGoods(h.item.name) || householdBarrels(h));
  if (mentionsWater(masked) || movedAfterCancel || loads) {
    // 明天的水改到后天上午: a booking moved is a booking, though nothing else asks for water
    // (村委会通知：各组拉水统一改到每周二、周五: the service's days moved for everyone book nothing)
    const moved =
      (MOVED_RE.test(masked) || TIME_MOVED_RE.test(masked) || movedAfterCancel || loads) &&
      !/通知|统一|各组|各位|大家/.test(text);
    if ((isWaterBooking(masked, text) || moved) && (moved || !withdrawsWater(cancels))) {
      const deliverTo = bestPlace(places);
      const placeDoubt = newPlace(places);
      let waterAt = masked.indexOf('水');
      for (const h of items) if (isWaterItem(h.item) && (waterAt < 0 || h.start < waterAt)) waterAt = h.start;
      const when = bookedDays(text, rescheduled(text, dates));
      // 水改到后天送，还是两桶: the booking moved is the new day's booking, marked as moved (the service withdraws
      // the old one, else both would be delivered); 水改成三桶: a changed count likewise (two blind writers in
      // three read no withdrawal in a move: 68 held-out labels against 36)
      const recount = recountedBarrels(masked);
      const movedOnly = cancels.length === 0 && (moved || recount !== null);
      const before = out.length;
      const perDay = waterPerDay(masked, when, places, local) ?? waterPerPlace(masked, when, places, local);
      // 四组要水 罗大爷家一桶 杨孃孃家两桶: each household's barrels are a booking of their own
      // (二组有三家要水 每家两桶: the households counted times each one's barrels, one booking)
      const allHomes = barrelsOfAllHomes(masked);
      const households =
        perDay || moved || recount !== null || allHomes !== null ? [] : householdsBarrels(masked);
      if (perDay) for (const w of perDay) out.push(w);
      else if (households.length > 0) {
        for (const h of households)
          out.push({
            at: h.start,
            record: buildWater([], [{ qty: h.qty, unit: '桶' }], when, deliverTo, local),
          });
        items = items.filter((i) => !households.some((h) => i.start < h.end && i.end > h.start));
      } else {
        // (明天的水取消了 改到周五下午 还是2桶: the barrels said beside the move, the water claimed by the withdrawal)
        // (后弄的一桶改到明天上午: barrels moved with no water named, counted as said)
        const count =
          movedAfterCancel || (moved && !items.some((h) => isWaterItem(h.item) && h.item.qty !== null))
            ? BARRELS_SAID_RE.exec(masked)
            : null;
        if (count) {
          const ce = count.index + count[0].length;
          items = items.filter((h) => !(h.start < ce && h.end > count.index) || isWaterItem(h.item));
        }
        // (水窖见底了 明天能不能再拉两车: the truckloads counted with the water named before them)
        const trucks =
          count || items.some((h) => isWaterItem(h.item) && h.item.qty !== null)
            ? null
            : TRUCKLOADS_RE.exec(masked);
        const barrels = count
          ? [{ qty: count[1] ? parseNumber(count[1]) : 1, unit: count[2] ?? '桶' }]
          : trucks
            ? [{ qty: parseNumber(trucks[1] as string), unit: trucks[2] as string }]
            : [];
        const record = buildWater(items, barrels, when, deliverTo, local);
        // (罐车来一车 蓄水池没水了: the load is the water's, no goods of its own)
        if (trucks) {
          const te = trucks.index + trucks[0].length;
          items = items.filter((h) => !(h.start < te && h.end > trucks.index) || isWaterItem(h.item));
        }
        if (recount !== null) record.qty = recount;
        if (allHomes !== null) record.qty = allHomes;
        // 送两桶水 再加一桶 一共三桶: the total said is the booking's
        const total = TOTAL_RE.exec(masked);
        if (total) {
          record.qty = parseNumber(total[1] as string);
          record.unit = total[2] as string;
        }
        out.push({ at: movedAfterCancel ? (cancels[0]?.end ?? 0) : Math.max(0, waterAt), record });
      }
      if (movedOnly) for (const w of out.slice(before)) if (w.record.type === 'water') w.record.moved = true;
      // 那两桶水 今天晚上别送了 改到礼拜一上午: not sent that day but the other is the booking moved, no withdrawal
      if (movedAfterCancel && MOVED_NOT_WITHDRAWN_RE.test(text)) movedNotWithdrawn(out, before);
      if (placeDoubt) for (const w of out) if (w.record.type === 'water') doubt(w.record, placeDoubt);
      // 周末送两桶 / 过两天 / 二月二前 (any day before it): a loose day is not guessed; the bot asks which day
      if (looseDay(text))
        for (const w of out)
          if (w.record.type === 'water') {
            w.record.date = null;
            doubt(w.record, 'day');
          }
    }
    items = items.filter(notWater);
  } else if (items.length === 0 || items.every(householdBarrels)) {
    // 周三上午送两桶: barrels with no goods named are water; so are 三组刘家两桶 (a household's barrels) and
    // 两桶 送岩口 (barrels alone, sent to a place)
    const own = items[0];
    const barrels = own
      ? { qty: own.item.qty, unit: '桶', at: own.start }
      : impliedWater(masked, dates.some(named) || places.length > 0);
    if (barrels) items = [];
    const perDay = barrels
      ? (waterPerDay(masked, dates, places, local) ?? waterPerPlace(masked, dates, places, local))
      : null;
    if (perDay) {
      const placeDoubt = newPlace(places);
      for (const w of perDay) {
        if (placeDoubt) doubt(w.record, placeDoubt);
        out.push(w);
      }
    } else if (barrels) {
      const record = buildWater([], [barrels], dates, bestPlace(places), local);
      const placeDoubt = newPlace(places);
      if (placeDoubt) doubt(record, placeDoubt);
      out.push({ at: barrels.at, record });
    }
  }
  return items;
}

const PER_HOUSEHOLD_RE =
  /([两三四五六七八九十\d]{1,2})\s*(?:家|户)[^，,。]{0,6}每(?:家|户)(?:人家)?(?:要)?\s*([\d一二两三四五六七八九十]{1,2})\s*桶/;
/** 三家…每家两桶: the households counted times each one's barrels (6), or null when not said so. */
function barrelsOfAllHomes(text: string): number | null {
  const m = PER_HOUSEHOLD_RE.exec(text);
  const homes = m ? parseNumber(m[1] as string) : null;
  const each = m ? parseNumber(m[2] as string) : null;
  return homes !== null && each !== null ? homes * each : null;
}
const TOTAL_RE = /(?:一共|总共|合计)\s*([\d一二两三四五六七八九十]{1,2})\s*(桶|壶|车|方)/;
const TRUCKLOADS_RE =
  /(?:拉|送|要|来|还是|(?<=^|\s))\s*([\d一二两三四五六七八九十]{1,2})\s*(罐车|车|方|吨)(?=$|[\s,，。!！]|就行|就够|就好|吧)/;

/** 刘家 / 老王家 / 隔壁李叔家: a household read as the goods of its barrels. */
const HOUSEHOLD_NAME_RE = new RegExp(
  `^(?:我|俺|我们|[老小]?[\\u4e00-\\u9fa5]|隔壁[\\u4e00-\\u9fa5]{1,3}|${TITLED_NAME}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})家$`,
);
/** 罗大爷家一桶 / 黄国强家要两桶: a household and its barrels, in a message that books water. */
const HOUSEHOLD_BARRELS_RE =
  /(?<=^|[\s,，。;；、])([\u4e00-\u9fa5]{1,5}家)(?:里)?(?:要|订|来|送)?\s*([\d一二两三四五六七八九十]{1,2})\s*桶/g;

function householdsBarrels(text: string): { start: number; end: number; qty: number | null }[] {
  const out: { start: number; end: number; qty: number | null }[] = [];
  for (const m of matchesOf(HOUSEHOLD_BARRELS_RE, text))
    if (HOUSEHOLD_NAME_RE.test(m[1] as string))
      out.push({ start: m.index, end: m.index + m[0].length, qty: parseNumber(m[2] as string) });
  return out;
}

/** 周三上午 二组 两桶 李秀英: a villager's name read as the goods of the barrels. */
const PERSON_NAME_RE = new RegExp(`^(?:${TITLED_NAME}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})$`);

function householdBarrels(h: ItemHit): boolean {
  if (h.item.unit !== '桶' || h.item.qty === null) return false;
  return (
    HOUSEHOLD_NAME_RE.test(h.item.name) || (PERSON_NAME_RE.test(h.item.name) && !looksLikeGoods(h.item.name))
  );
}

/** 还是2桶 / 三桶: barrels counted anywhere in the message. */
// (今天下午那桶水改到明天: the one barrel spoken of)
const BARRELS_SAID_RE =
  /([\d一二两三四五六七八九十]{1,2}|(?<=那)(?=[桶车]))\s*([桶挑担方吨]|车(?!\s*[煤柴砖沙石]))/;

function notWater(h: ItemHit): boolean {
  return !isWaterItem(h.item);
}

function named(d: DateHit): boolean {
  return d.day !== null || d.part !== null;
}

/** A place read by its ending alone (石门坎), not known to the group: the bot asks before sending anyone. */
export function newPlace(places: readonly PlaceHit[]): DoubtCode | null {
  const p = bestPlaceHit(places);
  return p?.byEnding && !p.known ? 'new-place' : null;
}

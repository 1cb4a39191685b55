// 接龙: a header (#接龙 or a title line) followed by numbered lines (1. / 1、 / ① / (1) / "1 "), each a name and
// usually goods. The bot keeps a 接龙 as a list with its own identity and de-duplicates re-posts, so the
// structure is exposed; parseMessage turns each line that orders something into one order record.
import type {
  CancelRecord,
  DayPart,
  HealthRecord,
  Item,
  OrderRecord,
  RequestCategory,
  RequestRecord,
  WaterRecord,
} from '../records.js';
import { findDates, resolveDay } from './dates.js';
import { doubt } from './doubts.js';
import { categoryOf } from './item-lexicon.js';
import { headerProduct } from './jielong-header.js';
import { readLine } from './jielong-line.js';
import type { LocalDate } from './local-time.js';
import { chineseToNumber } from './numerals.js';
import { bestPlace, findPlaces } from './places.js';
import { freeStandingInLine } from './places-free.js';
import { findExplicitRooms } from './rooms.js';
import { isWaterItem } from './water.js';

export interface JielongLine {
  seq: number;
  raw: string;
  customer: string | null;
  items: Item[];
  /** "+1" under a one-product header: the product, quantity unknown (the bot asks). */
  plusOne?: boolean;
  /** 化肥跟去年一样: the goods as last time, quantity unknown (the bot asks). */
  asBefore?: boolean;
  /** 玉米种子3包（不要了）: the goods the line's owner struck out; the line orders nothing. */
  struck?: Item[];
}

export interface Jielong {
  header: string;
  product: string | null;
  lines: JielongLine[];
  /** A pasted table: its rows carry no number of their own (the records' seq is null). */
  unnumbered?: boolean;
  /** Rows after the numbered lines with no number of their own (以上都送下源). */
  footer?: string;
}

/** Longest 接龙 read; lines past this are ignored (a WeChat 接龙 rarely passes a few hundred). */
export const MAX_JIELONG_LINES = 500;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARK_RE =
  /^(?:(\d{1,3})\s*(?:[、)]|[.,:](?!\d))|\((\d{1,3})\)|([①-⑳])|(\d{1,3})(?=\s)|([一二三四五六七八九十]{1,3})、)\s*/;

function readMark(line: string): { seq: number; rest: string; spaced: boolean } | null {
  const m = MARK_RE.exec(line);
  if (!m) return null;
  const seq = m[1] ?? m[2] ?? m[4];
  const n =
    seq !== undefined
      ? Number(seq)
      : m[5] !== undefined
        ? (chineseToNumber(m[5]) ?? 0)
        : CIRCLED.indexOf(m[3] ?? '') + 1;
  if (n <= 0) return null;
  return { seq: n, rest: line.slice(m[0].length), spaced: m[4] !== undefined };
}

/** 3石老岩菜油1桶乌冬坡: the next number glued to the line after numbered ones (not 3袋米, a count). */
function gluedMark(
  line: string,
  last: number | undefined,
): { seq: number; rest: string; spaced: boolean } | null {
  const m =
    /^(\d{1,3})(?=[\u4e00-\u9fa5])(?![\u4e00-\u9fa5]?(?:袋|斤|桶|包|瓶|箱|个|盒|件|块|号|点|组|楼|栋))/.exec(
      line,
    );
  if (!m || last === undefined || Number(m[1]) !== last + 1) return null;
  return { seq: last + 1, rest: line.slice(m[0].length), spaced: false };
}

const EXAMPLE_LINE_RE = /示例|举例|(?:^|[\s.、）)])(?:例|如|格式)[:：]/;

export function readJielong(input: string): Jielong | null {
  if (!input.includes('\n')) return null;
  const rows = input.split('\n', MAX_JIELONG_LINES + 50);
  const headerRows: string[] = [];
  const numbered: { seq: number; raw: string; rest: string; spaced: boolean }[] = [];
  const footerRows: string[] = [];
  for (const row of rows) {
    const raw = row.trim();
    if (raw.length === 0) continue;
    const mark = readMark(raw) ?? gluedMark(raw, numbered[numbered.length - 1]?.seq);
    // (1. 龙满秀 复合肥2袋 ⏎ 2. 石光明 猪肉3斤: a list may start at its first line, with no heading)
    if (mark && (numbered.length > 0 || headerRows.length > 0 || mark.seq === 1)) {
      if (numbered.length < MAX_JIELONG_LINES) numbered.push({ ...mark, raw });
    } else if (numbered.length === 0) headerRows.push(raw);
    else footerRows.push(raw);
  }
  if (numbered.length === 0 || (headerRows.length === 0 && numbered.length < 2)) return null;
  const header = headerRows.join('\n');
  const keyword = header.includes('接龙');
  const spacedOnly = numbered.every((n) => n.spaced);
  if (!keyword && (numbered.length < 2 || spacedOnly)) return null;
  const hp = headerProduct(header);
  const lines = numbered.map((n) => readLine(n.seq, n.raw, n.rest, hp?.name ?? null, hp?.unit ?? null));
  if (!keyword) {
    const named = lines.filter((l) => l.customer !== null && l.items.length > 0).length;
    if (named * 2 < lines.length) return null;
  }
  return { header, product: hp?.name ?? null, lines, footer: footerRows.join('\n') };
}

/** The day and part a text names (a 接龙 header's 明天上午送, or a line's own 周三下午). */
function whenOf(text: string, local: LocalDate | null): { date: string | null; part: DayPart | null } {
  let date: string | null = null;
  let part: DayPart | null = null;
  // (周二送水登记（周一晚上8点截止）: the deadline is not the delivery's day)
  // (写清楚…上午还是下午: the choice asked for names no part)
  const said = text
    .replace(DEADLINE_RE, (m) => '|'.repeat(m.length))
    .replace(/(?:上午|早上)还是(?:下午|晚上)/g, (m) => '|'.repeat(m.length));
  for (const d of findDates(said)) {
    // #接龙 2月5日 送水登记（明天上午）: the day said last is the delivery's (the first may be the list's own)
    if (d.day !== null) date = resolveDay(d.day, local);
    if (part === null && d.part !== null) part = d.part;
  }
  return { date, part };
}

const DEADLINE_RE = /[（(][^）)]*(?:截止|之前报|前报)[^）)]*[）)]|[^，,。\s()（）]{0,10}截止/g;
const HEADER_PLACE_RE =
  /(?:(?:统一|一起|都)?(?:送到|送至|送往)\s*|(?:统一|一起|都)送(?![到至往货来上去过回水])[ \t]*)(?!各|每|家|户|周|礼拜|星期|今天|明天|后天|上午|下午|晚上|哪)([^\s，,。!！的:：]{2,8})|(?:^|\n)都送\s*([^\s，,。!！的]{2,8})\s*$|^\s*((?:\d{1,2}|[一二三四五六七八九十]{1,3})[组社队])\s*[:：]?\s*$/;
const COPY_RE = /同上|同前|一样的?$|跟上面一样/;
/** 以上都送下源 / 都送到三组: a place said for all the list's lines (group 1). */
const FOR_ALL_PLACE = String.raw`(?:以上|上面)?(?:的)?(?:都|统一|一起|全部|全都)(?:送到?|送至|送往)\s*(?!各|每|家|户)([^\s，,。!！的]{2,8}?)`;
/** …⏎以上都送下源: said on a row of its own under the list. */
const FOOTER_PLACE_RE = new RegExp(`^${FOR_ALL_PLACE}(?=$|[\\s，,。!！]|吧|哈|就)`, 'm');
/** …胡根宝 大米1袋 盐1包。都送石坑: said after the last row, in the same row. */
const LAST_LINE_PLACE_RE = new RegExp(`[。；;，,\\s]${FOR_ALL_PLACE}\\s*[。!！]?$`);

/**
 * #接龙 上寨 周四送 / #接龙 新寨 猪饲料: a hamlet standing alone in the heading is where the list goes (not an area,
 * 黄桷坡片区, nor the village itself: 七星洞村春耕物资代购).
 */
function standingPlace(header: string): string | null {
  const first = (header.split('\n', 1)[0] as string).replace(/^\s*[#＃]?\s*接龙/, ' ');
  const found = findPlaces(first).filter((p) => !/村$/.test(p.place));
  const p = found.length === 1 ? found[0] : undefined;
  if (!p) return null;
  const before = first[p.start - 1] ?? ' ';
  const rest = first.slice(p.end);
  return /[\s:：]/.test(before) && /^(?:\s|$)/.test(rest) ? p.place : null;
}

/**
 * One order per line that orders goods; a line booking drinking water (a 订水 接龙: 胡大爷 2桶 三组) is a
 * water booking instead, on the day its line or the header names.
 */
export function jielongOrders(
  j: Jielong,
  local: LocalDate | null = null,
  healthOf: ((line: string) => HealthRecord[]) | null = null,
  opts: { quarantine?: boolean } = {},
): (OrderRecord | WaterRecord | HealthRecord | CancelRecord | RequestRecord)[] {
  const out: (OrderRecord | WaterRecord | HealthRecord | CancelRecord | RequestRecord)[] = [];
  let headerWhen: { date: string | null; part: DayPart | null } | null = null;
  let headerRoom: string | null = null;
  // #接龙 明天统一送到3组晒坝: where the header sends everything is each line's place unless the line names one
  // (五组： over a volunteer's rows is where they all go)
  const hp = HEADER_PLACE_RE.exec(j.header);
  // (…⏎以上都送下源 / 都送到三组: a place said for all under the list holds for its lines as well)
  const headerPlace =
    hp?.[1] ??
    hp?.[2] ??
    hp?.[3] ??
    standingPlace(j.header) ??
    FOOTER_PLACE_RE.exec(j.footer ?? '')?.[1] ??
    LAST_LINE_PLACE_RE.exec(j.lines[j.lines.length - 1]?.raw ?? '')?.[1] ??
    null;
  let previous: Item[] = [];
  let previousPlace: string | null = null;
  for (const line0 of j.lines) {
    let line = line0;
    let copied = line.plusOne === true || line.asBefore === true;
    // 2. 邓光荣 同上: the line copies the one before (a guess the bot confirms)
    if (line.items.length === 0 && COPY_RE.test(line.raw) && previous.length > 0) {
      line = { ...line, items: previous.map((i) => ({ ...i })) };
      copied = true;
    }
    // 1. 廖文斌 示例：复合肥1袋 上围: the organiser's example line shows how to write, it orders nothing
    if (EXAMPLE_LINE_RE.test(line.raw)) continue;
    if (line.items.length > 0) previous = line.items;
    // 4. 刘德贵 玉米种子3包（不要了）: goods struck out are withdrawn
    if (line.struck && line.struck.length > 0) {
      out.push({ type: 'cancel', items: line.struck.map((i) => ({ name: i.name })) });
      continue;
    }
    if (line.items.length === 0) {
      // 体温接龙: 1. 2101 36.5 — a line with no goods may be a resident's temperature report
      if (healthOf) for (const h of healthOf(line.raw.replace(MARK_RE, ''))) out.push(h);
      continue;
    }
    // 王老幺 同上 / 钱大妈 鸡蛋2板 同上: a line copying the one before goes where it goes
    // (1. 王福田 花生种30斤 东庄: the name on the line is no place, even when it ends like one)
    const named = bestPlace(findPlaces(line.raw).filter((p) => p.place !== line.customer));
    // 1. 林秀珠 猪肉2斤 后洋: a word standing alone on the line, new to the bot (asked about)
    const free = named === null && headerPlace === null ? freeStandingInLine(line.raw, line.customer) : null;
    const own = named ?? free;
    const place: string | null =
      own ?? (COPY_RE.test(line.raw) && !line.asBefore ? previousPlace : null) ?? headerPlace;
    previousPlace = place;
    const goods = line.items.filter((i) => !isWaterItem(i));
    for (const w of line.items) {
      if (!isWaterItem(w)) continue;
      headerWhen ??= whenOf(j.header, local);
      const own = whenOf(line.raw, local);
      const date = own.date ?? headerWhen.date;
      const part = own.part ?? headerWhen.part;
      out.push({ type: 'water', qty: w.qty, unit: w.unit, date, part, deliverTo: place });
    }
    if (goods.length === 0) continue;
    // #接龙 需要代买洗衣粉的接一下 / 1. 2栋1108 一袋: in an observation site goods asked for are requests, one a line
    // and category, each in the room its line names
    if (opts.quarantine) {
      // (您好，1603房李婷，麻烦以下物品：1. … : a resident's own numbered list is in the room its header names)
      headerRoom ??= findExplicitRooms(j.header)[0]?.room ?? '';
      out.push(...lineRequests(line.raw, line.customer, goods, line.seq, headerRoom || null));
      continue;
    }
    const order: OrderRecord = {
      type: 'order',
      items: goods,
      deliverTo: place,
      customer: line.customer,
      seq: j.unnumbered ? null : line.seq,
    };
    if (copied) doubt(order, 'copied');
    if (free !== null && place === free) doubt(order, 'new-place');
    out.push(order);
  }
  return out;
}

/** One 接龙 line of an observation site as requests: one per category, in the room the line names. */
function lineRequests(
  raw: string,
  customer: string | null,
  goods: readonly Item[],
  seq: number | null,
  headerRoom: string | null,
): RequestRecord[] {
  // (3. 1206 洗衣粉一袋: the number the line opens with is its room)
  const room =
    findExplicitRooms(raw)[0]?.room ??
    (customer && /^\d{3,4}$/.test(customer) ? customer : null) ??
    headerRoom;
  const line = raw.replace(/^\s*\d{1,3}\s*[.、．)]\s*/, '').trim();
  const byCategory = new Map<RequestCategory, Item[]>();
  for (const i of goods) {
    const c = categoryOf(i.name);
    byCategory.set(c, [...(byCategory.get(c) ?? []), i]);
  }
  return [...byCategory].map(([category, items]) => ({
    type: 'request',
    category,
    urgent: false,
    items,
    room,
    jielongLine: { seq, line },
  }));
}

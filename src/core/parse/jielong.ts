// 接龙: a header (#接龙 or a title line) followed by numbered lines (1. / 1、 / ① / (1) / "1 "), each a name and
// usually goods. The bot keeps a 接龙 as a list with its own identity and de-duplicates re-posts, so the
// structure is exposed; parseMessage turns each line that orders something into one order record.
import type { Item, OrderRecord } from '../records.js';
import { goodsAt, goodsSuffix, isKnownGoods } from './item-lexicon.js';
import { extractItems } from './items.js';
import { findPlaces } from './places.js';
import { findQuantities } from './quantities.js';

export interface JielongLine {
  seq: number;
  raw: string;
  customer: string | null;
  items: Item[];
}

export interface Jielong {
  header: string;
  product: string | null;
  lines: JielongLine[];
}

/** Longest 接龙 read; lines past this are ignored (a WeChat 接龙 rarely passes a few hundred). */
export const MAX_JIELONG_LINES = 500;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARK_RE = /^(?:(\d{1,3})\s*[.、,:)](?!\d)|\((\d{1,3})\)|([①-⑳])|(\d{1,3})(?=\s))\s*/;
const PRICE_RE =
  /([\u4e00-\u9fa5]{1,8})\s*(?:\d+(?:\.\d+)?)\s*(?:元|块)(?:钱)?\s*(?:\/|每|一)\s*(公斤|kg|[斤袋桶箱瓶包个盒件提罐份])/;
const FILLER_RE =
  /#|接龙|团购|代购|代买|拼团|预订|预定|报名|统计|登记|开团|今日|今天|明天|本周|新鲜|特价|优惠|[，,。.!！:：\s]/g;

function readMark(line: string): { seq: number; rest: string; spaced: boolean } | null {
  const m = MARK_RE.exec(line);
  if (!m) return null;
  const seq = m[1] ?? m[2] ?? m[4];
  const n = seq !== undefined ? Number(seq) : CIRCLED.indexOf(m[3] ?? '') + 1;
  if (n <= 0) return null;
  return { seq: n, rest: line.slice(m[0].length), spaced: m[4] !== undefined };
}

function headerProduct(header: string): { name: string; unit: string | null } | null {
  const p = PRICE_RE.exec(header);
  if (p?.[1]) {
    const name = p[1].replace(FILLER_RE, '');
    const tail = goodsSuffix(name);
    if (name.length > 0) return { name: tail && name.length > 4 ? tail : name, unit: p[2] ?? null };
  }
  const found: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const w = goodsAt(header, i);
    if (w) {
      if (!found.includes(w)) found.push(w);
      i += w.length - 1;
    }
  }
  if (found.length === 1) return { name: found[0] as string, unit: null };
  return null;
}

/** Splits "张三 化肥2袋" / "张三：化肥两袋" / "张三化肥2袋" into the name and the rest. */
function splitCustomer(rest: string, firstItemAt: number): string | null {
  const head = rest.slice(0, firstItemAt).replace(/[\s:：,，、-]+$/, '');
  const cleaned = head.replace(/(?:要|买|订|定|来|需要|预订)+$/, '').trim();
  if (cleaned.length > 0 && cleaned.length <= 12 && !/\d{3,}/.test(cleaned)) return cleaned;
  const token = rest.trim().split(/[\s:：,，]+/)[0] ?? '';
  if (token.length > 0 && token.length <= 12 && !/\d/.test(token) && !isKnownGoods(token)) return token;
  return null;
}

function readLine(seq: number, raw: string, rest: string, product: Jielong['product'], unit: string | null) {
  const text = rest.trim();
  const productInfo = product ? { name: product, unit } : null;
  let hits = extractItems(text, { verbs: false, product: productInfo });
  if (hits.length === 0 && productInfo) {
    // "老王 5" under a one-product header: a bare small number is the quantity
    const m = /(?:^|\s)(\d{1,2}(?:\.5)?)\s*$/.exec(text);
    if (m?.[1] && findQuantities(text).length === 0) {
      const at = text.lastIndexOf(m[1]);
      hits = [{ start: at, end: text.length, item: { name: productInfo.name, qty: Number(m[1]), unit } }];
    }
  }
  // 张三化肥2袋: the name reader took 张三化肥; split off the known goods at its end
  const items = hits.map((h) => {
    const tail = goodsSuffix(h.item.name);
    if (tail && tail !== h.item.name && h.start === 0) {
      const cut = h.item.name.length - tail.length;
      return { hit: { ...h, start: h.start + cut }, item: { ...h.item, name: tail } };
    }
    return { hit: h, item: h.item };
  });
  const firstAt = items[0]?.hit.start ?? text.length;
  const customer = splitCustomer(text, firstAt);
  return { line: { seq, raw, customer, items: items.map((i) => i.item) }, text };
}

export function readJielong(input: string): Jielong | null {
  const rows = input.split('\n', MAX_JIELONG_LINES + 50);
  const headerRows: string[] = [];
  const numbered: { seq: number; raw: string; rest: string; spaced: boolean }[] = [];
  for (const row of rows) {
    const raw = row.trim();
    if (raw.length === 0) continue;
    const mark = readMark(raw);
    if (mark && (numbered.length > 0 || headerRows.length > 0)) {
      if (numbered.length < MAX_JIELONG_LINES) numbered.push({ ...mark, raw });
    } else if (numbered.length === 0) headerRows.push(raw);
  }
  if (headerRows.length === 0 || numbered.length === 0) return null;
  const header = headerRows.join('\n');
  const keyword = header.includes('接龙');
  const spacedOnly = numbered.every((n) => n.spaced);
  if (!keyword && (numbered.length < 2 || spacedOnly)) return null;
  const hp = headerProduct(header);
  const lines = numbered.map((n) => readLine(n.seq, n.raw, n.rest, hp?.name ?? null, hp?.unit ?? null).line);
  if (!keyword) {
    const named = lines.filter((l) => l.customer !== null && l.items.length > 0).length;
    if (named * 2 < lines.length) return null;
  }
  return { header, product: hp?.name ?? null, lines };
}

export function jielongOrders(j: Jielong): OrderRecord[] {
  const out: OrderRecord[] = [];
  for (const line of j.lines) {
    if (line.items.length === 0) continue;
    const place = findPlaces(line.raw)[0]?.place ?? null;
    out.push({ type: 'order', items: line.items, deliverTo: place, customer: line.customer, seq: line.seq });
  }
  return out;
}

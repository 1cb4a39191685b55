// A sender's correction of what the bot understood (issue 16): the bot's reply says what it read, and the
// answer fixes it — `不对，醋是两瓶`, `改成二十斤`, `不是36.8 是36.3`, `送到石门坎`, `味精不要了`, or the bot's reply
// quoted with the fix under it. Pure: the records understood before come in, the corrected records go out.
// Null when the text corrects nothing (a confirmation, thanks, or a new message the bot should read afresh).
import type { HealthRecord, Item, ParsedRecord } from '../records.js';
import { Mask, matchesOf } from './chars.js';
import { canonicalItemName, ITEM_ALIASES } from './item-aliases.js';
import { normalise, stripMentions, stripQuote, tightenDecimals } from './normalise.js';
import { scanNumbers } from './numbers.js';
import { findQuantities, type QtyHit } from './quantities.js';
import { findSlots } from './slots.js';
import { findTemperatures } from './temperature.js';

export interface CorrectionInput {
  text: string;
  /** The records the bot understood from the message being corrected (as it echoed them). */
  before: readonly ParsedRecord[];
}

const CONFIRM_RE = /^(?:对|对的|是的|是|没错|好的?|嗯|确认|可以|行|ok|OK)[!！。.~]*$/;
/** Words that mark the text as a fix of what was read (without one, a bare `醋是两瓶` still is). */
const MARKER_RE = /不对|错了|搞错|弄错|写错|打错|不是|改成|改为|改一下|换成|更正|纠正|应该是|是/;
const WRONG_RE = /不是|并非/g;
const REMOVE_RE = /不要了|不用了|去掉|删掉|删了|拿掉|不要/;
const PLACE_RE =
  /(?:送到|送去|放到|地址是|地方是|地点是|改到|改送到?|到)\s*([\u4e00-\u9fa5\d]{2,8}?)(?=[\s,，。!！]|谢谢|哈|吧|$)/;

type Goods = ParsedRecord & { items: Item[] };

function clone(rs: readonly ParsedRecord[]): ParsedRecord[] {
  return rs.map((r) => JSON.parse(JSON.stringify(r)) as ParsedRecord);
}

function withItems(r: ParsedRecord): r is Goods {
  return (r.type === 'order' || r.type === 'request') && Array.isArray(r.items);
}

/** 37.6写错了: the number before it is the wrong one. */
const RETRACTED_RE = /^\s*(?:是)?(?:写错|打错|错了|不对|搞错|弄错)/;

/** Spans after 不是 (up to the next clause break or 是): what the sender says was wrong. */
function wrongSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of matchesOf(WRONG_RE, text)) {
    let e = m.index + m[0].length;
    while (e < text.length && !/[\s,，。;；!！]/.test(text[e] as string) && text[e] !== '是') e++;
    out.push({ start: m.index, end: e });
  }
  for (const t of scanNumbers(text)) {
    if (RETRACTED_RE.test(text.slice(t.end, t.end + 6))) out.push({ start: t.start, end: t.end });
  }
  return out;
}

function inSpans(pos: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

/** Where each item of the records is named in the text (by its name or another name of the same goods). */
function mentions(text: string, items: readonly Item[]): { item: Item; start: number; end: number }[] {
  const out: { item: Item; start: number; end: number }[] = [];
  for (const item of items) {
    const at = text.indexOf(item.name);
    if (at >= 0) {
      out.push({ item, start: at, end: at + item.name.length });
      continue;
    }
    // 菜油 for 菜籽油: the same goods under another name
    const canon = canonicalItemName(item.name);
    const names = ITEM_ALIASES.find((a) => a.canonical === canon)?.aliases ?? [];
    for (const n of [...names].sort((a, b) => b.length - a.length)) {
      const k = text.indexOf(n);
      if (k >= 0) {
        out.push({ item, start: k, end: k + n.length });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The item a quantity fixes: the one named nearest before it in its clause, else after it, else the only one. */
function targetOf(
  text: string,
  q: QtyHit,
  named: readonly { item: Item; start: number; end: number }[],
  all: readonly Item[],
): Item | null {
  const clause = (i: number) => {
    let s = i;
    while (s > 0 && !/[,，。;；!！\n]/.test(text[s - 1] as string)) s--;
    return s;
  };
  const cs = clause(q.start);
  let best: Item | null = null;
  for (const m of named) if (m.end <= q.start && m.start >= cs) best = m.item;
  if (best) return best;
  const after = named.find((m) => m.start >= q.end && !/[,，。;；!！\n]/.test(text.slice(q.end, m.start)));
  if (after) return after.item;
  if (all.length === 1) return all[0] as Item;
  // 改成两袋: the one item counted in that measure
  const same = all.filter((i) => i.unit !== null && i.unit === q.unit);
  return same.length === 1 ? (same[0] as Item) : null;
}

function fixTemperatures(
  text: string,
  out: ParsedRecord[],
  wrong: readonly { start: number; end: number }[],
) {
  const health = out.filter((r): r is HealthRecord => r.type === 'health' && r.temperature !== null);
  if (health.length === 0) return false;
  const all = [...scanNumbers(text)]
    .filter((t) => t.frac !== null && t.int.length === 2)
    .map((t) => ({ start: t.start, value: Number(`${t.int}.${t.frac}`) }));
  const spoken = findTemperatures(text, scanNumbers(text), new Mask(text.length), findSlots(text));
  for (const s of spoken)
    if (!all.some((a) => a.start === s.start)) all.push({ start: s.start, value: s.value });
  const said = all.filter((t) => t.value >= 34 && t.value <= 43).sort((a, b) => a.start - b.start);
  const olds = said.filter((t) => inSpans(t.start, wrong));
  const news = said.filter((t) => !inSpans(t.start, wrong));
  const fresh = news[news.length - 1];
  if (!fresh) return false;
  const old = olds[0];
  const target =
    (old && health.find((h) => h.temperature === old.value)) ?? (health.length === 1 ? health[0] : null);
  if (!target) return false;
  target.temperature = Math.round(fresh.value * 10) / 10;
  return true;
}

function fixQuantities(text: string, out: ParsedRecord[], wrong: readonly { start: number; end: number }[]) {
  const goods = out.filter(withItems);
  const items = goods.flatMap((r) => r.items);
  if (items.length === 0) return false;
  const named = mentions(text, items);
  let changed = false;
  for (const q of findQuantities(text)) {
    if (inSpans(q.start, wrong) || q.qty === null) continue;
    const item = targetOf(text, q, named, items);
    if (!item) continue;
    item.qty = q.qty;
    if (q.unit !== null) item.unit = q.unit;
    changed = true;
  }
  // 不是白糖 是红糖: goods renamed
  const rename =
    /不是\s*([\u4e00-\u9fa5]{1,6})\s*[,，]?\s*(?:是|要|换成)\s*([\u4e00-\u9fa5]{1,6}?)(?=[\s,，。!！]|$)/.exec(
      text,
    );
  if (rename?.[1] && rename[2]) {
    const item = items.find(
      (i) => i.name === rename[1] || canonicalItemName(i.name) === canonicalItemName(rename[1] as string),
    );
    if (item && rename[2] !== item.name && findQuantities(rename[2]).length === 0) {
      item.name = rename[2];
      changed = true;
    }
  }
  return changed;
}

function removeItems(text: string, out: ParsedRecord[]): boolean {
  if (!REMOVE_RE.test(text)) return false;
  let changed = false;
  for (const r of out.filter(withItems)) {
    const gone = mentions(text, r.items).map((m) => m.item);
    if (gone.length === 0) continue;
    r.items = r.items.filter((i) => !gone.includes(i));
    changed = true;
  }
  return changed;
}

function fixPlace(text: string, out: ParsedRecord[]): boolean {
  const m = PLACE_RE.exec(text);
  const place = m?.[1];
  if (!place || /^\d+$/.test(place)) return false;
  let changed = false;
  for (const r of out) {
    if ((r.type === 'order' || r.type === 'water') && r.deliverTo !== place) {
      r.deliverTo = place;
      changed = true;
    }
  }
  return changed;
}

export function readCorrection(input: CorrectionInput): ParsedRecord[] | null {
  if (typeof input?.text !== 'string' || !Array.isArray(input.before) || input.before.length === 0)
    return null;
  const text = tightenDecimals(stripQuote(stripMentions(normalise(input.text)).trim()));
  if (text.length === 0 || text.length > 200 || CONFIRM_RE.test(text)) return null;
  const marked = MARKER_RE.test(text);
  const out = clone(input.before);
  const wrong = wrongSpans(text);
  let changed = fixTemperatures(text, out, wrong);
  const removed = removeItems(text, out);
  if (!removed) changed = fixQuantities(text, out, wrong) || changed;
  changed = fixPlace(text, out) || removed || changed;
  // Without a marker, only a fix that names goods already read counts (醋是两瓶 / 醋两瓶): anything else
  // is a new message.
  if (!changed || (!marked && !removed && !namesKnownGoods(text, input.before))) return null;
  // goods all taken back leave no order or request behind
  return out.filter((r, i) => {
    const was = input.before[i] as ParsedRecord;
    return !withItems(r) || r.items.length > 0 || !withItems(was) || was.items.length === 0;
  });
}

function namesKnownGoods(text: string, before: readonly ParsedRecord[]): boolean {
  return (
    mentions(
      text,
      before.filter(withItems).flatMap((r) => r.items),
    ).length > 0
  );
}

// What a staff fix teaches (issue 16): staff read a message the bot could not (待处理消息) and enter the records
// themselves; the words of the message those records stand on become site vocabulary, so the next such
// message is read right. Pure: (text, records staff entered) → the Vocabulary additions; nothing the parser
// already reads on its own is added.
import type { Item, ParsedRecord, Vocabulary } from '../records.js';
import { isCjk } from './chars.js';
import { parseMessage } from './index.js';
import { isKnownGoods } from './item-lexicon.js';
import { readNameBackward, readNameForward } from './names.js';
import { normalise } from './normalise.js';
import { findQuantities, UNITS } from './quantities.js';

export function vocabularyFromFix(text: string, records: readonly ParsedRecord[]): Vocabulary {
  if (typeof text !== 'string' || !Array.isArray(records)) return {};
  const t = normalise(text);
  const village = records.some((r) => r.type === 'order' || r.type === 'water');
  const read = parseMessage({ text: t, context: village ? 'village' : 'quarantine' });
  const places = new Set<string>();
  const names = new Set<string>();
  const rooms = new Set<string>();
  const units = new Set<string>();
  const goods: Record<string, string> = {};
  for (const r of records) {
    if ((r.type === 'order' || r.type === 'water') && r.deliverTo && t.includes(r.deliverTo)) {
      // read by its ending alone it was doubted: known now, the next one is not
      if (
        !read.some(
          (x) => (x.type === 'order' || x.type === 'water') && x.deliverTo === r.deliverTo && !x.unsure,
        )
      )
        places.add(r.deliverTo);
    }
    if (r.type === 'order' && r.customer && t.includes(r.customer)) {
      if (!read.some((x) => x.type === 'order' && x.customer === r.customer)) names.add(r.customer);
    }
    if ((r.type === 'health' || r.type === 'request') && r.room && t.includes(r.room)) {
      if (!read.some((x) => (x.type === 'health' || x.type === 'request') && x.room === r.room))
        rooms.add(r.room);
    }
    if (r.type !== 'order' && r.type !== 'request') continue;
    for (const item of r.items) {
      if (typeof item?.name !== 'string' || item.name.length === 0) continue;
      if (item.unit && t.includes(item.unit) && !UNITS.includes(item.unit)) units.add(item.unit);
      const written = writtenAs(t, item);
      if (written && !readItem(read, item)) goods[written] = item.name;
    }
  }
  const out: Vocabulary = {};
  if (places.size > 0) out.places = [...places];
  if (names.size > 0) out.names = [...names];
  if (rooms.size > 0) out.rooms = [...rooms];
  if (units.size > 0) out.units = [...units];
  if (Object.keys(goods).length > 0) out.goods = goods;
  return out;
}

function readItem(read: readonly ParsedRecord[], item: Item): boolean {
  return read.some(
    (r) => (r.type === 'order' || r.type === 'request') && r.items.some((i) => i.name === item.name),
  );
}

/**
 * The word in the text that staff entered as `item`: the name itself when written, else the name beside the
 * quantity staff entered (苞米两袋 entered as 玉米 2 袋 → 苞米).
 */
function writtenAs(text: string, item: Item): string | null {
  if (text.includes(item.name)) return isKnownGoods(item.name) ? null : item.name;
  const qs = findQuantities(text);
  const q =
    qs.find((x) => x.qty === item.qty && (item.unit === null || x.unit === item.unit)) ??
    (qs.length === 1 ? qs[0] : undefined);
  if (!q) return null;
  const starts = new Set(qs.map((x) => x.start));
  const span = readNameBackward(text, q.start) ?? readNameForward(text, q.end, starts);
  if (!span || span.name.length > 6 || ![...span.name].every(isCjk)) return null;
  return span.name;
}

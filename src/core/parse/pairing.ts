// The clause check behind `unsure` for goods (issue 16): after the item reader has bound quantities to goods by
// position, every counted quantity and every known goods word of the message must have found its partner.
// A quantity left over (化肥 尿素 两袋: whose are the bags?) or goods named beside counted goods with none of
// their own where quantities ran out means the reading may have slid by one: the record is flagged rather
// than acted on as a guess.

import { matchesOf } from './chars.js';
import { goodsAt, isKindOf } from './item-lexicon.js';
import { type ItemHit, notAsked } from './items.js';
import { findQuantities } from './quantities.js';

/** 菜油收到了 / 化肥够了 / 肉不要了: goods spoken of as settled are no loose end of the order. */
const SETTLED_RE = /^.{0,2}?(?:收到|送到了|送来了|到了|够了|还够|不要|莫带|别带|不用)/;

/** True when a quantity or a known goods word of `masked` is not part of any item read from it. */
export function unpaired(masked: string, items: readonly ItemHit[], goodsToo = true): boolean {
  if (items.length === 0) return false;
  // 白糖 醋两瓶 三包: a quantity reaching back over other goods to find its own is a guess
  for (const a of items)
    for (const b of items)
      if (a !== b && b.start > a.start && b.start < a.end && a.item.qty !== null) return true;
  const covered = new Uint8Array(masked.length);
  for (const h of items) covered.fill(1, h.start, h.end);
  for (const q of findQuantities(masked)) {
    if (q.unit === null || q.qty === null || covered[q.start] === 1) continue;
    // 大米一袋（50斤）: a size in brackets; 38块的那种: a price; 不是两袋: a quantity denied
    if (masked[q.start - 1] === '(' || /^[的钱]/.test(masked.slice(q.end, q.end + 1))) continue;
    if (/不是\s*$/.test(masked.slice(Math.max(0, q.start - 3), q.start)) || notAsked(masked, q.start))
      continue;
    return true;
  }
  // goods with no quantity of their own only matter when the others are counted (白糖 醋两瓶 三包)
  // (in a request goods are often named as the reason, 热水没了 能送壶开水吗: only quantities are checked)
  if (!goodsToo || !items.some((h) => h.item.qty !== null)) return false;
  for (let i = 0; i < masked.length; i++) {
    const w = goodsAt(masked, i);
    if (!w) continue;
    // 化肥不够用了 … 两袋复合肥: a general word beside its kind is that kind, no loose end
    if (
      covered[i] !== 1 &&
      w.length > 1 &&
      !items.some((h) => h.item.name === w || isKindOf(h.item.name, w)) &&
      !SETTLED_RE.test(masked.slice(i + w.length, i + w.length + 6))
    )
      return true;
    i += w.length - 1;
  }
  return false;
}

/** 哦不对 / 打错了 / 不是…是: the sender corrects what was just said. */
const CORRECTION_RE = /不对|打错了|说错了|写错了|搞错了|错了/g;

/**
 * 要两袋化肥 哦不对 三袋 / 要一百斤谷种 打错了 是十斤: a bare quantity after a correction, in the unit of the goods
 * counted before it, is their quantity. Sets it on the item and returns the quantity's span (no loose end), or
 * null when the message corrects nothing so.
 */
export function correctedQuantity(
  masked: string,
  items: readonly ItemHit[],
): { start: number; end: number } | null {
  if (items.length === 0 || !/不对|错了/.test(masked)) return null;
  let at = -1;
  let end = -1;
  for (const m of matchesOf(CORRECTION_RE, masked)) {
    at = m.index;
    end = m.index + m[0].length;
  }
  if (at < 0) return null;
  const q = findQuantities(masked.slice(end)).find((x) => x.unit !== null && x.qty !== null);
  if (!q || q.qty === null) return null;
  const span = { start: end + q.start, end: end + q.end };
  if (items.some((h) => h.start < span.end && h.end > span.start)) return null; // goods of its own
  let prev: ItemHit | undefined;
  for (const h of items) if (h.end <= at && h.item.unit === q.unit) prev = h;
  if (!prev) return null;
  prev.item.qty = q.qty;
  return span;
}

// A group-buy's replies: goods and a plus and a count (盐+2, 盐+1 菜油+1 后弄) order that many of each.
import { matchesOf } from './chars.js';
import { goodsAt } from './item-lexicon.js';
import type { ItemHit } from './items.js';

const PLUS_RE = /([\u4e00-\u9fa5]{1,6}?)\s*[+＋]\s*(\d{1,2})(?!\d|\.\d)/g;

/** Goods the lexicon knows, each with a plus and a count after it; none when any plus follows no goods. */
export function plusCounted(text: string): ItemHit[] {
  if (!text.includes('+') && !text.includes('＋')) return [];
  const out: ItemHit[] = [];
  for (const m of matchesOf(PLUS_RE, text)) {
    const said = m[1] as string;
    // (the goods word ends where the plus begins: 我要盐+2 is 盐)
    let name: string | null = null;
    for (let k = 0; k < said.length && name === null; k++) {
      const g = goodsAt(said, k);
      if (g && k + g.length === said.length) name = g;
    }
    if (name === null) return [];
    const start = m.index + said.length - name.length;
    out.push({ start, end: m.index + m[0].length, item: { name, qty: Number(m[2]), unit: null } });
    if (out.length >= 8) break;
  }
  return out;
}

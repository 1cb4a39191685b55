// A group-buy's replies: goods and a plus and a count (盐+2, 盐+1 菜油+1 后弄) order that many of each; goods and a
// round count said with no unit (洋芋种要一百二 羊角寨) order that many.
import { matchesOf } from './chars.js';
import { goodsAt } from './item-lexicon.js';
import type { ItemHit } from './items.js';
import { parseNumber } from './numerals.js';

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

/**
 * 洋芋种要一百二 羊角寨 / 魔芋种一百五送东沟 / 鸡苗要一百二: goods the lexicon knows and a count of a hundred or more said with
 * no unit (the unit goes without saying), standing before a space, 送 or the end — how many, unit null.
 */
const BARE_COUNT_RE =
  /([\u4e00-\u9fa5]{1,6}?)\s*(?:要|来|订)?\s*([一二两三四五六七八九]百(?:零?[一二三四五六七八九]十?)?|[1-9]\d{2,3})(?=$|\s|[,，。]|送)/g;

/**
 * Goods with a bare hundred-odd count after them; none when any such count follows no goods. `asked`: in a message of
 * its own, where the count must follow 要 or 订 and no price be said.
 */
export function bareCounted(text: string, asked = false): ItemHit[] {
  if (!/百|\d{3}/.test(text)) return [];
  // (复合肥一百四，尿素一百一: outside a 接龙 line a bare hundred-odd is a price, unless asked for with 要 and no money said)
  if (asked && /价|[元块钱]/.test(text)) return [];
  const out: ItemHit[] = [];
  for (const m of matchesOf(BARE_COUNT_RE, text)) {
    if (asked && !/(?:要|订)\s*$/.test(text.slice(m.index, m.index + m[0].length - (m[2] as string).length)))
      return [];
    const said = m[1] as string;
    let name: string | null = null;
    for (let k = 0; k < said.length && name === null; k++) {
      const g = goodsAt(said, k);
      // (魔芋种 / 柚苗: the seed or seedling of goods the lexicon knows)
      if (g && (k + g.length === said.length || /^[种苗]$/.test(said.slice(k + g.length))))
        name = said.slice(k);
    }
    const qty = parseNumber(m[2] as string);
    if (name === null || qty === null) return [];
    const start = m.index + said.length - name.length;
    out.push({ start, end: m.index + m[0].length, item: { name, qty, unit: null } });
    if (out.length >= 8) break;
  }
  return out;
}

// Titles in book-title marks (想看《三体》, 借一本《平凡的世界》): the work named is the goods asked for, leisure
// whatever its words say, counted by a count written right before the marks.
import type { Item, RequestCategory } from '../records.js';
import type { Extraction, ItemHit } from './item-extraction.js';
import { categoryOf } from './item-lexicon.js';
import type { QtyHit } from './quantities.js';

const TITLE_RE = /《\s*([^《》\n]{1,30}?)\s*》/g;
/** Goods taken from titles, so their category is leisure (a WeakSet: nothing is kept past the message). */
const TITLE_ITEMS = new WeakSet<Item>();
/** The general words a title makes precise (借书 … 《三体》 asks for one thing, the book named). */
const GENERAL_WORDS = new Set(['书', '小说', '书籍', '杂志', '电影', '碟', '光盘', '故事书', '漫画']);

/**
 * Takes each title as an item, counted by a quantity ending right before it (its start is returned so the
 * quantity reader leaves it). Returns the starts of the quantities used.
 */
export function takeTitles(x: Extraction, qtys: readonly QtyHit[]): Set<number> {
  const usedQtys = new Set<number>();
  if (!x.text.includes('《')) return usedQtys;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(x.text); m; m = TITLE_RE.exec(x.text)) {
    const name = (m[1] as string).trim();
    if (name.length === 0) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const q = qtys.find((h) => !h.suffix && /^\s*$/.test(x.text.slice(h.end, start)) && h.end <= start);
    // 借本《三体》: a measure word alone after the verb means one
    const one = !q && /[借要看买带送拿给来][本部套册]$/.test(x.text.slice(Math.max(0, start - 2), start));
    const unit = q?.unit ?? (one ? (x.text[start - 1] as string) : null);
    x.take({ start, end, name }, q?.qty ?? (one ? 1 : null), unit, q?.start ?? start, end);
    TITLE_ITEMS.add((x.hits[x.hits.length - 1] as ItemHit).item);
    if (q) usedQtys.add(q.start);
  }
  return usedQtys;
}

/** Without the general words (书, 小说) that a title beside them names more precisely. */
export function withoutWordsTitled(hits: ItemHit[]): ItemHit[] {
  if (!hits.some((h) => TITLE_ITEMS.has(h.item))) return hits;
  return hits.filter(
    (h) => TITLE_ITEMS.has(h.item) || h.item.qty !== null || !GENERAL_WORDS.has(h.item.name),
  );
}

/** The request category of an item: leisure for a title, else by its name. */
export function itemCategory(item: Item): RequestCategory {
  if (TITLE_ITEMS.has(item)) return 'leisure';
  // 整一床被: what comes by the 床 is bedding
  const category = categoryOf(item.name);
  return category === 'other' && item.unit === '床' ? 'daily' : category;
}

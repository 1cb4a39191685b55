// Goods counted per head: 我们一家三口 口罩每人要三个 is nine masks, 俺家五口人 一人两个 ten. The head count
// must be said in the same message (一家三口, 五口人, 我们四个人); without it 每人两个 is left as said.
import type { Mask } from './chars.js';
import { parseNumber } from './numerals.js';

const N = '[\\d一二两三四五六七八九十]{1,3}';
/** 每人 / 一人 / 每个人 before a count: who the count is for, never goods. */
const PER_HEAD_RE = new RegExp(`(?:每|一)个?人(?:要|各)?(?=\\s*${N}\\s*[个只包瓶盒袋支双副片])`, 'g');
const FIRST_PER_HEAD_RE = new RegExp(PER_HEAD_RE.source);
const HEADS_RE = new RegExp(
  `(?:一家|全家|家里|屋里|俺家|我家|我们家?|咱家)(${N})口(?:人)?|(${N})口人|(?:我们|俺们|咱们|家里)(?:一共|总共)?(${N})个人`,
);
const COUNT_AFTER_RE = new RegExp(`^\\s*(${N})\\s*([个只包瓶盒袋支双副片])`);

/** A cheap test before reading. */
export const mayCountPerHead = (text: string): boolean => text.includes('人');

export function maskPerHead(mask: Mask, text: string): void {
  for (const m of text.matchAll(PER_HEAD_RE)) mask.set(m.index, m.index + m[0].length);
}

/**
 * The goods counted per head, times the heads: the one item whose count and unit are those said after 每人.
 * Returns true when it changed one.
 */
export function countPerHead(
  text: string,
  items: readonly { qty: number | null; unit: string | null }[],
): boolean {
  const heads = HEADS_RE.exec(text);
  const per = heads ? FIRST_PER_HEAD_RE.exec(text) : null;
  if (!heads || !per) return false;
  const n = parseNumber((heads[1] ?? heads[2] ?? heads[3]) as string);
  const after = COUNT_AFTER_RE.exec(text.slice(per.index + per[0].length));
  const each = after ? parseNumber(after[1] as string) : null;
  if (n === null || each === null || n < 2 || n > 20) return false;
  const hit = items.filter((i) => i.qty === each && i.unit === after?.[2]);
  if (hit.length !== 1) return false;
  (hit[0] as { qty: number | null }).qty = n * each;
  return true;
}

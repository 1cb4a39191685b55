import { describe, expect, it } from 'vitest';
import {
  diffJielong,
  lineBody,
  type PostedLine,
  type StoredLine,
  uniqueSeqs,
} from '../../../src/core/village/jielong-diff.js';

const posted = (seq: number, customer: string | null, goods: string | null): PostedLine => ({
  seq,
  raw: `${seq}. ${customer ?? ''} ${goods ?? ''}`.trim(),
  customer,
  items: goods ? [{ name: goods, qty: 1, unit: '袋' }] : [],
  deliverTo: null,
});
const stored = (orderId: number, seq: number, customer: string | null, goods: string): StoredLine => ({
  orderId,
  seq,
  line: `${seq}. ${customer ?? ''} ${goods}`.trim(),
  customer,
});

const kinds = (changes: ReturnType<typeof diffJielong>) =>
  changes.map((c) =>
    c.kind === 'new'
      ? `new ${c.line.seq}`
      : c.kind === 'removed'
        ? `removed #${c.orderId}`
        : `${c.kind} #${c.orderId}→${c.line.seq}`,
  );

describe('diffJielong', () => {
  const before = [stored(1, 1, '老李', '尿素'), stored(2, 2, '刘婆婆', '菜油'), stored(3, 3, '张三', '大米')];

  it('finds nothing to do in a re-post of the same lines, and one new line at the end', () => {
    const again = [posted(1, '老李', '尿素'), posted(2, '刘婆婆', '菜油'), posted(3, '张三', '大米')];
    expect(kinds(diffJielong(before, again, 3))).toEqual(['same #1→1', 'same #2→2', 'same #3→3']);
    expect(kinds(diffJielong(before, [...again, posted(4, '王五', '化肥')], 3))).toEqual([
      'same #1→1',
      'same #2→2',
      'same #3→3',
      'new 4',
    ]);
  });

  it('tells a changed line by the name on it', () => {
    const changed = [posted(1, '老李', '尿素'), posted(2, '刘婆婆', '复合肥'), posted(3, '张三', '大米')];
    expect(kinds(diffJielong(before, changed, 3))).toEqual(['same #1→1', 'same #3→3', 'changed #2→2']);
  });

  it('follows renumbering after a deleted line and cancels that line when the copy is whole', () => {
    const renumbered = [posted(1, '老李', '尿素'), posted(2, '张三', '大米'), posted(3, '王五', '化肥')];
    expect(kinds(diffJielong(before, renumbered, 3))).toEqual([
      'same #1→1',
      'same #3→2',
      'new 3',
      'removed #2',
    ]);
  });

  it('cancels a line skipped in the middle even when the copy is shorter', () => {
    const skipped = [posted(1, '老李', '尿素'), posted(3, '张三', '大米')];
    expect(kinds(diffJielong(before, skipped, 3))).toEqual(['same #1→1', 'same #3→3', 'removed #2']);
  });

  it('keeps the tail of a partial copy (only the first lines re-posted)', () => {
    expect(kinds(diffJielong(before, [posted(1, '老李', '尿素')], 3))).toEqual(['same #1→1']);
  });

  it('does not hand one person’s order to another who posted on the same number', () => {
    const race = [posted(1, '老李', '尿素'), posted(2, '刘婆婆', '菜油'), posted(3, '赵六', '盐')];
    expect(kinds(diffJielong(before, race, 3))).toEqual(['same #1→1', 'same #2→2', 'new 3', 'removed #3']);
  });

  it('matches unnamed lines by number, and gives no order for a name-only line', () => {
    const unnamed = [stored(7, 1, null, '尿素')];
    expect(kinds(diffJielong(unnamed, [posted(1, null, '化肥'), posted(2, '王五', null)], 1))).toEqual([
      'changed #7→1',
    ]);
  });

  it('reads a line’s content without its number or spacing', () => {
    expect(lineBody('12、 老李  尿素2袋 ')).toBe('老李 尿素2袋');
    expect(lineBody('(3) 张三 大米')).toBe('张三 大米');
    expect(lineBody('③张三 大米')).toBe('张三 大米');
  });

  it('gives a second line with the same number the next free number', () => {
    expect(uniqueSeqs([{ seq: 1 }, { seq: 2 }, { seq: 2 }, { seq: 3 }])).toEqual([1, 2, 4, 3]);
  });
});

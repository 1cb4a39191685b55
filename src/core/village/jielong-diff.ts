// A re-posted 接龙 against the lines already turned into orders. Lines are matched by content first (a
// re-post may renumber after someone deletes their line), then by the name on the line, then by number
// when neither has a name. What is left over is new; a stored line that is gone counts as removed only
// when the re-post is a whole copy: as many lines as the last post or more, or a line that came after it.
import type { Item } from '../records.js';

export interface StoredLine {
  orderId: number;
  seq: number;
  /** The line as last posted. */
  line: string;
  customer: string | null;
}

export interface PostedLine {
  seq: number;
  raw: string;
  customer: string | null;
  items: Item[];
  deliverTo: string | null;
}

export type JielongChange =
  /** Unchanged content (possibly renumbered). */
  | { kind: 'same'; orderId: number; line: PostedLine }
  /** Same person's line, new content; `items` empty means they emptied it. */
  | { kind: 'changed'; orderId: number; line: PostedLine }
  | { kind: 'new'; line: PostedLine }
  | { kind: 'removed'; orderId: number; stored: StoredLine };

const MARK_RE = /^\s*(?:\d{1,3}\s*[.、,:)．，：）]|[(（]\d{1,3}[)）]|[①-⑳]|\d{1,3}(?=\s))\s*/;

/** A line without its number and with spacing folded, to compare content across renumbering. */
export function lineBody(raw: string): string {
  return raw.replace(MARK_RE, '').replace(/\s+/g, ' ').trim();
}

export function diffJielong(
  stored: readonly StoredLine[],
  posted: readonly PostedLine[],
  lastPostLineCount: number,
): JielongChange[] {
  const changes: JielongChange[] = [];
  const freeStored = new Set(stored.map((_, i) => i));
  const matchedPosted = new Set<number>();
  const matchedSeqs: number[] = [];

  const take = (pi: number, si: number, kind: 'same' | 'changed') => {
    const s = stored[si] as StoredLine;
    freeStored.delete(si);
    matchedPosted.add(pi);
    matchedSeqs.push(s.seq);
    changes.push({ kind, orderId: s.orderId, line: posted[pi] as PostedLine });
  };
  const pass = (match: (p: PostedLine, s: StoredLine) => boolean, kind: 'same' | 'changed') => {
    posted.forEach((p, pi) => {
      if (matchedPosted.has(pi)) return;
      for (const si of freeStored) {
        if (match(p, stored[si] as StoredLine)) {
          take(pi, si, kind);
          return;
        }
      }
    });
  };

  pass((p, s) => lineBody(p.raw) === lineBody(s.line), 'same');
  pass((p, s) => p.customer !== null && p.customer === s.customer, 'changed');
  pass((p, s) => p.customer === null && s.customer === null && p.seq === s.seq, 'changed');

  posted.forEach((p, pi) => {
    if (!matchedPosted.has(pi) && p.items.length > 0) changes.push({ kind: 'new', line: p });
  });
  const wholeCopy = posted.length >= lastPostLineCount;
  const lastMatched = matchedSeqs.length ? Math.max(...matchedSeqs) : 0;
  for (const si of freeStored) {
    const s = stored[si] as StoredLine;
    if (wholeCopy || s.seq < lastMatched) changes.push({ kind: 'removed', orderId: s.orderId, stored: s });
  }
  return changes;
}

/**
 * Line numbers as they will be stored: the posted number, or the next free one when a re-post has two
 * lines with the same number (two people appended at once).
 */
export function uniqueSeqs(lines: readonly { seq: number }[]): number[] {
  const used = new Set<number>();
  let max = Math.max(0, ...lines.map((l) => l.seq));
  return lines.map((l) => {
    let seq = l.seq;
    if (used.has(seq)) seq = ++max;
    used.add(seq);
    return seq;
  });
}

/**
 * Under a one-product header (`代买复合肥，报袋数`), a bare number (`老王 3`) is in the unit the other lines
 * use for that product, when they all use one.
 */
export function fillProductUnit<T extends { items: Item[] }>(lines: T[], product: string | null): T[] {
  if (!product) return lines;
  const units = new Set(
    lines.flatMap((l) => l.items.filter((i) => i.name === product && i.unit !== null).map((i) => i.unit)),
  );
  const [unit] = [...units];
  if (units.size !== 1 || !unit) return lines;
  return lines.map((l) => ({
    ...l,
    items: l.items.map((i) => (i.name === product && i.unit === null && i.qty !== null ? { ...i, unit } : i)),
  }));
}

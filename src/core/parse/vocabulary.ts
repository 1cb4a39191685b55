// The group's vocabulary (ParseInput.vocabulary) while one message is read: goods aliases and measure words
// staff have taught, so a known word is recognised even with no grammar around it. Parsing is synchronous, so
// the words in force are held here for the duration of one parseMessage call and cleared after it.
import type { Vocabulary } from '../records.js';

interface Active {
  /** Goods as written → the name to record. */
  goods: Map<string, string>;
  goodsByFirst: Map<string, string[]>;
  units: Map<string, string[]>;
  places: readonly string[];
}

let active: Active | null = null;

function byFirst(words: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of words) {
    if (typeof w !== 'string' || w.length === 0 || w.length > 12) continue;
    const list = out.get(w[0] as string) ?? [];
    list.push(w);
    out.set(w[0] as string, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

/** Runs `fn` with the vocabulary's goods and units in force. */
export function withVocabulary<T>(v: Vocabulary | undefined, fn: () => T): T {
  const goods = v?.goods && typeof v.goods === 'object' ? v.goods : null;
  const units = Array.isArray(v?.units) ? v.units : null;
  const places = Array.isArray(v?.places) ? v.places : [];
  if (!goods && !units && places.length === 0) return fn();
  const map = new Map<string, string>();
  for (const [k, name] of Object.entries(goods ?? {}))
    if (k.length > 0 && k.length <= 12 && typeof name === 'string' && name.length > 0) map.set(k, name);
  const before = active;
  active = { goods: map, goodsByFirst: byFirst(map.keys()), units: byFirst(units ?? []), places };
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** The places the group knows (a 接龙 line's place is read with them too). */
export function knownPlaces(): readonly string[] {
  return active?.places ?? [];
}

/** A goods word the group taught starting at i, or null. */
export function taughtGoodsAt(text: string, i: number): string | null {
  const list = active?.goodsByFirst.get(text[i] ?? '');
  if (!list) return null;
  for (const w of list) if (text.startsWith(w, i)) return w;
  return null;
}

export function isTaughtGoods(name: string): boolean {
  return active?.goods.has(name) ?? false;
}

/** The name staff record for goods written `name` (尿素 taught as 化肥), or the name itself. */
export function recordedName(name: string): string {
  return active?.goods.get(name) ?? name;
}

/** A measure word the group taught starting at i (背, 挑), or null. */
export function taughtUnitAt(text: string, i: number): string | null {
  const list = active?.units.get(text[i] ?? '');
  if (!list) return null;
  for (const w of list) if (text.startsWith(w, i)) return w;
  return null;
}

const strings = (a: unknown): string[] =>
  Array.isArray(a)
    ? a.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 20)
    : [];

/** The vocabulary with anything that is not a list of words dropped (it comes from stored site data). */
export function cleanVocabulary(v: unknown): Vocabulary | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const goods: Record<string, string> = {};
  if (o.goods && typeof o.goods === 'object' && !Array.isArray(o.goods)) {
    for (const [k, name] of Object.entries(o.goods as Record<string, unknown>))
      if (k.length > 0 && k.length <= 12 && typeof name === 'string' && name.length > 0) goods[k] = name;
  }
  return {
    places: strings(o.places),
    names: strings(o.names),
    rooms: strings(o.rooms),
    goods,
    units: strings(o.units),
  };
}

// Whole words rewritten to others (dialect to Mandarin, voice slips to the word meant) in one pass over the text:
// a char-code table of first and second characters lets most characters be skipped with a byte read, and the
// longest word starting at a place wins (唔该晒 before 唔该 before 唔).

export interface WordTable {
  readonly words: Readonly<Record<string, string>>;
  readonly byFirst: ReadonlyMap<string, readonly string[]>;
  /** 1: a one-character word starts with this code; 2: a longer word may (its second character is checked). */
  readonly first: Uint8Array;
  readonly second: Uint8Array;
}

export function wordTable(words: Readonly<Record<string, string>>): WordTable {
  const byFirst = new Map<string, string[]>();
  for (const w of Object.keys(words).sort((x, y) => y.length - x.length)) {
    const list = byFirst.get(w[0] as string) ?? [];
    list.push(w);
    byFirst.set(w[0] as string, list);
  }
  const first = new Uint8Array(0x10000);
  const second = new Uint8Array(0x10000);
  for (const w of Object.keys(words)) {
    const c = w.charCodeAt(0);
    first[c] = (first[c] ?? 0) | (w.length === 1 ? 1 : 2);
    if (w.length > 1) second[w.charCodeAt(1)] = 1;
  }
  return { words, byFirst, first, second };
}

/** `text` with every word of the table rewritten, or `text` itself when it holds none. */
export function replaceWords(text: string, table: WordTable): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = table.first[text.charCodeAt(i)] as number;
    if (f === 0 || (f === 2 && table.second[text.charCodeAt(i + 1)] === 0)) continue;
    const list = table.byFirst.get(text[i] as string);
    if (!list) continue;
    for (const w of list) {
      if (!text.startsWith(w, i)) continue;
      out += text.slice(from, i) + (table.words[w] as string);
      i += w.length - 1;
      from = i + 1;
      break;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

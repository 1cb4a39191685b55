// Snapshot of parseMessage's output over every labelled message (corpus and held-out sets) and a seeded set of
// generated strings (cuts, concatenations, character swaps of those messages), one JSON line per input.
// A speed refactor must leave the file byte for byte the same:
//   npx tsx scripts/parse-snapshot.ts OUT.txt && cmp BASE.txt OUT.txt
import fs from 'node:fs';
import path from 'node:path';
import { parseMessage } from '../src/core/parse/index.js';
import type { ParseInput } from '../src/core/records.js';
import { type CorpusCase, loadCorpus, loadSet, setFiles } from './corpus.js';

const out = process.argv[2] ?? '/work/perf-snapshots/current.txt';
const HELDOUT = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  'test',
  'fixtures',
  'heldout',
);

const cases: CorpusCase[] = [
  ...loadCorpus(),
  ...setFiles(HELDOUT).flatMap((f) => loadSet(path.join(HELDOUT, f))),
];

function input(c: Pick<CorpusCase, 'text' | 'at' | 'context' | 'vocabulary'>): ParseInput {
  return {
    text: c.text,
    at: c.at ? new Date(c.at) : undefined,
    context: c.context,
    vocabulary: c.vocabulary,
  };
}

// mulberry32: a small seeded generator, so the generated strings are the same each run
let seed = 20_260_101;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
const chars = [...new Set(cases.flatMap((c) => [...c.text]))];
const contexts = [undefined, 'quarantine', 'village'] as const;

const generated: ParseInput[] = [];
for (let k = 0; k < 8000; k++) {
  const a = pick(cases);
  const b = pick(cases);
  const ta = [...a.text];
  let t: string;
  switch (k % 5) {
    case 0: {
      // a random cut
      const i = Math.floor(rand() * (ta.length + 1));
      const j = i + Math.floor(rand() * (ta.length - i + 1));
      t = ta.slice(i, j).join('');
      break;
    }
    case 1:
      // two messages run together, with or without a separator
      t = a.text + pick(['', ' ', '，', '\n', '。']) + b.text;
      break;
    case 2: {
      // a few characters swapped for characters of the corpus
      const n = 1 + Math.floor(rand() * 3);
      for (let s = 0; s < n && ta.length > 0; s++) ta[Math.floor(rand() * ta.length)] = pick(chars);
      t = ta.join('');
      break;
    }
    case 3: {
      // a prefix of one and a suffix of another
      const tb = [...b.text];
      t =
        ta.slice(0, Math.floor(rand() * (ta.length + 1))).join('') +
        tb.slice(Math.floor(rand() * (tb.length + 1))).join('');
      break;
    }
    default: {
      // adjacent characters exchanged, a character dropped or doubled
      for (let s = 0; s < 2 && ta.length > 1; s++) {
        const i = Math.floor(rand() * (ta.length - 1));
        const r = rand();
        if (r < 0.4) [ta[i], ta[i + 1]] = [ta[i + 1] as string, ta[i] as string];
        else if (r < 0.7) ta.splice(i, 1);
        else ta.splice(i, 0, ta[i] as string);
      }
      t = ta.join('');
    }
  }
  const context = rand() < 0.7 ? a.context : pick(contexts);
  generated.push(
    input({ text: t, at: a.at, context, vocabulary: rand() < 0.5 ? a.vocabulary : b.vocabulary }),
  );
}

const inputs = [...cases.map(input), ...generated];
const lines: string[] = [];
for (const i of inputs) lines.push(JSON.stringify(parseMessage(i)));
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${inputs.length} inputs → ${out}`);

// The labelled sets: test/fixtures/parse (the corpus) and any directory of *.jsonl sets (held-out blind sets), one
// message a line with the records it should give; read for scoring (eval-parse.ts), the corpus test and bench:parse.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../src/core/parse/index.js';
import type { GroupContext, ParsedRecord, Vocabulary } from '../src/core/records.js';

export interface CorpusCase {
  file: string;
  line: number;
  text: string;
  at?: string;
  context?: GroupContext;
  vocabulary?: Vocabulary;
  /** Asking the sender about this message is an acceptable answer (its reading is open). */
  askOk?: boolean;
  expect: ParsedRecord[];
}

export const CORPUS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'test',
  'fixtures',
  'parse',
);

export function loadSet(file: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const name = path.basename(file);
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (l.trim().length === 0) return;
      const o = JSON.parse(l) as Omit<CorpusCase, 'file' | 'line'> & { records?: ParsedRecord[] };
      const expect = o.expect ?? o.records ?? [];
      cases.push({ ...o, file: name, line: i + 1, expect });
    });
  return cases;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  return setFiles(dir).flatMap((f) => loadSet(path.join(dir, f)));
}

export function setFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
}

export function runCase(c: CorpusCase): ParsedRecord[] {
  return parseMessage({
    text: c.text,
    at: c.at ? new Date(c.at) : undefined,
    context: c.context,
    vocabulary: c.vocabulary,
  });
}

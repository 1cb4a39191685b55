// Runs the labelled parse corpus (test/fixtures/parse/*.jsonl) and prints per-field accuracy as JSON.
// Exits non-zero when a target is missed. The scoring is exported for the corpus test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseMessage } from '../src/core/parse/index.js';
import type { GroupContext, HealthRecord, Item, ParsedRecord } from '../src/core/records.js';

export interface CorpusCase {
  file: string;
  line: number;
  text: string;
  at?: string;
  context?: GroupContext;
  expect: ParsedRecord[];
}

export const CORPUS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'test',
  'fixtures',
  'parse',
);
export const FEVER = 37.3;

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((l, i) => {
      if (l.trim().length === 0) return;
      const o = JSON.parse(l) as Omit<CorpusCase, 'file' | 'line'>;
      cases.push({ file, line: i + 1, ...o });
    });
  }
  return cases;
}

export function runCase(c: CorpusCase): ParsedRecord[] {
  return parseMessage({ text: c.text, at: c.at ? new Date(c.at) : undefined, context: c.context });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const temps = (rs: ParsedRecord[]) =>
  rs
    .filter((r): r is HealthRecord => r.type === 'health' && r.temperature !== null)
    .map((r) => r.temperature);
const itemKey = (i: Item) => `${i.name}|${i.qty}|${i.unit}`;
const itemsOf = (rs: ParsedRecord[]) =>
  rs.flatMap((r) => (r.type === 'request' || r.type === 'order' ? r.items.map(itemKey) : []));

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : Math.round((n / d) * 10000) / 10000;
}

export interface Failure {
  where: string;
  text: string;
  expect: ParsedRecord[];
  actual: ParsedRecord[];
}

export interface Report {
  cases: number;
  fullyRight: number;
  recordTypes: number;
  temperature: { recall: number; precision: number };
  fever: { expected: number; found: number; falseFevers: number };
  falseTemperatures: number;
  slot: number;
  symptoms: number;
  room: number;
  items: { precision: number; recall: number };
  dates: number;
  failures: Failure[];
  falseTemperatureCases: Failure[];
  missedFeverCases: Failure[];
}

function countMatches(
  expected: readonly (number | string | null)[],
  actual: readonly (number | string | null)[],
) {
  const pool = [...actual];
  let hit = 0;
  for (const e of expected) {
    const k = pool.indexOf(e);
    if (k >= 0) {
      hit++;
      pool.splice(k, 1);
    }
  }
  return { hit, extra: pool };
}

export function score(cases: readonly CorpusCase[]): Report {
  let full = 0;
  let types = 0;
  let tExp = 0;
  let tAct = 0;
  let tHit = 0;
  let fevers = 0;
  let feversFound = 0;
  let falseFevers = 0;
  let falseTemps = 0;
  let hPairs = 0;
  let slotOk = 0;
  let symOk = 0;
  let roomOk = 0;
  let iExp = 0;
  let iAct = 0;
  let iHit = 0;
  let wPairs = 0;
  let wOk = 0;
  const failures: Failure[] = [];
  const falseTemperatureCases: Failure[] = [];
  const missedFeverCases: Failure[] = [];
  for (const c of cases) {
    const actual = runCase(c);
    const f: Failure = { where: `${c.file}:${c.line}`, text: c.text, expect: c.expect, actual };
    if (same(actual, c.expect)) full++;
    else failures.push(f);
    if (
      same(
        actual.map((r) => r.type),
        c.expect.map((r) => r.type),
      )
    )
      types++;
    const te = temps(c.expect);
    const ta = temps(actual);
    const { hit, extra } = countMatches(te, ta);
    tExp += te.length;
    tAct += ta.length;
    tHit += hit;
    if (extra.length > 0) {
      falseTemps += extra.length;
      falseTemperatureCases.push(f);
    }
    const fe = te.filter((t) => (t as number) >= FEVER);
    const fa = ta.filter((t) => (t as number) >= FEVER);
    const fm = countMatches(fe, fa);
    fevers += fe.length;
    feversFound += fm.hit;
    falseFevers += fm.extra.length;
    if (fm.hit < fe.length) missedFeverCases.push(f);
    const he = c.expect.filter((r) => r.type === 'health');
    const ha = actual.filter((r) => r.type === 'health');
    he.forEach((e, i) => {
      const a = ha[i];
      if (!a) return;
      hPairs++;
      if (e.slot === a.slot) slotOk++;
      if (same([...e.symptoms].sort(), [...a.symptoms].sort())) symOk++;
      if (e.room === a.room) roomOk++;
    });
    const ie = itemsOf(c.expect);
    const ia = itemsOf(actual);
    const im = countMatches(ie, ia);
    iExp += ie.length;
    iAct += ia.length;
    iHit += im.hit;
    const we = c.expect.filter((r) => r.type === 'water');
    const wa = actual.filter((r) => r.type === 'water');
    we.forEach((e, i) => {
      const a = wa[i];
      wPairs++;
      if (a && e.date === a.date && e.part === a.part) wOk++;
    });
  }
  return {
    cases: cases.length,
    fullyRight: ratio(full, cases.length),
    recordTypes: ratio(types, cases.length),
    temperature: { recall: ratio(tHit, tExp), precision: ratio(tHit, tAct) },
    fever: { expected: fevers, found: feversFound, falseFevers },
    falseTemperatures: falseTemps,
    slot: ratio(slotOk, hPairs),
    symptoms: ratio(symOk, hPairs),
    room: ratio(roomOk, hPairs),
    items: { precision: ratio(iHit, iAct), recall: ratio(iHit, iExp) },
    dates: ratio(wOk, wPairs),
    failures,
    falseTemperatureCases,
    missedFeverCases,
  };
}

export const TARGETS = { fullyRight: 0.98 };

export function missedTargets(r: Report): string[] {
  const missed: string[] = [];
  if (r.fullyRight < TARGETS.fullyRight) missed.push(`fullyRight ${r.fullyRight} < ${TARGETS.fullyRight}`);
  if (r.fever.found < r.fever.expected) missed.push(`fevers found ${r.fever.found}/${r.fever.expected}`);
  if (r.fever.falseFevers > 0) missed.push(`false fevers ${r.fever.falseFevers}`);
  if (r.falseTemperatures > 0) missed.push(`false temperatures ${r.falseTemperatures}`);
  return missed;
}

function main(): void {
  const report = score(loadCorpus());
  const { failures, falseTemperatureCases, missedFeverCases, ...summary } = report;
  const verbose = process.argv.includes('--verbose');
  console.log(JSON.stringify(summary, null, 2));
  for (const f of verbose ? failures : failures.slice(0, 20)) {
    console.error(`✗ ${f.where} ${JSON.stringify(f.text)}`);
    console.error(`    expect ${JSON.stringify(f.expect)}`);
    console.error(`    actual ${JSON.stringify(f.actual)}`);
  }
  const missed = missedTargets(report);
  if (missed.length > 0) {
    console.error(`targets missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

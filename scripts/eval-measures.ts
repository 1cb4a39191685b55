// The measures eval-parse.ts scores by: a record's contract fields compared (`canonical`), the report's shape, and
// the small counts it is built from.
import type { HealthRecord, Item, ParsedRecord } from '../src/core/records.js';

export const FEVER = 37.3;

const FIELDS: Readonly<Record<ParsedRecord['type'], readonly string[]>> = {
  health: ['temperature', 'slot', 'symptoms', 'room', 'person'],
  request: ['category', 'urgent', 'items', 'room'],
  order: ['items', 'deliverTo', 'customer', 'seq'],
  water: ['qty', 'unit', 'date', 'part', 'deliverTo'],
  cancel: ['items'],
  command: ['name', 'args'],
};

/** A record's contract fields in a fixed order, `unsure` and internal fields left out, a null person dropped. */
export function canonical(r: ParsedRecord): string {
  const o = r as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { type: r.type };
  for (const f of FIELDS[r.type] ?? []) {
    if (f === 'person' && (o[f] === null || o[f] === undefined)) continue;
    out[f] = o[f] ?? null;
  }
  return JSON.stringify(out);
}

export function sameRecords(a: readonly ParsedRecord[], b: readonly ParsedRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (canonical(a[i] as ParsedRecord) !== canonical(b[i] as ParsedRecord)) return false;
  return true;
}

export const flagged = (rs: readonly ParsedRecord[]) => rs.some((r) => 'unsure' in r && r.unsure === true);
export const temps = (rs: ParsedRecord[]) =>
  rs
    .filter((r): r is HealthRecord => r.type === 'health' && r.temperature !== null)
    .map((r) => r.temperature);
export const itemKey = (i: Item) => `${i.name}|${i.qty}|${i.unit}`;
export const itemsOf = (rs: ParsedRecord[]) =>
  rs.flatMap((r) => (r.type === 'request' || r.type === 'order' ? r.items.map(itemKey) : []));

export function ratio(n: number, d: number): number {
  return d === 0 ? 1 : Math.round((n / d) * 10000) / 10000;
}

export interface Failure {
  where: string;
  text: string;
  expect: ParsedRecord[];
  actual: ParsedRecord[];
  /** Wrong with no record flagged `unsure`. */
  silent: boolean;
}

export interface Report {
  cases: number;
  fullyRight: number;
  /** Wrong and not flagged `unsure`: acted on as if right. */
  silentErrors: number;
  /** Wrong but flagged (asked about or kept for review); `askOk` lines among them. */
  flaggedWrong: number;
  askedOk: number;
  /** Right but flagged anyway on a line that does not allow asking: a needless question. */
  needlessFlags: number;
  /** Labels that demand a flag (`unsure: true`) where none came, or a flag where the label has none. */
  flagMismatches: number;
  /**
   * Calibration of `unsure`: per doubt code (records' `doubts`), the messages flagged with it that were read right
   * (a needless question) and wrong (a mistake caught). A code worth its questions catches more than it costs.
   */
  byDoubt: Record<string, { right: number; wrong: number }>;
  /** Per record type: labelled records read exactly, and messages holding one that are fully right. */
  byType: Record<string, { records: number; recordsRight: number; messages: number; messagesRight: number }>;
  recordTypes: number;
  temperature: { recall: number; precision: number };
  /** falseFevers counts every invented fever; unflagged ones only those not marked `unsure` (acted on). */
  fever: { expected: number; found: number; falseFevers: number; falseFeversUnflagged: number };
  falseTemperatures: number;
  slot: number;
  symptoms: number;
  room: number;
  items: { precision: number; recall: number };
  dates: number;
  failures: Failure[];
  falseTemperatureCases: Failure[];
  missedFeverCases: Failure[];
  flagMismatchCases: Failure[];
}

export function countMatches<T>(expected: readonly T[], actual: readonly T[]) {
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

/** Does the label's `unsure` agree with the parser's, record by record (only where records line up)? */
export function flagsAgree(expect: readonly ParsedRecord[], actual: readonly ParsedRecord[]): boolean {
  return expect.every((e, i) => {
    const a = actual[i];
    return !a || ('unsure' in e && e.unsure === true) === ('unsure' in a && a.unsure === true);
  });
}

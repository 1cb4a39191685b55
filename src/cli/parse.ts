// `shouwang parse`: JSON Lines in, one JSON line out per input line, same order (CONTRACT.md section 2).
// A bad line gets {"id", "error"} and the command goes on; blank lines are skipped.
import readline from 'node:readline';
import { parseMessage } from '../core/parse/index.js';
import { type GroupContext, type ParsedRecord, publicRecord } from '../core/records.js';

type ParsedLine = { id: unknown; records: ParsedRecord[] } | { id: unknown; error: string };

// An ISO 8601 date-time; without an offset it is read as Asia/Shanghai wall time (the contract's default zone).
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseInstant(value: string): Date | null {
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '0', zone] = m;
  let offsetMin = 8 * 60;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  } else if (zone !== undefined) offsetMin = 0;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(`0.${frac}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null; // 2020-02-30
  return new Date(utc - offsetMin * 60_000);
}

function isContext(v: unknown): v is GroupContext {
  return v === 'quarantine' || v === 'village';
}

/**
 * One input line to its output line. The reader never throws by design; should it ever, the line gets an error
 * naming it and the command goes on with the next one (one message can never stop the rest).
 */
export function handleLine(line: string, read: typeof parseMessage = parseMessage): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { id: null, error: 'not a JSON object' };
  }
  const o = value as Record<string, unknown>;
  const id = o.id === undefined ? null : o.id;
  if (typeof o.text !== 'string') return { id, error: 'missing string "text"' };
  let at: Date | undefined;
  if (o.at !== undefined && o.at !== null) {
    const parsed = typeof o.at === 'string' ? parseInstant(o.at) : null;
    if (parsed === null) return { id, error: 'invalid "at": expected an ISO 8601 instant' };
    at = parsed;
  }
  let context: GroupContext | undefined;
  if (o.context !== undefined && o.context !== null) {
    if (!isContext(o.context)) return { id, error: 'invalid "context": expected "quarantine" or "village"' };
    context = o.context;
  }
  try {
    return { id, records: read({ text: o.text, at, context }).map(publicRecord) };
  } catch (e) {
    return { id, error: `could not read the message: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = output.write(text, (err) => {
      if (err) reject(err);
    });
    if (ok) resolve();
    else output.once('drain', resolve);
  });
}

export async function runParse(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const rl = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line.length === 0) continue;
    await write(output, `${JSON.stringify(handleLine(line))}\n`);
  }
}

// Rules of a medical-observation period: the planned release date, which day of it a date is, what counts
// as a fever, which slot a report belongs to, and whether a reported value should be confirmed.
import { normalise } from '../parse/normalise.js';
import type { Slot } from '../records.js';
import { addDays, daysBetween, localDate, localParts } from '../time.js';

/** The planned release date: the start plus the observation days (start 2020-02-07, 14 days → 2020-02-21). */
export function plannedEndDate(start: string, days: number): string {
  return addDays(start, days);
}

/** Day N of the observation (the start date is day 1). */
export function observationDay(start: string, day: string): number {
  return daysBetween(start, day) + 1;
}

/** Whole days of the period as planned now (14, or more after an extension). */
export function observationLength(start: string, plannedEnd: string): number {
  return daysBetween(start, plannedEnd);
}

/**
 * A temperature at or above the site threshold is a fever (37.3 °C by default, the line China's
 * COVID-19 diagnosis and treatment protocol uses for 发热). Compared in tenths, as residents report.
 */
export function isFever(temperature: number | null, threshold: number): boolean {
  if (temperature === null) return false;
  return Math.round(temperature * 10) >= Math.round(threshold * 10);
}

/** The slot of a report: the one the text names, else morning before 12:00 local time, else evening. */
export function slotOf(named: Slot | null, at: Date, zone: string): Slot {
  return named ?? (localParts(at, zone).hour < 12 ? 'am' : 'pm');
}

/**
 * The day a reading is for: the local date of the message, or the day before. The parser says so for each
 * reading when the text ties it to a day (`earlier`); otherwise the text as a whole decides: it speaks of
 * 昨天/昨晚, and only an evening reading is yesterday's when it also speaks of now (昨晚37.5 今早36.5,
 * 昨晚烧到38了 现在36.8).
 */
export function reportDay(text: string, slot: Slot, at: Date, zone: string, earlier?: boolean): string {
  const day = localDate(at, zone);
  if (earlier !== undefined) return earlier ? addDays(day, -1) : day;
  if (!/昨(?:天|晚|夜|日)/.test(text)) return day;
  if (/今(?:天|早|晨|日)|现在|刚才|刚刚|刚量/.test(text) && slot === 'am') return day;
  return addDays(day, -1);
}

/** Values below this are almost always a misread thermometer or a typing slip. */
const LOWEST_PLAUSIBLE = 35;
/** …and above this a slip or an emergency: either way worth a question. */
const HIGHEST_PLAUSIBLE = 41;

/**
 * Whether to ask "您报告的体温是 36.5℃ 吗？": the number as typed was a slip the parser corrected (365,
 * 3.65, 36..5) or the value is implausible. A slip shows as the value's three digits with anything but a
 * single decimal point between the last two (the parser already reads 36。5 and ３６．５ as 36.5).
 */
export function needsConfirmation(text: string, temperature: number | null): boolean {
  if (temperature === null) return false;
  if (temperature < LOWEST_PLAUSIBLE || temperature > HIGHEST_PLAUSIBLE) return true;
  const digits = String(Math.round(temperature * 10));
  if (digits.length !== 3) return false;
  const [a, b, c] = digits;
  const re = new RegExp(`(?<![\\d.])${a}([.,，\\s]*)${b}([.,，\\s]*)${c}(?!\\d)`, 'g');
  for (const m of normalise(text).matchAll(re)) {
    if (!(m[1] === '' && m[2] === '.')) return true;
  }
  return false;
}

/**
 * The room number in a group nickname: 2105高, 2105-高先生, 高先生2105, 3-201李 (3栋201 → 3-201, as the
 * parser writes rooms). Null when there is none or more than one.
 */
export function roomInNickname(nickname: string): string | null {
  const s = normalise(nickname);
  const found = new Set<string>();
  const re = /(?<!\d)(\d{1,2})\s*(?:栋|幢|号楼|-)\s*(\d{3,4})(?!\d)|(?<!\d|\d-)(\d{3,5})(?!\d|-\d)/g;
  for (const m of s.matchAll(re)) {
    found.add(m[3] ?? `${Number(m[1])}-${m[2]}`);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}

/**
 * A room number as written in rosters and commands, the way the parser writes it: ２１０５ → 2105, 2105房 → 2105,
 * 3栋201 → 3-201, A座1205 / A区1205 / A1205 → A-1205; a building named by its side stays as written (西楼702).
 */
function buildingOf(s: string): string {
  return /^\d+$/.test(s) ? String(Number(s)) : s.toUpperCase();
}

export function normaliseRoom(input: string): string {
  const s = normalise(input).trim().replace(/\s+/g, '');
  const building = /^(\d{1,2})(?:栋|幢|号楼|-|#楼?)(\d{3,4})(?:号房间|号房|房间|房|室|号)?$/.exec(s);
  if (building) return `${Number(building[1])}-${building[2]}`;
  const lettered = /^([A-Za-z])(?:栋|幢|号楼|座|区|-|#)?(\d{3,4})(?:号房间|号房|房间|房|室|号)?$/.exec(s);
  if (lettered) return `${(lettered[1] as string).toUpperCase()}-${lettered[2]}`;
  // (A座6-12 / 3号楼6-12: a building, then its floor and room with a dash, as the parser writes it: A-6-12)
  const dashed =
    /^(\d{1,2}|[A-Za-z])(?:栋|幢|号楼|座|区|-|#)(\d{1,2})-(\d{1,2})(?:号房间|号房|房间|房|室|号)?$/.exec(s);
  if (dashed) return `${buildingOf(dashed[1] as string)}-${dashed[2]}-${dashed[3]}`;
  // (6号楼1单元302 / 6-1-302: a building, its stairway and the room, as the parser writes it)
  const unit = /^(\d{1,2})(?:栋|幢|号楼|-)(\d{1,2})(?:单元|-)(\d{3,4})(?:号房间|号房|房间|房|室|号)?$/.exec(
    s,
  );
  if (unit) return `${Number(unit[1])}-${Number(unit[2])}-${unit[3]}`;
  // (1108a / 1108A: a room with its letter after, upper-cased as the parser writes it)
  const suffixed = /^(\d{3,4})([A-Ha-h])(?:号房间|号房|房间|房|室|号)?$/.exec(s);
  if (suffixed) return `${suffixed[1]}${(suffixed[2] as string).toUpperCase()}`;
  const plain = /^(?:房间|房号)?[:：]?(\d{2,5})(?:号房间|号房|房间|房|室|号)?$/.exec(s);
  return plain ? (plain[1] as string) : s;
}

/**
 * Whether a later message in a slot leaves the slot's current report in place: one without a temperature
 * (a symptom, 体温正常) after one with a temperature only adds its symptoms, so a fever never disappears
 * from the digest behind a later "嗓子疼" or "正常". A message with a temperature replaces the report.
 */
export function keepsSlotReport(
  current: { temperature: number | null } | null,
  said: { temperature: number | null },
): boolean {
  return current !== null && current.temperature !== null && said.temperature === null;
}

/**
 * 早上测了37.5 又测了一次37.1: one message may hold a slot measured twice, each kept as a report. The service makes
 * the last report of a slot its current one, so within one day and slot the readings are filed highest last — a
 * fever measured once is never hidden by a lower second reading. Otherwise the order said is kept.
 */
export function highestLast<T extends { day: string; slot: Slot; temperature: number | null }>(
  readings: readonly T[],
): T[] {
  const groups = new Map<string, T[]>();
  for (const r of readings) {
    const key = `${r.day}|${r.slot}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: T[] = [];
  for (const g of groups.values())
    out.push(...(g.length > 1 ? [...g].sort((a, b) => (a.temperature ?? -1) - (b.temperature ?? -1)) : g));
  return out;
}

// Health records: one per temperature (two slots give two records), symptoms assigned to the slot whose part
// of the message they sit in; with no number, a record for symptoms or for 体温正常 / 一切正常 / 无不适.
import type { GroupContext, HealthRecord, Slot, SymptomCode } from '../records.js';
import { clauseEnd } from './chars.js';
import type { LocalDate } from './local-time.js';
import type { RoomHit } from './rooms.js';
import type { SlotHit } from './slots.js';
import type { NormalHit, SymptomHit } from './symptoms.js';
import type { TempHit } from './temperature.js';

export interface HealthInput {
  text: string;
  temps: readonly TempHit[];
  symptoms: readonly SymptomHit[];
  normals: readonly NormalHit[];
  slots: readonly SlotHit[];
  rooms: readonly RoomHit[];
  local: LocalDate | null;
  context: GroupContext | null;
}

export interface Anchored<T> {
  at: number;
  record: T;
}

function slotFromClock(local: LocalDate | null): Slot | null {
  if (local === null) return null;
  return local.hour < 12 ? 'am' : 'pm';
}

/**
 * 这两天晚上总是咳嗽，白天还好，体温…36.6: a slot word in an earlier clause that says when a symptom comes
 * is not when the temperature was taken.
 */
function whenOfSymptom(
  text: string,
  s: SlotHit,
  tempStart: number,
  symptoms: readonly SymptomHit[],
): boolean {
  const ce = clauseEnd(text, s.end);
  if (ce >= tempStart) return false;
  // 从昨晚开始一直低烧，37.5: a fever's time is its reading's time
  for (const x of symptoms) if (x.start >= s.end && x.start < ce && x.code !== 'fever') return true;
  return false;
}

function postfix(text: string, s: SlotHit, prevEnd: number): boolean {
  return s.start - prevEnd <= 2 && text[s.start - 1] === '(' && text[s.end] === ')';
}

function codesIn(symptoms: readonly SymptomHit[], from: number, to: number): SymptomCode[] {
  const codes: SymptomCode[] = [];
  for (const s of symptoms) {
    if (!s.negated && s.start >= from && s.start < to && !codes.includes(s.code)) codes.push(s.code);
  }
  return codes;
}

function roomFor(rooms: readonly RoomHit[], pos: number): string | null {
  let best: RoomHit | undefined;
  for (const r of rooms) if (r.end <= pos) best = r;
  return (best ?? rooms[0])?.room ?? null;
}

/** A short message that is only a room, a slot word and 正常. */
function shortReport(text: string, rooms: readonly RoomHit[]): boolean {
  let rest = text;
  for (const r of rooms) rest = rest.replace(r.room, '');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length <= 8;
}

/**
 * One record per room and slot: 我36.6 孩子36.9 / 我和老婆 36.4 36.7 are one room's report, kept as its highest
 * reading (so a fever in the room is never hidden) with every symptom named. Two slots (早36.3晚36.7) or two
 * rooms (2105 36.5 2106 36.7) stay apart.
 */
function sameReport(a: HealthRecord, b: HealthRecord): boolean {
  return a.room === b.room && a.slot === b.slot;
}

function mergeInto(into: HealthRecord, from: HealthRecord): void {
  if ((from.temperature ?? -1) > (into.temperature ?? -1)) into.temperature = from.temperature;
  for (const c of from.symptoms) if (!into.symptoms.includes(c)) into.symptoms.push(c);
}

const NOW_RE = /今天|现在|刚才|刚刚|目前|这会/;

export function buildHealth(h: HealthInput): Anchored<HealthRecord>[] {
  const { text, temps, symptoms, slots, rooms, local } = h;
  const out: Anchored<HealthRecord>[] = [];
  if (temps.length > 0) {
    const bounds: number[] = [0];
    for (let i = 1; i < temps.length; i++) {
      const prevEnd = (temps[i - 1] as TempHit).end;
      const start = (temps[i] as TempHit).start;
      const between = slots.filter((s) => s.start >= prevEnd && s.end <= start);
      bounds.push(between.length > 0 ? (between[between.length - 1] as SlotHit).start : prevEnd);
    }
    bounds.push(text.length);
    temps.forEach((t, i) => {
      const prevEnd = i === 0 ? 0 : (temps[i - 1] as TempHit).end;
      const nextStart = temps[i + 1]?.start ?? text.length;
      // 36.5（早） 36.8（晚）: a slot in brackets right after the previous reading is that reading's
      const before = slots.filter(
        (s) =>
          s.start >= prevEnd &&
          s.end <= t.start &&
          !(i > 0 && postfix(text, s, prevEnd)) &&
          !whenOfSymptom(text, s, t.start, symptoms),
      );
      const after = slots.find((s) => s.start >= t.end && s.start <= t.end + 2 && s.end <= nextStart);
      // 昨晚发烧了 今天退了 36.8: 今天 / 现在 after the slot word brings the reading back to now
      const said = before[before.length - 1];
      const now = said !== undefined && NOW_RE.test(text.slice(said.end, t.start));
      const slot = (now ? null : said?.slot) ?? after?.slot ?? slotFromClock(local);
      const record: HealthRecord = {
        type: 'health',
        temperature: t.value,
        slot,
        symptoms: codesIn(symptoms, bounds[i] as number, bounds[i + 1] as number),
        room: roomFor(rooms, t.start),
      };
      const last = out[out.length - 1]?.record;
      if (last && sameReport(last, record) && before.length === 0) {
        mergeInto(last, record);
      } else out.push({ at: t.start, record });
    });
    // 早上体温正常 晚上37.5: a slot reported normal without a number is a report of its own
    for (const n of h.normals) {
      if (n.weak) continue;
      let slot = slotFromClock(local);
      for (const s of slots) if (s.end <= n.start) slot = s.slot;
      if (out.some((a) => a.record.slot === slot)) continue;
      const record: HealthRecord = { type: 'health', temperature: null, slot, symptoms: [], room: null };
      record.room = roomFor(rooms, n.start);
      out.push({ at: n.start, record });
      out.sort((a, b) => a.at - b.at);
    }
    return out;
  }
  const positive = codesIn(symptoms, 0, text.length);
  const slot = slots[0]?.slot ?? slotFromClock(local);
  if (positive.length > 0 && h.context !== 'village') {
    const first = symptoms.find((s) => !s.negated) as SymptomHit;
    const record: HealthRecord = { type: 'health', temperature: null, slot, symptoms: positive, room: null };
    record.room = roomFor(rooms, first.start);
    return [{ at: first.start, record }];
  }
  const strong = h.normals.find((n) => !n.weak);
  const negated = symptoms.find((s) => s.negated);
  const weak = h.normals.find((n) => n.weak && shortReport(text, rooms));
  const anchor = strong ?? negated ?? weak;
  if (anchor && (positive.length === 0 || h.context === 'village')) {
    return [
      {
        at: anchor.start,
        record: { type: 'health', temperature: null, slot, symptoms: [], room: roomFor(rooms, anchor.start) },
      },
    ];
  }
  return out;
}

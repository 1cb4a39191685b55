// Several bookings in one message: two days or two parts of a day, each with its barrels (明天送两桶 后天再送一桶),
// or two places, each with its own (明天上午送两担水到后墩，再加一桶到岭头 / 高台送两桶水 大沟送三桶).
import type { DayPart, WaterRecord } from '../records.js';
import { type DateHit, type DayRef, resolveDay } from './dates.js';
import type { LocalDate } from './local-time.js';
import type { PlaceHit } from './places.js';
import { findQuantities, type QtyHit } from './quantities.js';
import { BOOKED_UNITS, partToday, receivedOnly } from './water.js';

const EACH_RE = /(?:各|都|每天(?:上午|下午|晚上|早上|\|+)?)(?:送|要|订|来)?\s*[\d一二两三四五六七八九十]/;

/**
 * 明天送两桶到三组 后天再送一桶: two days, each with its own barrels, are two bookings. Null unless every day
 * named has a number of barrels after it (one day, or days without barrels, make one booking).
 */
export function waterPerDay(
  text: string,
  dates: readonly DateHit[],
  places: readonly PlaceHit[],
  local: LocalDate | null,
): { at: number; record: WaterRecord }[] | null {
  let days = dates.filter((d) => d.day !== null);
  // 明天上午两桶 下午再送两桶: one day, two parts of it, each with its own barrels (the day holds for both)
  let byPart = false;
  if (days.length < 2) {
    const parts = dates.filter((d) => d.part !== null);
    if (parts.length < 2 || new Set(parts.map((d) => d.part)).size < parts.length) return null;
    days = parts;
    byPart = true;
    // 坳上 上午两桶到了 明天下午再要两桶: the part told of as delivered books nothing; the rest is one booking
    const asked = days.filter(
      (d, i) => !receivedOnly(text.slice(d.start, days[i + 1]?.start ?? text.length)),
    );
    if (asked.length === 0) return null;
    days = asked;
  }
  const out: { at: number; record: WaterRecord }[] = [];
  let day: DayRef | null = byPart
    ? (dates.find((d) => d.day !== null && d.start <= (days[0] as DateHit).end)?.day ?? null)
    : null;
  // 明天上午和后天上午各送一桶水: the days joined, then each given the same barrels
  const last = days[days.length - 1] as DateHit;
  const each = EACH_RE.exec(text.slice(last.end));
  const shared =
    each &&
    days.every(
      (d, i) =>
        i === 0 ||
        /^[\s|和跟、及与还有,，]*$/.test(
          text.slice((days[i - 1] as DateHit).end, d.start).replace(/上午|下午|晚上|早上|中午|傍晚/g, ''),
        ),
    )
      ? findQuantities(text.slice(last.end + each.index)).find(
          (q) => q.unit !== null && BOOKED_UNITS.has(q.unit),
        )
      : undefined;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as DateHit;
    const end = days[i + 1]?.start ?? text.length;
    const barrels =
      shared ??
      findQuantities(text.slice(d.end, end)).find((q) => q.unit !== null && BOOKED_UNITS.has(q.unit));
    if (!barrels) return null;
    let part: DayPart | null = d.part;
    if (!byPart)
      for (const p of dates)
        if (part === null && p.day === null && p.start >= d.end && p.end <= end) part = p.part;
    // 明天和后天下午各送一桶: the part said once after the days is each day's
    if (part === null && shared)
      part = dates.find((p) => p.day === null && p.part !== null && p.start >= last.end)?.part ?? null;
    const place = places.find((p) => p.start >= d.start && p.start < end) ?? places[0];
    day = d.day ?? day;
    const record: WaterRecord = {
      type: 'water',
      qty: barrels.qty,
      unit: barrels.unit,
      date: day === null ? partToday(part, local) : resolveDay(day, local),
      part,
      deliverTo: place?.place ?? null,
    };
    out.push({ at: d.start, record });
  }
  return out;
}

/**
 * One booking per place when places and counted barrels alternate one to one (place, barrels, place, barrels or
 * barrels, place, barrels, place); null otherwise, and the message is one booking as before.
 */
export function waterPerPlace(
  text: string,
  dates: readonly DateHit[],
  places: readonly PlaceHit[],
  local: LocalDate | null,
): { at: number; record: WaterRecord }[] | null {
  const ps: PlaceHit[] = [];
  for (const p of [...places].sort((a, b) => a.start - b.start))
    if (!ps.some((q) => q.place === p.place || (p.start < q.end && p.end > q.start))) ps.push(p);
  if (ps.length < 2) return null;
  const qs = findQuantities(text).filter(
    (q) =>
      q.qty !== null &&
      q.unit !== null &&
      BOOKED_UNITS.has(q.unit) &&
      !ps.some((p) => q.start < p.end && q.end > p.start) &&
      !dates.some((d) => q.start < d.end && q.end > d.start),
  );
  if (qs.length !== ps.length || !alternate(ps, qs)) return null;
  const out: { at: number; record: WaterRecord }[] = [];
  const ends = ps.map((p, i) => Math.max(p.end, (qs[i] as QtyHit).end));
  const last = ends[ends.length - 1] as number;
  // 后墩两担 岭头一桶 明天上午: a day said after every booking holds for each
  const after = dates.filter((d) => d.start >= last);
  let day: DayRef | null = after.find((d) => d.day !== null)?.day ?? null;
  let part: DayPart | null = after.find((d) => d.part !== null)?.part ?? null;
  for (let i = 0; i < ps.length; i++) {
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    const own = dates.filter((d) => d.start >= from && d.start < (ends[i] as number));
    day = own.find((d) => d.day !== null)?.day ?? day;
    part = own.find((d) => d.part !== null)?.part ?? part;
    const q = qs[i] as QtyHit;
    out.push({
      at: Math.min((ps[i] as PlaceHit).start, q.start),
      record: {
        type: 'water',
        qty: q.qty,
        unit: q.unit,
        date: day === null ? partToday(part, local) : resolveDay(day, local),
        part,
        deliverTo: (ps[i] as PlaceHit).place,
      },
    });
  }
  return out;
}

function alternate(ps: readonly PlaceHit[], qs: readonly QtyHit[]): boolean {
  const placeFirst = (ps[0] as PlaceHit).start < (qs[0] as QtyHit).start;
  const seq = placeFirst
    ? ps.map((p, i) => [p.start, (qs[i] as QtyHit).start])
    : qs.map((q, i) => [q.start, (ps[i] as PlaceHit).start]);
  const flat = seq.flat();
  return flat.every((v, i) => i === 0 || v > (flat[i - 1] as number));
}

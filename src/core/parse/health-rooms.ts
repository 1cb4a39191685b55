// Readings and reports said of several rooms at once: `2106 2108 都36.5`, `2101 2103 晚上都正常`.
import type { HealthRecord } from '../records.js';
import type { RoomHit } from './rooms.js';
import type { TempHit } from './temperature.js';

/** Each reading said of several rooms listed just before it (`2106 2108 都36.5`) is each room's, in place. */
export function shareAmongRooms(
  text: string,
  rooms: readonly RoomHit[],
  temps: readonly TempHit[],
  out: { at: number; record: HealthRecord }[],
): void {
  temps.forEach((t, i) => {
    const prevEnd = i === 0 ? 0 : (temps[i - 1] as TempHit).end;
    const here = rooms.filter((r) => r.start >= prevEnd && r.end <= t.start);
    const last = here[here.length - 1];
    if (here.length < 2 || !last || !/^\s*(?:都是|都|均为|均|全是|全都)/.test(text.slice(last.end, t.start)))
      return;
    const at = out.findIndex((a) => a.at === t.start);
    const one = out[at];
    if (!one || one.record.person !== undefined) return;
    one.record.room = (here[0] as RoomHit).room;
    const more = here.slice(1).map((r) => ({
      at: t.start,
      record: { ...one.record, symptoms: [...one.record.symptoms], room: r.room },
    }));
    out.splice(at + 1, 0, ...more);
  });
}

/** 2101 2103 晚上都正常: rooms listed, then all said to be well, are a report each. */
export function wellInEachRoom(
  text: string,
  rooms: readonly RoomHit[],
  at: number,
  record: HealthRecord,
): { at: number; record: HealthRecord }[] {
  const all = rooms.filter((r) => r.end <= at);
  const last = all[all.length - 1];
  if (
    all.length < 2 ||
    !last ||
    !record.room ||
    !/^\s*[^\d，,。]{0,4}(?:都|均|全)/.test(text.slice(last.end))
  )
    return [{ at, record }];
  return all.map((r) => ({ at, record: { ...record, symptoms: [], room: r.room } }));
}

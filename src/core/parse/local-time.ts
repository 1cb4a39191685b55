// Wall-clock parts of an instant in a site's zone as the parser reads dates, computed without the
// process zone.
import { DEFAULT_ZONE, type LocalParts, localParts } from '../time.js';

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/**
 * The wall-clock moment of an instant in a site's zone, with its weekday, for reading 明天, 周三, 晚上.
 * core/time's localParts does the zone arithmetic (one place for it); an unknown zone name reads as the
 * default zone rather than failing the parse. Null for a missing or invalid instant.
 */
export function localMoment(at: Date | undefined, zone: string | undefined): LocalDate | null {
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) return null;
  let p: LocalParts;
  try {
    p = localParts(at, zone ?? DEFAULT_ZONE);
  } catch {
    p = localParts(at, DEFAULT_ZONE);
  }
  const dow = p.weekday;
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    weekday: dow === 0 ? 7 : dow,
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The local calendar date `days` after `base`, as YYYY-MM-DD. */
export function addDays(base: { year: number; month: number; day: number }, days: number): string {
  const d = new Date(Date.UTC(base.year, base.month - 1, base.day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

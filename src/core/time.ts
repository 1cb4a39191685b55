// Wall-clock arithmetic in an explicit IANA zone (Asia/Shanghai by default), independent of the
// machine's zone. Built on Intl, which carries the zone database.

/** The zone of a site that sets none (CONTRACT: Asia/Shanghai wall-clock by default). */
export const DEFAULT_ZONE = 'Asia/Shanghai';

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function localParts(at: Date, zone: string): LocalParts {
  const t = at.getTime();
  // A zone's offset holds for the quarter hour (every change since 1970 falls on one): looked up once a
  // quarter hour per zone (Intl's formatToParts costs a good deal per call; every message asks).
  if (!(t >= 0)) return partsOf(at, zone);
  const bucket = Math.floor(t / QUARTER_HOUR_MS);
  let seen = offsets.get(zone);
  if (!seen) {
    seen = new Map();
    offsets.set(zone, seen);
  }
  let offset = seen.get(bucket);
  if (offset === undefined) {
    const p = partsOf(at, zone);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
    if (seen.size >= 4096) seen.clear();
    seen.set(bucket, offset);
  }
  const w = new Date(t + offset);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    weekday: w.getUTCDay(),
  };
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Per zone: UTC offset in ms by quarter hour since 1970. */
const offsets = new Map<string, Map<number, number>>();

function partsOf(at: Date, zone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(at)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS[p.weekday ?? 'Sun'] ?? 0,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date, YYYY-MM-DD. */
export function localDate(at: Date, zone: string): string {
  const p = localParts(at, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local clock time, HH:MM. */
export function localTime(at: Date, zone: string): string {
  const p = localParts(at, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

function offsetMs(at: Date, zone: string): number {
  const p = localParts(at, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` shows `date` (YYYY-MM-DD) and `time` (HH:MM). */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even next to a daylight-saving change.
  let guess = wall - offsetMs(new Date(wall), zone);
  guess = wall - offsetMs(new Date(guess), zone);
  return new Date(guess);
}

/** Calendar arithmetic on YYYY-MM-DD strings. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The start of the local day containing `at`. */
export function startOfLocalDay(at: Date, zone: string): Date {
  return zonedInstant(localDate(at, zone), '00:00', zone);
}

/** Years a date given by a person or a caller may name: wider ones are typing slips or attacks. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** A real calendar date YYYY-MM-DD between FIRST_YEAR and LAST_YEAR. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The days from `from` to `to`, both included, at most `max` of them. Counted, not compared as strings:
 * a loop that compares YYYY-MM-DD strings never ends once a date passes the year 9999.
 */
export function eachDay(from: string, to: string, max: number): string[] {
  const n = Math.min(daysBetween(from, to) + 1, max);
  const days: string[] = [];
  for (let i = 0; i < n; i++) days.push(addDays(from, i));
  return days;
}

/** ISO 8601 with the zone's offset, e.g. 2020-02-15T07:58:00+08:00. */
export function toZonedIso(at: Date, zone: string): string {
  const p = localParts(at, zone);
  const offsetMin = Math.round(offsetMs(at, zone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The later of two YYYY-MM-DD dates. */
export function laterDate(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}

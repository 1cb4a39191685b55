// Wall-clock parts of an instant in a site's zone, computed without the process zone.
// Asia/Shanghai has had no DST since 1991, so it is plain +08:00 arithmetic; other zones go through Intl.

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export const DEFAULT_ZONE = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      f = null; // an unknown zone name: fall back to the default zone rather than fail the parse
    }
    if (formatters.size < 64) formatters.set(zone, f);
  }
  return f;
}

function fromUtcFields(d: Date): LocalDate {
  const dow = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: dow === 0 ? 7 : dow,
  };
}

export function localDate(at: Date | undefined, zone: string | undefined): LocalDate | null {
  if (!(at instanceof Date)) return null;
  const t = at.getTime();
  if (!Number.isFinite(t)) return null;
  const z = zone ?? DEFAULT_ZONE;
  const f = z === DEFAULT_ZONE ? null : formatter(z);
  if (f === null) return fromUtcFields(new Date(t + 8 * 3600_000));
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, weekday: dow === 0 ? 7 : dow };
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

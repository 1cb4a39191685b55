// Rules of the site timetable: which slot a report time is, quiet hours.
import { DEFAULT_SCHEDULE, type SiteSchedule } from './domain.js';
import type { Slot } from './records.js';
import { addDays, localDate, localTime, zonedInstant } from './time.js';

export function siteSchedule(overrides: Partial<SiteSchedule> | null | undefined): SiteSchedule {
  return { ...DEFAULT_SCHEDULE, ...(overrides ?? {}) };
}

/** The slot a report time stands for: with two times, the first is 早 and the second 晚. */
export function slotOfReportTime(reportTimes: string[], index: number): Slot {
  if (reportTimes.length >= 2) return index === 0 ? 'am' : 'pm';
  return (reportTimes[index] ?? '08:00') < '12:00' ? 'am' : 'pm';
}

/** HH:MM plus minutes, wrapping past midnight. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * When a non-urgent message may go out: `at` itself, or the end of quiet hours when `at` falls inside
 * them (22:00–07:00 by default; a window may wrap midnight).
 */
export function afterQuietHours(at: Date, zone: string, quietStart: string, quietEnd: string): Date {
  if (quietStart === quietEnd) return at;
  const t = localTime(at, zone);
  const wraps = quietStart > quietEnd;
  const inside = wraps ? t >= quietStart || t < quietEnd : t >= quietStart && t < quietEnd;
  if (!inside) return at;
  const today = localDate(at, zone);
  const endDay = wraps && t >= quietStart ? addDays(today, 1) : today;
  return zonedInstant(endDay, quietEnd, zone);
}

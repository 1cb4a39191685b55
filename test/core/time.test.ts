import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isIsoDate,
  localDate,
  localParts,
  startOfLocalDay,
  toZonedIso,
  zonedInstant,
} from '../../src/core/time.js';

describe('zone-explicit time', () => {
  it('reads wall-clock parts in Asia/Shanghai whatever the process zone', () => {
    const at = new Date('2020-02-14T23:58:00Z');
    expect(localDate(at, 'Asia/Shanghai')).toBe('2020-02-15');
    expect(localParts(at, 'Asia/Shanghai')).toMatchObject({ hour: 7, minute: 58, weekday: 6 });
    expect(toZonedIso(at, 'Asia/Shanghai')).toBe('2020-02-15T07:58:00+08:00');
  });

  it('finds the instant of a local time, also across a daylight-saving change', () => {
    expect(zonedInstant('2020-02-15', '08:00', 'Asia/Shanghai').toISOString()).toBe(
      '2020-02-15T00:00:00.000Z',
    );
    expect(zonedInstant('2020-03-08', '12:00', 'America/New_York').toISOString()).toBe(
      '2020-03-08T16:00:00.000Z',
    );
    expect(startOfLocalDay(new Date('2020-02-15T20:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2020-02-15T16:00:00.000Z',
    );
  });

  it('reads the same parts as Intl, minute by minute across zone changes and odd offsets', () => {
    const intl = (at: Date, zone: string) => {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
      return [p.year, p.month, p.day, p.hour, p.minute, p.second];
    };
    const cases: [string, string][] = [
      ['America/New_York', '2026-03-08T06:00:00Z'], // spring forward
      ['America/New_York', '2026-11-01T05:00:00Z'], // fall back
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'], // half-hour change
      ['Asia/Kathmandu', '2026-02-15T00:00:00Z'], // +05:45
      ['Asia/Shanghai', '1991-09-14T14:00:00Z'], // the last summer time in China
      ['Asia/Shanghai', '1969-12-31T15:00:00Z'], // before 1970: no cache
    ];
    for (const [zone, around] of cases) {
      const from = new Date(around).getTime() - 3 * 3600_000;
      for (let t = from; t < from + 6 * 3600_000; t += 7 * 60_000 + 13_000) {
        const at = new Date(t);
        const p = localParts(at, zone);
        expect([p.year, p.month, p.day, p.hour, p.minute, p.second], `${zone} ${at.toISOString()}`).toEqual(
          intl(at, zone),
        );
      }
    }
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(daysBetween('2020-02-07', '2020-02-21')).toBe(14);
    expect(isIsoDate('2020-02-30')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
  });
});

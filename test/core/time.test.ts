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

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(daysBetween('2020-02-07', '2020-02-21')).toBe(14);
    expect(isIsoDate('2020-02-30')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
  });
});

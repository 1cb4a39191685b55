import { describe, expect, it } from 'vitest';
import {
  addMinutesToTime,
  afterQuietHours,
  siteSchedule,
  slotOfReportTime,
} from '../../src/core/schedule.js';
import { toZonedIso, zonedInstant } from '../../src/core/time.js';

const SH = 'Asia/Shanghai';

describe('site timetable rules', () => {
  it('fills the schedule with defaults', () => {
    expect(siteSchedule({ digestTime: '20:30' })).toMatchObject({ digestTime: '20:30', quietStart: '22:00' });
  });

  it('names report-time slots', () => {
    expect(slotOfReportTime(['08:00', '20:00'], 0)).toBe('am');
    expect(slotOfReportTime(['08:00', '20:00'], 1)).toBe('pm');
    expect(slotOfReportTime(['15:00'], 0)).toBe('pm');
  });

  it('adds minutes to a clock time across midnight', () => {
    expect(addMinutesToTime('20:00', 120)).toBe('22:00');
    expect(addMinutesToTime('23:30', 60)).toBe('00:30');
  });

  it('holds a send inside quiet hours until they end, in the site zone', () => {
    const late = zonedInstant('2020-02-15', '23:10', SH);
    expect(toZonedIso(afterQuietHours(late, SH, '22:00', '07:00'), SH)).toBe('2020-02-16T07:00:00+08:00');
    const early = zonedInstant('2020-02-16', '05:00', SH);
    expect(toZonedIso(afterQuietHours(early, SH, '22:00', '07:00'), SH)).toBe('2020-02-16T07:00:00+08:00');
    const day = zonedInstant('2020-02-16', '12:00', SH);
    expect(afterQuietHours(day, SH, '22:00', '07:00')).toEqual(day);
    // A window that does not wrap midnight.
    const nap = zonedInstant('2020-02-16', '13:00', SH);
    expect(toZonedIso(afterQuietHours(nap, SH, '12:30', '14:00'), SH)).toBe('2020-02-16T14:00:00+08:00');
  });
});

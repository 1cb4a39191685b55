// Relative dates resolve against the message's instant in the site zone, never the process zone
// (the test process runs in America/New_York).
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/parse/index.js';
import type { WaterRecord } from '../../../src/core/records.js';

function water(text: string, at: string, timeZone?: string): Pick<WaterRecord, 'date' | 'part'> {
  const r = parseMessage({ text, at: new Date(at), context: 'village', timeZone })[0] as
    | WaterRecord
    | undefined;
  return { date: r?.date ?? null, part: r?.part ?? null };
}

describe('water dates', () => {
  const sat = '2020-02-15T10:00:00+08:00';
  const wed = '2020-02-12T10:00:00+08:00';
  it.each([
    ['明天上午送两桶水', sat, '2020-02-16', 'am'],
    ['后天送水', sat, '2020-02-17', null],
    ['大后天下午送水', sat, '2020-02-18', 'pm'],
    ['明早送一桶水', sat, '2020-02-16', 'am'],
    ['明晚送一桶水', sat, '2020-02-16', 'evening'],
    ['今晚送一桶水', sat, '2020-02-15', 'evening'],
    ['晚上送一桶水', sat, '2020-02-15', 'evening'],
    ['上午送一桶水', '2020-02-15T13:00:00+08:00', null, 'am'],
    ['周三下午送一桶水', sat, '2020-02-19', 'pm'],
    ['下周一送一桶水', sat, '2020-02-17', null],
    ['周日送一桶水', sat, '2020-02-16', null],
    ['周六送一桶水', sat, '2020-02-15', null],
    ['2月13号上午送一桶水', wed, '2020-02-13', 'am'],
    ['二月二十号送一桶水', wed, '2020-02-20', null],
    ['13号送一桶水', sat, '2020-03-13', null],
  ])('%s (at %s) → %s %s', (text, at, date, part) => {
    expect(water(text, at)).toEqual({ date, part });
  });

  it('reads 周三 on a Wednesday as today, 下周三 as a week later, 这周一 as this week', () => {
    expect(water('周三送水', wed).date).toBe('2020-02-12');
    expect(water('星期三晚上送水', wed).date).toBe('2020-02-12');
    expect(water('下周三送水', wed).date).toBe('2020-02-19');
    expect(water('这周一送水', wed).date).toBe('2020-02-10');
    expect(water('下下周一送水', wed).date).toBe('2020-02-24');
  });

  it('uses the local date of the site zone, not the process zone', () => {
    expect(water('明天送水', '2020-02-15T16:30:00Z').date).toBe('2020-02-17');
    expect(water('明天送水', '2020-02-15T16:30:00Z', 'America/New_York').date).toBe('2020-02-16');
    expect(water('明天送水', '2020-02-15T16:30:00Z', 'Not/AZone').date).toBe('2020-02-17');
  });

  it('has no date without at', () => {
    expect(parseMessage({ text: '明天送两桶水', context: 'village' })).toEqual([
      { type: 'water', qty: 2, unit: '桶', date: null, part: null, deliverTo: null },
    ]);
  });
});

describe('health slot from at', () => {
  it('uses the local hour in the given zone', () => {
    const at = new Date('2020-02-15T13:00:00Z'); // 21:00 Shanghai, 08:00 New York
    expect(parseMessage({ text: '36.5', at })[0]).toMatchObject({ slot: 'pm' });
    expect(parseMessage({ text: '36.5', at, timeZone: 'America/New_York' })[0]).toMatchObject({ slot: 'am' });
  });
});

// `earlier` per health record (internal, RULES.md "Yesterday"): the services file a reading under the day its
// own words name, not the day the whole text suggests (昨晚烧到38了 现在36.8 had filed 36.8 as yesterday's).
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/parse/index.js';
import type { HealthRecord } from '../../../src/core/records.js';

const at = new Date('2020-03-10T07:30:00+08:00');
const read = (text: string) =>
  (parseMessage({ text, at, context: 'quarantine' }) as HealthRecord[]).map((r) => [
    r.temperature,
    r.earlier,
  ]);

describe('earlier', () => {
  it('ties each reading to the day its own words name', () => {
    expect(read('昨晚烧到38了 现在36.8')).toEqual([
      [38, true],
      [36.8, false],
    ]);
    expect(read('昨天晚上忘记报了三十六度七今天早上三十六度五')).toEqual([
      [36.7, true],
      [36.5, false],
    ]);
  });

  it('reads a complaint with no number as today unless a day is said beside it', () => {
    const one = (text: string) =>
      (parseMessage({ text, at, context: 'quarantine' }).find((r) => r.type === 'health') as HealthRecord)
        .earlier;
    // 昨天 in talk about something else, far from the complaint, is not when the complaint is had
    expect(one('我妈昨天打电话说家里的狗没人喂 急得我一晚上没睡好 对了 鼻子塞得很 1507')).not.toBe(true);
    expect(one('昨晚咳了一晚上 1507')).toBe(true);
  });

  it('carries the day to the next reading unless its slot comes earlier in a day', () => {
    expect(read('昨天早上36.5 晚上36.9')).toEqual([
      [36.5, true],
      [36.9, true],
    ]);
    expect(read('昨晚38.2 早上36.8')).toEqual([
      [38.2, true],
      [36.8, false],
    ]);
  });

  it('is absent when nothing names a day, and set on a report without a number', () => {
    expect(read('36.5')).toEqual([[36.5, undefined]]);
    expect(read('昨晚体温正常')).toEqual([[null, true]]);
  });

  it('is left out of what shouwang parse prints', async () => {
    const { publicRecord } = await import('../../../src/core/records.js');
    const [r] = parseMessage({ text: '昨晚37.1忘了报', at, context: 'quarantine' });
    expect(r && 'earlier' in publicRecord(r)).toBe(false);
  });
});

// Issue 19 on the real Wechaty stack: while the residents group is quiet each report gets its own
// immediate acknowledgement; when reports come faster, those waiting go out as one message naming rooms.
import { afterEach, describe, expect, it } from 'vitest';
import { RESIDENTS, type SiteHarness, shanghai, startSite } from '../helpers/quarantine.js';

let h: SiteHarness;
afterEach(() => h.stop());

const roster = ['2101', '2102', '2103', '2104'].map((room) => ({
  name: `住户${room}`,
  room,
  wechat: `${room}住户`,
  start: '2020-02-10',
}));

describe('acknowledgements in the residents group', () => {
  it('answers a report alone at once, and merges those that come while the window is spent', async () => {
    h = await startSite(roster, '2020-02-15 07:55', { mergeAcks: true });
    expect((await h.say(RESIDENTS, '2101住户', '36.5', '2020-02-15 08:00')).map((m) => m.text)).toEqual([
      '@2101住户 已记录：2101 早 36.5℃',
    ]);
    // Three more within the two minutes after: nothing yet, then one message for all three.
    for (const [room, at] of [
      ['2103', '08:00'],
      ['2102', '08:01'],
      ['2104', '08:01'],
    ] as const)
      expect(await h.say(RESIDENTS, `${room}住户`, '36.6', `2020-02-15 ${at}`)).toEqual([]);
    h.clock.set(shanghai('2020-02-15 08:02'));
    const merged = await h.flush();
    // No one is @mentioned in it: the rooms say who.
    expect(merged.map((m) => m.text)).toEqual([
      '08:00–08:01 已收到 3 人的上报：2102、2103、2104。没看到自己房号的请再发一次。',
    ]);
  });
});

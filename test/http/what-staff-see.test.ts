// What the console is given to show must be true at the moment it is seen (issue 18): before a slot's
// report time nobody is late (the console says 待报, not 未报), missing people come with their rooms, and
// an alert about last night's reading says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/admin/audit.js';
import { RESIDENTS, type SiteHarness, shanghai, startSite } from '../helpers/quarantine.js';

let h: SiteHarness;
beforeEach(async () => {
  h = await startSite(
    [
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-10' },
      { name: '李某', room: '3102', wechat: '3102李', start: '2020-02-10' },
    ],
    '2020-02-15 05:50',
  );
});
afterEach(async () => {
  await h.stop();
});

async function get(url: string) {
  const { token } = await h.t.sw.services.tokens.create(CLI_ACTOR, {
    name: `t${Math.random()}`,
    role: 'staff',
    siteIds: [h.siteId],
  });
  const res = await h.t.sw.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('what staff see', () => {
  it('knows which slots are due, and names the missing with their rooms', async () => {
    const early = await get(`/api/v1/digests/${h.siteId}?date=2020-02-15`);
    expect(early).toMatchObject({ slots: ['am', 'pm'], due: [] });
    expect(early.missingPeople.am).toEqual([
      { name: '高某', room: '2105' },
      { name: '李某', room: '3102' },
    ]);
    h.clock.set(shanghai('2020-02-15 08:10'));
    expect((await get(`/api/v1/digests/${h.siteId}?date=2020-02-15`)).due).toEqual(['am']);
    expect((await get(`/api/v1/digests/${h.siteId}?date=2020-02-14`)).due).toEqual(['am', 'pm']);
  });

  it('counts observing by the digest’s definition, and says who is overdue or not started yet', async () => {
    await h.stop();
    h = await startSite(
      [
        { name: '高某', room: '2105', start: '2020-02-10' },
        { name: '钱某', room: '2106', start: '2020-01-10' }, // 14 days ended on 1月24日: overdue
        { name: '孙某', room: '2107', start: '2020-02-20' }, // arrives later
      ],
      '2020-02-15 09:00',
    );
    const counts = await get(`/api/v1/sites/${h.siteId}/counts`);
    const digest = await get(`/api/v1/digests/${h.siteId}?date=2020-02-15`);
    expect(counts.residents).toMatchObject({ observing: 3, observingToday: 1, overdue: 1, upcoming: 1 });
    expect(digest.observing).toBe(counts.residents.observingToday);
    expect(digest.overdue).toEqual(['钱某']);
  });

  it('marks an alert about last night’s reading as last night’s', async () => {
    await h.say(RESIDENTS, '3102李', '昨晚烧到38了，现在36.8', '2020-02-15 07:50');
    const alerts = await get(`/api/v1/alerts?site=${h.siteId}&status=open`);
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]).toMatchObject({
      temperature: 38,
      day: '2020-02-14',
      slot: 'pm',
      earlier: true,
      raisedAt: '2020-02-15T07:50:00+08:00',
    });
    // The 08:30 page's night: the same words as the summary in the staff group.
    const night = await get(`/api/v1/sites/${h.siteId}/night?date=2020-02-15`);
    expect(night.text).toMatch(/3102 李某 38\.0℃（昨晚，今早 07:50 补报）/);
    expect((await get(`/api/v1/sites/${h.siteId}/night?date=2020-02-13`)).text).toBeNull();
  });
});

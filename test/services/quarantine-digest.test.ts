// The digest over several days: who counts as observing (admitted, not yet released, not past the
// planned end), history of requests and alerts as of each day's end, unplaced messages, one-slot sites.
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthReportsRepo } from '../../db/repositories/health-reports.js';
import { digestJson } from '../../src/core/quarantine/digest.js';
import { createSetupService } from '../../src/services/setup.js';
import { RESIDENTS, STAFF } from '../helpers/quarantine.js';
import { type ServiceSite, serviceSite } from '../helpers/quarantine-services.js';

let s: ServiceSite;
afterEach(async () => {
  await s.close();
});

describe('the quarantine digest', () => {
  it('counts each day as it was at its end', async () => {
    s = await serviceSite([
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-01' },
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-14' },
      { name: '王某', room: '2107', start: '2020-02-16' },
      { name: '赵某', room: '2108', start: '2020-01-30' },
    ]);
    await s.say(RESIDENTS, '2105高', '36.5', '2020-02-14 07:40');
    await s.say(RESIDENTS, '2106李', '2106 要一个体温计', '2020-02-14 09:00');
    await s.say(RESIDENTS, '2106李', '38.2', '2020-02-14 20:00');
    await s.say(RESIDENTS, '2106李', '隔壁晚上太吵了睡不着', '2020-02-14 22:00');
    await s.say(STAFF, '张医生', '#已处理 A-0001', '2020-02-15 08:00');
    await s.say(STAFF, '张医生', '#完成 R-0001', '2020-02-15 10:00');
    await s.say(STAFF, '张医生', '#解除 2105', '2020-02-15 11:00');
    const digest = async (day: string) => digestJson(await s.services.quarantine.digest(s.siteId, day));

    expect(await digest('2020-02-14')).toEqual({
      site: '五指山观察点',
      date: '2020-02-14',
      observing: 2,
      reported: { am: 1, pm: 1 },
      missing: { am: ['李某'], pm: ['高某'] },
      fever: [{ name: '李某', room: '2106', temperature: 38.2, at: '2020-02-14T20:00:00+08:00' }],
      openRequests: 1,
      releasesDue: [],
      admittedTotal: 3,
      releasedTotal: 0,
      urgentRequests: 0,
      openAlerts: 1,
      unplaced: 1,
      reportedVia: { phone: 0, visit: 0, relative: 0 },
      unaccounted: { am: [], pm: [] },
      releasesTomorrow: ['高某'],
      // 赵某 (2020-01-30 + 14 days) was due on the 13th and is still observing.
      overdue: ['赵某'],
    });
    expect(await digest('2020-02-15')).toMatchObject({
      observing: 1,
      missing: { am: ['李某'], pm: ['李某'] },
      fever: [],
      openRequests: 0,
      openAlerts: 0,
      unplaced: 0,
      releasesDue: [],
      admittedTotal: 3,
      releasedTotal: 1,
    });
    expect(await digest('2020-02-16')).toMatchObject({ observing: 2, admittedTotal: 4, releasedTotal: 1 });
    expect(await s.services.quarantine.digestText(s.siteId, '2020-02-14')).toBe(
      [
        '【五指山观察点 2月14日日报】',
        '在观察 2 人；早报 1/2，晚报 1/2',
        '未报（早）：2106 李某',
        '未报（晚）：2105 高某',
        '发热 1 人：2106 李某 38.2℃（20:00）',
        '待办需求 1 件；待处理告警 1 条',
        '明日解除 1 人：2105 高某',
        '已到期未解除 1 人：2108 赵某（请 #解除 或 #延长）',
        '累计接收 3 人，解除 0 人',
        '待核对消息 1 条',
      ].join('\n'),
    );
  });

  it('lists a person with a fever morning and evening once, with both readings', async () => {
    s = await serviceSite([
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-14' },
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-14' },
    ]);
    await s.say(RESIDENTS, '2106李', '37.8', '2020-02-15 07:40');
    await s.say(RESIDENTS, '2105高', '37.5', '2020-02-15 07:45');
    await s.say(RESIDENTS, '2106李', '晚上38.2', '2020-02-15 20:00');
    const d = await s.services.quarantine.digest(s.siteId, '2020-02-15');
    // The contract's JSON keeps one entry a reading.
    expect(d.fever.map((f) => `${f.name} ${f.temperature}`)).toEqual(['李某 37.8', '高某 37.5', '李某 38.2']);
    expect((await s.services.quarantine.digestText(s.siteId, '2020-02-15')).split('\n')).toContain(
      '发热 2 人：2106 李某 37.8℃（07:40）、38.2℃（20:00）；2105 高某 37.5℃（07:45）',
    );
  });

  it('asks a one-report site for one slot only', async () => {
    s = await serviceSite([{ name: '高某', room: '2105', start: '2020-02-10' }], { reportTimes: ['09:00'] });
    const d = await s.services.quarantine.digest(s.siteId, '2020-02-15');
    expect(digestJson(d)).toMatchObject({ observing: 1, missing: { am: ['高某'], pm: [] } });
    expect(await s.services.quarantine.digestText(s.siteId, '2020-02-15')).toContain(
      '在观察 1 人；早报 0/1\n',
    );
  });
});

describe("the district's missing list", () => {
  it('names everyone observing that day at every site who has no report in the slot, by site and room', async () => {
    s = await serviceSite([
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-01' },
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-14' },
      { name: '王某', room: '2107', start: '2020-02-16' },
      { name: '赵某', room: '2108', start: '2020-01-30' },
    ]);
    await createSetupService({ db: s.db.db, defaultZone: 'Asia/Shanghai' }).apply({
      sites: [
        {
          name: '金凤观察点',
          kind: 'quarantine',
          timezone: 'Asia/Shanghai',
          groups: [{ topic: '金凤观察点住户群', role: 'residents' }],
          residents: [{ name: '孙某', room: '301', start: '2020-02-10' }],
        },
      ],
    });
    await s.say(RESIDENTS, '2105高', '36.5', '2020-02-14 07:40');
    await s.say(RESIDENTS, '2106李', '38.2', '2020-02-14 20:00');
    const reports = createHealthReportsRepo(s.db.db);
    const missing = async (day: string, slot: 'am' | 'pm') =>
      (await reports.missingOfDistrict(day, slot)).map((r) => [r.site, r.room, r.name]);

    // 王某 is not admitted yet; 赵某 is past the planned end (overdue, the digest lists them apart).
    expect(await missing('2020-02-14', 'am')).toEqual([
      ['五指山观察点', '2106', '李某'],
      ['金凤观察点', '301', '孙某'],
    ]);
    expect(await missing('2020-02-14', 'pm')).toEqual([
      ['五指山观察点', '2105', '高某'],
      ['金凤观察点', '301', '孙某'],
    ]);
    // A released resident is no longer missed.
    await s.say(STAFF, '张医生', '#解除 2105', '2020-02-15 11:00');
    expect((await missing('2020-02-15', 'pm')).map(([, , name]) => name)).toEqual(['李某', '孙某']);
  });
});

describe('rooms in the digest', () => {
  it('come in human order (1-101 丙, 1-201 乙, 10-103 甲), not as text sorts them', async () => {
    s = await serviceSite([
      { name: '甲', room: '10-103', start: '2020-02-10' },
      { name: '乙', room: '1-201', start: '2020-02-10' },
      { name: '丙', room: '1-101', start: '2020-02-10' },
    ]);
    const d = await s.services.quarantine.digest(s.siteId, '2020-02-15');
    expect(d.missing.am).toEqual(['丙', '乙', '甲']);
  });
});

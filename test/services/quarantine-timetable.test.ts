// The observation site's timetable sends: who is reminded, nudged and listed, and that a repeated fire
// sends nothing new.
import { afterEach, describe, expect, it } from 'vitest';
import { RESIDENTS, STAFF } from '../helpers/quarantine.js';
import { type ServiceSite, serviceSite } from '../helpers/quarantine-services.js';

let s: ServiceSite;
afterEach(async () => {
  await s.close();
});

const ROSTER = [
  { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-02' },
  { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-08' },
  { name: '王某', room: '2107', start: '2020-02-10' },
  { name: '陈某', room: '2108', start: '2020-02-20' },
];

describe('the quarantine timetable', () => {
  it('reminds, then nudges only the bound residents who have not reported, and lists who is missing for staff', async () => {
    s = await serviceSite(ROSTER);
    const t = s.services.quarantine.timetable;
    // 2106李 is on the roster and has written before, so the bot knows whom to @mention.
    await s.say(RESIDENTS, '2106李', '晚上36.6', '2020-02-14 20:00');
    await s.say(RESIDENTS, '2105高', '36.5', '2020-02-15 07:40');
    s.clock.set(new Date('2020-02-15T08:00:00+08:00'));
    await t.remind(s.siteId, '2020-02-15', 'am');
    await t.remind(s.siteId, '2020-02-15', 'am');
    s.clock.set(new Date('2020-02-15T09:00:00+08:00'));
    await t.nudge(s.siteId, '2020-02-15', 'am');
    await t.nudge(s.siteId, '2020-02-15', 'am');
    await t.missingToStaff(s.siteId, '2020-02-15', 'am');
    expect((await s.queued()).slice(2)).toEqual([
      [RESIDENTS, '早上好！请各位在群里报告今早的体温，如“2105 36.5”。有不舒服请一并说明。', []],
      [
        RESIDENTS,
        '今早的体温还没收到，请看到后在群里报一下，谢谢！（2107 房间的朋友也请报一下）',
        ['2106李'],
      ],
      [
        STAFF,
        '【早报电话名单 2月15日】共 2 人，按先后打：\n1. 2106 李某：已试：群里提醒\n2. 2107 王某：已试：群里提醒\n打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
        [],
      ],
    ]);
  });

  it('counts a person once in the morning summary, and marks a reading of last night sent this morning', async () => {
    s = await serviceSite(ROSTER.slice(0, 2));
    const t = s.services.quarantine.timetable;
    await s.say(RESIDENTS, '2106李', '昨晚体温达到38.5 今早37.6', '2020-02-15 07:55');
    const alerts = (await s.queued()).filter(([room]) => room === STAFF).map(([, text]) => text);
    expect(alerts).toEqual([
      '【告警 A-0001】2106 李某 昨晚 38.5℃（07:55）。处理后请回复 #已处理 A-0001',
      '【告警 A-0002】2106 李某 早 37.6℃（07:55）。处理后请回复 #已处理 A-0002',
    ]);
    const before = (await s.queued()).length;
    s.clock.set(new Date('2020-02-15T08:30:00+08:00'));
    await t.morningSummary(s.siteId, '2020-02-15');
    expect((await s.queued()).slice(before)).toEqual([
      [
        STAFF,
        '【夜间情况 2月15日】\n发热 1 人：2106 李某 38.5℃（昨晚，今早 07:55 补报）、37.6℃（今早 07:55）',
        [],
      ],
    ]);
  });

  it('says nothing when nobody is missing, and nudges nobody after release', async () => {
    s = await serviceSite(ROSTER.slice(0, 2));
    const t = s.services.quarantine.timetable;
    await s.say(RESIDENTS, '2105高', '晚上36.5', '2020-02-15 19:40');
    await s.say(STAFF, '张医生', '#解除 2106', '2020-02-15 19:50');
    const before = (await s.queued()).length;
    await t.remind(s.siteId, '2020-02-15', 'pm');
    await t.nudge(s.siteId, '2020-02-15', 'pm');
    await t.missingToStaff(s.siteId, '2020-02-15', 'pm');
    await t.morningSummary(s.siteId, '2020-02-15');
    expect((await s.queued()).length).toBe(before);
  });

  it('posts the digest once, the morning summary of the night, and release notices', async () => {
    s = await serviceSite(ROSTER);
    const t = s.services.quarantine.timetable;
    await s.say(RESIDENTS, '2106李', '晚上38.0', '2020-02-14 20:10');
    await s.say(RESIDENTS, '2105高', '37.4', '2020-02-15 07:30');
    await s.say(RESIDENTS, '2105高', '快来人 我喘不上气', '2020-02-15 07:35');
    const before = (await s.queued()).length;
    s.clock.set(new Date('2020-02-15T08:30:00+08:00'));
    await t.morningSummary(s.siteId, '2020-02-15');
    await t.releaseNotices(s.siteId, '2020-02-15');
    await t.releaseNotices(s.siteId, '2020-02-15');
    await t.postDigest(s.siteId, '2020-02-15');
    await t.postDigest(s.siteId, '2020-02-15');
    const sent = (await s.queued()).slice(before);
    expect(sent.slice(0, 2)).toEqual([
      [
        STAFF,
        '【夜间情况 2月15日】\n发热 2 人：2106 李某 38.0℃（昨晚 20:10）；2105 高某 37.4℃（今早 07:30）\n' +
          '紧急需求未办 1 件：R-0001 2105 医疗需求',
        [],
      ],
      [
        STAFF,
        '【解除提醒】\n明天到期 1 人：2105 高某\n办理后请发 #解除 房号 姓名；需延长请发 #延长 房号 天数。',
        [],
      ],
    ]);
    expect(sent).toHaveLength(3);
    // Posted at 08:30 (the digest's own time is the timetable's affair): the evening is not due yet.
    expect(sent[2]?.[1]).toBe(
      [
        '【五指山观察点 2月15日日报】',
        '在观察 3 人；早报 1/3',
        '未报（早）：2106 李某、2107 王某',
        '发热 1 人：2105 高某 37.4℃（07:30）',
        '待办需求 1 件（紧急 1）；待处理告警 2 条',
        '明日解除 1 人：2105 高某',
        '累计接收 3 人，解除 0 人',
      ].join('\n'),
    );
  });
});

// Staff and residents of an observation site over a few days: releases congratulated in the residents
// group, transfers and extensions, the digest on demand; and privacy: the residents group never sees
// anyone's health data but the sender's own.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, residents } from '../../db/schema.js';
import { RESIDENTS, type SiteHarness, STAFF, startSite } from '../helpers/quarantine.js';

let h: SiteHarness;
beforeEach(async () => {
  h = await startSite(
    [
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-01' },
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-08' },
      { name: '王某', room: '2107', wechat: '小王', start: '2020-02-10' },
      { name: '王小宝', room: '2107', start: '2020-02-10' },
    ],
    '2020-02-15 07:00',
  );
});
afterEach(async () => {
  await h.stop();
});

const texts = (sent: { topic: string; text: string }[]) => sent.map((m) => [m.topic, m.text]);
const resident = async (name: string) =>
  (await h.t.db.db.select().from(residents).where(eq(residents.name, name)))[0];

describe('the observation lifecycle from the staff group', () => {
  it('releases, transfers and extends, congratulating only the released in the residents group', async () => {
    await h.say(RESIDENTS, '2105高', '36.5', '2020-02-15 07:40');
    // Two share 2107: the name in the nickname tells which one writes.
    expect(texts(await h.say(RESIDENTS, '2107王小宝', '36.6', '2020-02-15 07:45'))).toEqual([
      [RESIDENTS, '@2107王小宝 已记录：2107 早 36.6℃'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#解除 2105', '2020-02-15 10:00'))).toEqual([
      [RESIDENTS, '@2105高 恭喜您解除医学观察，祝您平安回家！'],
      [STAFF, '已解除：2105 高某（观察 14 天）。'],
    ]);
    expect(await resident('高某')).toMatchObject({ status: 'released' });
    expect(texts(await h.say(STAFF, '张医生', '#解除 2105', '2020-02-15 10:01'))).toEqual([
      [STAFF, '2105 没有在观察的住户。'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#转院 2107', '2020-02-15 10:02'))).toEqual([
      [STAFF, '2107 有 2 位在观察：王小宝、王某，请写上姓名，如 #转院 2107 王小宝'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#转院 2107 王某', '2020-02-15 10:03'))).toEqual([
      [STAFF, '已登记转院：2107 王某。'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#延长 2106 3', '2020-02-15 10:04'))).toEqual([
      [STAFF, '2106 李某 观察期延长 3 天，预计 2月25日 解除。'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#延长 2106 -3', '2020-02-15 10:05'))).toEqual([
      [STAFF, '请这样写：#延长 房号 天数，如 #延长 2105 3（只能延长，不能缩短）'],
    ]);
    expect(await resident('李某')).toMatchObject({ plannedEndDate: '2020-02-25' });
    expect(await resident('王某')).toMatchObject({ status: 'hospital' });
    // The released resident's own #状态.
    expect(texts(await h.say(RESIDENTS, '2105高', '#状态', '2020-02-15 10:10'))).toEqual([
      [RESIDENTS, '@2105高 2105 已于 2月15日 解除医学观察，祝您平安！'],
    ]);
    // Staff commands are the staff group's only; unknown ones there get the staff help.
    const help = await h.say(STAFF, '张医生', '#帮我看看', '2020-02-15 10:11');
    expect(help.map((m) => m.text.split('\n')[0])).toEqual(['工作群指令：']);
    expect(await h.say(STAFF, '张医生', '今天 2106 要复查', '2020-02-15 10:12')).toEqual([]);
    const [chat] = await h.t.db.db.select().from(messages).where(eq(messages.text, '今天 2106 要复查'));
    expect(chat?.state).toBe('ignored');
  });

  it('posts the digest on #日报', async () => {
    await h.say(RESIDENTS, '2105高', '36.5', '2020-02-15 07:40');
    await h.say(RESIDENTS, '2106李', '37.6 咳嗽', '2020-02-15 07:50');
    await h.say(RESIDENTS, '小王', '2107需要一个体温计', '2020-02-15 08:00');
    await h.say(RESIDENTS, '2106李', '晚上 36.9', '2020-02-15 20:05');
    expect(texts(await h.say(STAFF, '张医生', '#日报', '2020-02-15 21:00'))).toEqual([
      [
        STAFF,
        [
          '【五指山观察点 2月15日日报】',
          '在观察 4 人；早报 2/4，晚报 1/4',
          '未报（早）：2107 王某、2107 王小宝',
          '未报（晚）：2105 高某、2107 王某、2107 王小宝',
          '发热 1 人：2106 李某 37.6℃（07:50）',
          '待办需求 1 件；待处理告警 1 条',
          '今日解除 1 人：2105 高某',
          '累计接收 4 人，解除 0 人',
        ].join('\n'),
      ],
    ]);
  });
});

describe('privacy', () => {
  it('shows in the residents group nothing of one resident’s health but to that resident', async () => {
    const said: { topic: string; text: string }[] = [];
    const say = async (room: string, from: string, text: string, at: string) =>
      said.push(...(await h.say(room, from, text, at)));
    await say(RESIDENTS, '2105高', '37.9 头疼', '2020-02-15 07:40');
    await say(RESIDENTS, '2106李', '36.4', '2020-02-15 07:45');
    await say(RESIDENTS, '小王', '2107 早36.6 需要退烧药', '2020-02-15 07:50');
    await say(STAFF, '张医生', '#日报', '2020-02-15 08:30');
    await say(STAFF, '张医生', '#待办', '2020-02-15 08:31');
    await say(RESIDENTS, '2106李', '#状态', '2020-02-15 08:40');
    await say(STAFF, '张医生', '#已完成 R-0001', '2020-02-15 09:00');
    const residentsGroup = said.filter((m) => m.topic === RESIDENTS).map((m) => m.text);
    expect(residentsGroup).toEqual([
      '@2105高 已记录：2105 早 37.9℃，头痛',
      '@2106李 已记录：2106 早 36.4℃',
      '@小王 已记录：2107 早 36.6℃\n已收到您的需求，工单 R-0001（退烧药），工作人员会尽快处理。',
      '@2106李 2106：医学观察第 8 天（共 14 天），预计 2月22日 解除。今天：早 36.4℃；晚 未报。',
      '@小王 您的需求 R-0001（退烧药）已办好。',
    ]);
    // Each line names only its addressee's room; nobody else's temperature appears.
    for (const text of residentsGroup) {
      const addressee = text.startsWith('@2105高') ? '2105' : text.startsWith('@2106李') ? '2106' : '2107';
      for (const other of ['2105', '2106', '2107'].filter((r) => r !== addressee))
        expect(text).not.toContain(other);
    }
    expect(residentsGroup.join('\n')).not.toMatch(/37\.9.*2106|高某|李某.*37|王某/);
    // The staff group has the whole picture.
    const staffGroup = said.filter((m) => m.topic === STAFF).map((m) => m.text);
    expect(staffGroup[0]).toBe(
      '【告警 A-0001】2105 高某 早 37.9℃，头痛（07:40）。处理后请回复 #已处理 A-0001',
    );
    // At 08:30 only the morning reports are due: the digest leaves the evening out.
    expect(staffGroup[1]).toBe(
      [
        '【五指山观察点 2月15日日报】',
        '在观察 4 人；早报 3/4',
        '未报（早）：2107 王小宝',
        '发热 1 人：2105 高某 37.9℃（07:40）',
        '待办需求 1 件；待处理告警 1 条',
        '今日解除 1 人：2105 高某',
        '累计接收 4 人，解除 0 人',
      ].join('\n'),
    );
  });
});

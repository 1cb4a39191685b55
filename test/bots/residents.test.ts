// Residents writing in the residents group of an observation site, through the mock puppet: reports,
// confirmations, alerts in the staff group, unknown senders registering, requests and their tickets.
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts, healthReports, messages, requests, residents } from '../../db/schema.js';
import { RESIDENTS, type SiteHarness, STAFF, startSite } from '../helpers/quarantine.js';

let h: SiteHarness;
beforeEach(async () => {
  h = await startSite(
    [
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
      { name: '李某', room: '2106', start: '2020-02-08' },
      { name: '王某', room: '2107', wechat: '小王', start: '2020-02-10' },
    ],
    '2020-02-15 07:00',
  );
});
afterEach(async () => {
  await h.stop();
});

const texts = (sent: { topic: string; text: string }[]) => sent.map((m) => [m.topic, m.text]);
const db = () => h.t.db.db;
const residentNamed = async (name: string) => {
  const [r] = await db().select().from(residents).where(eq(residents.name, name));
  if (!r) throw new Error(`no resident ${name}`);
  return r;
};
const reportsOf = async (name: string) =>
  db()
    .select()
    .from(healthReports)
    .where(eq(healthReports.residentId, (await residentNamed(name)).id))
    .orderBy(asc(healthReports.id));
const stateOf = async (text: string) =>
  (await db().select().from(messages).where(eq(messages.text, text)))[0]?.state;

describe('health reports', () => {
  it('keeps one current report per slot with the history, and asks to confirm slips', async () => {
    expect(texts(await h.say(RESIDENTS, '2105高', '2105 早上36.4', '2020-02-15 07:40'))).toEqual([
      [RESIDENTS, '@2105高 已记录：2105 早 36.4℃'],
    ]);
    expect(texts(await h.say(RESIDENTS, '2105高', '365', '2020-02-15 08:10'))).toEqual([
      [
        RESIDENTS,
        '@2105高 已记录：2105 早 36.5℃\n您报告的体温是 36.5℃ 吗？已先按此记录，如有误请重新发一次。',
      ],
    ]);
    expect(texts(await h.say(RESIDENTS, '2105高', '今天早上36.5 晚上36.9', '2020-02-15 20:30'))).toEqual([
      [RESIDENTS, '@2105高 已记录：2105 早 36.5℃；晚 36.9℃'],
    ]);
    // Last night's reading, sent in the morning, is last night's.
    expect(texts(await h.say(RESIDENTS, '小王', '昨晚忘了报，37.0', '2020-02-15 07:20'))).toEqual([
      [RESIDENTS, '@小王 已记录：2107 昨晚 37.0℃'],
    ]);
    expect(texts(await h.say(RESIDENTS, '小王', '体温正常，无咳嗽无乏力', '2020-02-15 20:40'))).toEqual([
      [RESIDENTS, '@小王 已记录：2107 晚 体温正常'],
    ]);
    expect((await reportsOf('高某')).map((r) => [r.day, r.slot, r.temperature, r.current])).toEqual([
      ['2020-02-15', 'am', 36.4, false],
      ['2020-02-15', 'am', 36.5, false],
      ['2020-02-15', 'am', 36.5, true],
      ['2020-02-15', 'pm', 36.9, true],
    ]);
    expect((await reportsOf('王某')).map((r) => [r.day, r.slot, r.temperature])).toEqual([
      ['2020-02-14', 'pm', 37],
      ['2020-02-15', 'pm', null],
    ]);
  });

  it('keeps both readings of a slot measured twice, the higher one current, so the fever is not hidden', async () => {
    const sent = texts(await h.say(RESIDENTS, '小王', '早上测了37.5 又测了一次37.1', '2020-02-15 08:00'));
    expect(sent.filter(([topic]) => topic === RESIDENTS)).toHaveLength(1);
    expect((await reportsOf('王某')).map((r) => [r.slot, r.temperature, r.current])).toEqual([
      ['am', 37.1, false],
      ['am', 37.5, true],
    ]);
    expect(await db().select().from(alerts)).toHaveLength(1);
  });

  it('alerts staff at once, keeps one open alert per slot, and lets staff acknowledge it', async () => {
    expect(texts(await h.say(RESIDENTS, '2105高', '37.8 有点咳嗽，嗓子疼', '2020-02-15 07:58'))).toEqual([
      [STAFF, '【告警 A-0001】2105 高某 早 37.8℃，咳嗽、咽痛（07:58）。处理后请回复 #已处理 A-0001'],
      [RESIDENTS, '@2105高 已记录：2105 早 37.8℃，咳嗽、咽痛'],
    ]);
    // A re-test in the same slot updates the open alert; a normal one leaves it open and says so.
    expect(texts(await h.say(RESIDENTS, '2105高', '38.1', '2020-02-15 08:20'))).toEqual([
      [STAFF, '【告警 A-0001 更新】2105 高某 早 复测 38.1℃（08:20）。处理后请回复 #已处理 A-0001'],
      [RESIDENTS, '@2105高 已记录：2105 早 38.1℃'],
    ]);
    expect(texts(await h.say(RESIDENTS, '2105高', '复测36.9', '2020-02-15 09:00'))).toEqual([
      [STAFF, '【告警 A-0001】2105 高某 早 复测 36.9℃（09:00），告警仍待处理：#已处理 A-0001'],
      [RESIDENTS, '@2105高 已记录：2105 早 36.9℃'],
    ]);
    expect(
      await db().select({ n: alerts.number, t: alerts.temperature, s: alerts.status }).from(alerts),
    ).toEqual([{ n: 1, t: 38.1, s: 'open' }]);
    expect(
      texts(await h.say(STAFF, '张医生', '#已处理 A-0001 已电话联系，安排复测', '2020-02-15 09:05')),
    ).toEqual([[STAFF, 'A-0001 已确认处理（张医生）。']]);
    expect((await db().select().from(alerts))[0]).toMatchObject({
      status: 'acknowledged',
      ackBy: '张医生',
      ackNote: '已电话联系，安排复测',
    });
    expect(texts(await h.say(STAFF, '李护士', '#已处理 A-1 A-9', '2020-02-15 09:06'))).toEqual([
      [STAFF, 'A-0001 已由 张医生 于 2月15日 09:05 处理过。\n没有找到 A-0009。'],
    ]);
    // After the acknowledgement a new fever in the slot is a new alert; a symptom alone is one too.
    const again = await h.say(RESIDENTS, '2105高', '37.6', '2020-02-15 10:00');
    expect(again[0]?.text).toBe('【告警 A-0002】2105 高某 早 37.6℃（10:00）。处理后请回复 #已处理 A-0002');
    const symptom = await h.say(RESIDENTS, '小王', '拉肚子了', '2020-02-15 21:00');
    expect(symptom[0]?.text).toBe('【告警 A-0003】2107 王某 晚 腹泻（21:00）。处理后请回复 #已处理 A-0003');
  });
});

describe('a sender the bot does not know yet', () => {
  it('asks them to register, alerts staff about a fever anyway, and attaches the reports once they do', async () => {
    expect(texts(await h.say(RESIDENTS, '李姐', '37.5', '2020-02-15 07:30'))).toEqual([
      [STAFF, '【告警 A-0001】未登记的“李姐” 早 37.5℃（07:30）。处理后请回复 #已处理 A-0001'],
      [
        RESIDENTS,
        '@李姐 您好，还不知道您是哪个房间的住户，请发送“#登记 房号 姓名”（如 #登记 2105 张三）。登记后刚才报的体温会自动补记。',
      ],
    ]);
    await h.say(RESIDENTS, '李姐', '36.8', '2020-02-15 08:30');
    expect((await db().select().from(healthReports)).map((r) => [r.residentId, r.temperature])).toEqual([
      [null, 37.5],
      [null, 36.8],
    ]);
    expect(texts(await h.say(RESIDENTS, '李姐', '#登记 2106 李某', '2020-02-15 08:40'))).toEqual([
      [RESIDENTS, '@李姐 已登记：2106 李某。刚才的 2 条上报已补记。'],
    ]);
    expect((await reportsOf('李某')).map((r) => [r.temperature, r.current])).toEqual([
      [37.5, false],
      [36.8, true],
    ]);
    const li = await residentNamed('李某');
    expect((await db().select().from(alerts))[0]?.residentId).toBe(li.id);
    // From now on the sender is known.
    expect(texts(await h.say(RESIDENTS, '李姐', '晚上36.6', '2020-02-15 20:05'))).toEqual([
      [RESIDENTS, '@李姐 已记录：2106 晚 36.6℃'],
    ]);
    // Another WeChat cannot take a resident who is already bound; staff are asked to check who is who.
    expect(texts(await h.say(RESIDENTS, '路人', '#登记 2106 李某', '2020-02-15 20:10'))).toEqual([
      [
        STAFF,
        '【登记冲突】2106 李某 已绑定微信“李姐”，现在“路人”也用这个房号和姓名登记。请电话核实是谁，需要更换时在后台改住户的微信绑定。',
      ],
      [RESIDENTS, '@路人 2106 李某 已由另一个微信登记过了，如需更换请联系工作人员。'],
    ]);
  });

  it('adds someone the roster lacks, tells them and staff, and binds by the room and name in a nickname', async () => {
    expect(texts(await h.say(RESIDENTS, '赵先生', '#登记 2201 赵某', '2020-02-15 09:00'))).toEqual([
      [STAFF, '【新登记】2201 赵某 自助登记，名单中原无此人，观察期暂按 2月15日 起 14 天计，请核对。'],
      [
        RESIDENTS,
        '@赵先生 已登记：2201 赵某。名单里还没有您，先按今天（2月15日）起算观察 14 天，预计 2月29日 解除，工作人员会再核对。',
      ],
    ]);
    expect(await residentNamed('赵某')).toMatchObject({
      startDate: '2020-02-15',
      plannedEndDate: '2020-02-29',
      wechatName: '赵先生',
    });
    // A room alone in a nickname binds nobody (anyone can write 2106 into theirs) ...
    expect(texts(await h.say(RESIDENTS, '冒充者2106', '36.7', '2020-02-15 09:10'))).toEqual([
      [
        RESIDENTS,
        '@冒充者2106 您好，还不知道您是哪个房间的住户，请发送“#登记 房号 姓名”（如 #登记 2105 张三）。登记后刚才报的体温会自动补记。',
      ],
    ]);
    expect((await residentNamed('李某')).wechatId).toBeNull();
    // ... the room and the roster's name together do.
    expect(texts(await h.say(RESIDENTS, '2106-李某', '36.7', '2020-02-15 09:12'))).toEqual([
      [RESIDENTS, '@2106-李某 已记录：2106 早 36.7℃'],
    ]);
    expect((await residentNamed('李某')).wechatName).toBe('2106-李某');
  });

  it('binds no one by a name alone, and suggests the room an unknown sender wrote', async () => {
    expect(texts(await h.say(RESIDENTS, '李某', '36.6', '2020-02-15 07:30'))).toEqual([
      [
        RESIDENTS,
        '@李某 您好，还不知道您是哪个房间的住户，请发送“#登记 房号 姓名”（如 #登记 2105 张三）。登记后刚才报的体温会自动补记。',
      ],
    ]);
    expect(texts(await h.say(RESIDENTS, '高太太', '2105 36.8', '2020-02-15 07:31'))).toEqual([
      [
        RESIDENTS,
        '@高太太 您好，还不知道您是哪个房间的住户，请发送“#登记 2105 您的姓名”。登记后刚才报的体温会自动补记。',
      ],
    ]);
  });
});

describe('requests', () => {
  it('makes each line of a 接龙 a ticket of its room once, however often the list is re-posted', async () => {
    const head = '#接龙 需要代买洗衣粉的接一下 下午统一去买';
    expect(texts(await h.say(RESIDENTS, '小王', `${head}\n1. 2107 洗衣粉一袋`, '2020-02-15 09:00'))).toEqual([
      [RESIDENTS, '@小王 接龙已登记 1 条：R-0001，工作人员会统一安排。'],
    ]);
    const grown = `${head}\n1. 2107 洗衣粉一袋\n2. 2105 洗衣粉一袋 衣架5个\n3. 2106 洗衣粉一袋`;
    // The group hears ticket numbers only: no one's room or goods beyond what the list already says.
    expect(texts(await h.say(RESIDENTS, '2105高', grown, '2020-02-15 09:10'))).toEqual([
      [RESIDENTS, '@2105高 接龙已登记 2 条：R-0002、R-0003，工作人员会统一安排。'],
    ]);
    // The same list again: nothing new, nothing said, nothing opened.
    expect(await h.say(RESIDENTS, '小王', grown, '2020-02-15 09:20')).toEqual([]);
    expect(await stateOf(grown)).toBe('handled');
    const tickets = await db().select().from(requests).orderBy(asc(requests.number));
    expect(
      tickets.map((q) => [
        q.number,
        q.room,
        q.residentId,
        q.talkerName,
        q.items.map((i) => `${i.name}${i.qty}${i.unit}`),
      ]),
    ).toEqual([
      [1, '2107', (await residentNamed('王某')).id, '小王', ['洗衣粉1袋']],
      [2, '2105', (await residentNamed('高某')).id, '2105高', ['洗衣粉1袋', '衣架5个']],
      // (李某 has no WeChat the bot knows: the one who posted the line hears when it is done)
      [3, '2106', (await residentNamed('李某')).id, '2105高', ['洗衣粉1袋']],
    ]);
    // Done: the resident of the room hears it, not the one who happened to post the list.
    expect(texts(await h.say(STAFF, '李护士', '#完成 R-0001', '2020-02-15 15:00'))).toContainEqual([
      RESIDENTS,
      '@小王 您的需求 R-0001（洗衣粉）已办好。',
    ]);
  });

  it('tells staff when the resident will hear a ticket is done: at once, or after quiet hours', async () => {
    // The next morning, before the end of quiet hours (a simulated clock runs forward only).
    await h.say(RESIDENTS, '2105高', '需要一个体温计', '2020-02-16 05:50');
    expect(texts(await h.say(STAFF, '李护士', '#完成 R-0001', '2020-02-16 05:55'))).toEqual([
      [STAFF, 'R-0001 已办结，住户会在 07:00 收到通知（免打扰时段过后）。'],
    ]);
    h.clock.set(new Date('2020-02-16T07:00:00+08:00'));
    expect(texts(await h.flush())).toEqual([[RESIDENTS, '@2105高 您的需求 R-0001（体温计）已办好。']]);
  });

  it('makes numbered tickets, sends urgent ones to staff, and tells the resident when staff close them', async () => {
    expect(texts(await h.say(RESIDENTS, '2105高', '2105需要一个体温计', '2020-02-15 09:00'))).toEqual([
      [RESIDENTS, '@2105高 已收到您的需求，工单 R-0001（体温计 1个），工作人员会尽快处理。'],
    ]);
    expect(texts(await h.say(RESIDENTS, '小王', '36.5，能再给两个口罩吗', '2020-02-15 09:05'))).toEqual([
      [
        RESIDENTS,
        '@小王 已记录：2107 早 36.5℃\n已收到您的需求，工单 R-0002（口罩 2个），工作人员会尽快处理。',
      ],
    ]);
    const urgent = await h.say(RESIDENTS, '2105高', '救命 喘不上气', '2020-02-15 09:10');
    expect(texts(urgent)).toEqual([
      [STAFF, '【告警 A-0001】2105 高某 早 胸闷气短（09:10）。处理后请回复 #已处理 A-0001'],
      [
        STAFF,
        '【紧急需求 R-0003】2105 高某：医疗需求（09:10）\n原话：“救命 喘不上气”\n接单 #接单 R-0003，办好后 #完成 R-0003',
      ],
      [
        RESIDENTS,
        '@2105高 已记录：2105 早 胸闷气短\n' +
          '已收到您的紧急需求，工单 R-0003（医疗需求），已通知工作人员马上处理。',
      ],
    ]);
    // Asking after an open ticket is no new one.
    expect(texts(await h.say(RESIDENTS, '2105高', '体温计什么时候送来', '2020-02-15 09:15'))).toEqual([
      [RESIDENTS, '@2105高 您的需求 R-0001（体温计）还在处理中，工作人员会尽快办好。'],
    ]);
    // Asking after tickets with nothing new asked: where each stands, and staff are told once a day.
    const pending =
      '@2105高 您的需求 R-0003（医疗需求）还在处理中，工作人员会尽快办好。\n' +
      '您的需求 R-0001（体温计）还在处理中，工作人员会尽快办好。';
    expect(texts(await h.say(RESIDENTS, '2105高', '之前要的还没到，麻烦看一下', '2020-02-15 09:16'))).toEqual(
      [
        [STAFF, '【催办】2105 高某问：R-0003（医疗需求）、R-0001（体温计），什么时候能办好。'],
        [RESIDENTS, pending],
      ],
    );
    expect(texts(await h.say(RESIDENTS, '2105高', '之前要的咋还没送来', '2020-02-15 09:17'))).toEqual([
      [RESIDENTS, pending],
    ]);
    expect(texts(await h.say(STAFF, '李护士', '#接单 R-0001', '2020-02-15 09:20'))).toEqual([
      [STAFF, 'R-0001（2105 高某 体温计）由 李护士 负责。'],
    ]);
    expect(texts(await h.say(STAFF, '李护士', '#待办', '2020-02-15 09:21'))).toEqual([
      [
        STAFF,
        '待办需求 3 件：\nR-0003 2105 高某 医疗需求（紧急，2月15日 09:10）\n' +
          'R-0001 2105 高某 体温计 1个（2月15日 09:00，李护士负责）\nR-0002 2107 王某 口罩 2个（2月15日 09:05）',
      ],
    ]);
    expect(texts(await h.say(STAFF, '李护士', '#完成 R-0001 已放门口', '2020-02-15 09:30'))).toEqual([
      [RESIDENTS, '@2105高 您的需求 R-0001（体温计）已办好：已放门口'],
      [STAFF, 'R-0001 已办结，住户马上会收到通知。'],
    ]);
    expect(texts(await h.say(STAFF, '张医生', '#办结 R-0001', '2020-02-15 09:31'))).toEqual([
      [STAFF, 'R-0001 已于 2月15日 09:30 办结。'],
    ]);
    // The resident withdraws one; it is no longer open.
    expect(texts(await h.say(RESIDENTS, '小王', '口罩不要了', '2020-02-15 09:40'))).toEqual([
      [RESIDENTS, '@小王 已取消工单 R-0002。'],
    ]);
    expect(
      (await db().select().from(requests).orderBy(asc(requests.number))).map((r) => [
        r.number,
        r.category,
        r.status,
        r.urgent,
        r.room,
        r.assignee,
      ]),
    ).toEqual([
      [1, 'medical', 'done', false, '2105', '李护士'],
      [2, 'protective', 'cancelled', false, '2107', null],
      [3, 'medical', 'open', true, '2105', null],
    ]);
  });
});

describe('commands and everything else', () => {
  it('answers #状态 with the sender’s own period, unknown commands with help, and keeps what it cannot place', async () => {
    await h.say(RESIDENTS, '2105高', '36.5', '2020-02-15 07:45');
    expect(texts(await h.say(RESIDENTS, '2105高', '#状态', '2020-02-15 10:00'))).toEqual([
      [RESIDENTS, '@2105高 2105：医学观察第 9 天（共 14 天），预计 2月21日 解除。今天：早 36.5℃；晚 未报。'],
    ]);
    expect(texts(await h.say(RESIDENTS, '陌生人', '#状态', '2020-02-15 10:01'))).toEqual([
      [
        RESIDENTS,
        '@陌生人 您好，还不知道您是哪个房间的住户，请发送“#登记 房号 姓名”（如 #登记 2105 张三）。',
      ],
    ]);
    const help = await h.say(RESIDENTS, '2105高', '#解除', '2020-02-15 10:02');
    expect(help.map((m) => m.text.split('\n')[0])).toEqual(['@2105高 守望小助手可以帮您：']);
    expect(await h.say(RESIDENTS, '2105高', '谢谢医生！辛苦了', '2020-02-15 10:03')).toEqual([]);
    // What the bot cannot place goes to staff, and the sender hears so — once in a while, not every time.
    expect(texts(await h.say(RESIDENTS, '2105高', '我的核酸结果出来了没有', '2020-02-15 10:04'))).toEqual([
      [RESIDENTS, '@2105高 收到，这条消息工作人员会看一下，需要时会联系您。'],
    ]);
    expect(await h.say(RESIDENTS, '2105高', '😷🤒', '2020-02-15 10:05')).toEqual([]);
    expect(await stateOf('😷🤒')).toBe('unplaced');
    // A number asked about is no reading: no report, no alert; staff look at the question.
    expect(await h.say(RESIDENTS, '小王', '37.5是不是就算发烧了', '2020-02-15 10:06')).toEqual([
      expect.objectContaining({ text: '@小王 收到，这条消息工作人员会看一下，需要时会联系您。' }),
    ]);
    expect(await stateOf('37.5是不是就算发烧了')).toBe('unplaced');
    expect((await db().select().from(alerts)).length).toBe(0);
    expect(await stateOf('谢谢医生！辛苦了')).toBe('ignored');
    expect(await stateOf('我的核酸结果出来了没有')).toBe('unplaced');
    expect(await stateOf('#状态')).toBe('handled');
  });
});

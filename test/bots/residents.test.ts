// Residents writing in the residents group of an observation site, through the mock puppet: reports,
// confirmations, alerts in the staff group, binding unknown senders, requests and their tickets.
import { and, asc, eq } from 'drizzle-orm';
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
const reportsOf = (residentId: number | null) =>
  h.t.db.db
    .select()
    .from(healthReports)
    .where(residentId === null ? undefined : eq(healthReports.residentId, residentId))
    .orderBy(asc(healthReports.id));
const residentNamed = async (name: string) => {
  const [r] = await h.t.db.db.select().from(residents).where(eq(residents.name, name));
  if (!r) throw new Error(`no resident ${name}`);
  return r;
};

describe('health reports', () => {
  it('records a report, answers in one line, and replaces it with a later one in the same slot', async () => {
    expect(texts(await h.say(RESIDENTS, '2105高', '2105 早上36.4', '2020-02-15 07:40'))).toEqual([
      [RESIDENTS, '@2105高 已记录：2105 早 36.4℃'],
    ]);
    expect(texts(await h.say(RESIDENTS, '2105高', '36.6', '2020-02-15 08:10'))).toEqual([
      [RESIDENTS, '@2105高 已记录：2105 早 36.6℃'],
    ]);
    const gao = await residentNamed('高某');
    expect(gao.wechatId).not.toBeNull();
    const rows = await reportsOf(gao.id);
    expect(rows.map((r) => [r.day, r.slot, r.temperature, r.current])).toEqual([
      ['2020-02-15', 'am', 36.4, false],
      ['2020-02-15', 'am', 36.6, true],
    ]);
  });

  it('asks to confirm a slip the parser corrected, and records it anyway', async () => {
    expect(texts(await h.say(RESIDENTS, '2105高', '365', '2020-02-15 07:50'))).toEqual([
      [
        RESIDENTS,
        '@2105高 已记录：2105 早 36.5℃\n您报告的体温是 36.5℃ 吗？已先按此记录，如有误请重新发一次。',
      ],
    ]);
    const [row] = await reportsOf((await residentNamed('高某')).id);
    expect(row?.temperature).toBe(36.5);
  });

  it('raises an alert in the staff group for a fever with symptoms, and staff acknowledge it', async () => {
    const sent = await h.say(RESIDENTS, '2105高', '37.8 有点咳嗽，嗓子疼', '2020-02-15 07:58');
    expect(texts(sent)).toEqual([
      [STAFF, '【告警 A-0001】2105 高某 早 37.8℃，咳嗽、咽痛（07:58）。处理后请回复 #已处理 A-0001'],
      [
        RESIDENTS,
        '@2105高 已记录：2105 早 37.8℃，咳嗽、咽痛\n已通知医生，请在房间休息，多喝水，医生会尽快联系您。',
      ],
    ]);
    const [alert] = await h.t.db.db.select().from(alerts);
    expect(alert).toMatchObject({ number: 1, kind: 'fever', status: 'open', temperature: 37.8 });
    expect(
      texts(await h.say(STAFF, '张医生', '#已处理 A-0001 已电话联系，安排复测', '2020-02-15 08:05')),
    ).toEqual([[STAFF, 'A-0001 已确认处理（张医生）。']]);
    const [acked] = await h.t.db.db.select().from(alerts);
    expect(acked).toMatchObject({ status: 'acknowledged', ackBy: '张医生', ackNote: '已电话联系，安排复测' });
    expect(texts(await h.say(STAFF, '李护士', '#已处理 A-1', '2020-02-15 08:06'))).toEqual([
      [STAFF, 'A-0001 已由 张医生 于 2月15日 08:05 处理过。'],
    ]);
  });
});

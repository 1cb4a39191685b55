// The ladder for residents who do not report (issue 21), through the real chat path and the API: the
// reminder, the @nudge, a private message, the staff call list, and what staff's calls came to — every
// step recorded, each run once although two instances fire the timetable.
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunsRepo } from '../../db/repositories/job-runs.js';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { contactAttempts, healthReports, residents } from '../../db/schema.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { timetableJobs } from '../../src/jobs/timetable.js';
import { silentLogger } from '../../src/log.js';
import { CLI_ACTOR } from '../../src/services/admin/audit.js';
import { RESIDENTS, type SiteHarness, STAFF, shanghai, startSite } from '../helpers/quarantine.js';

let h: SiteHarness;
beforeEach(async () => {
  h = await startSite(
    [
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-08' },
      { name: '王某', room: '2107', start: '2020-02-10' },
    ],
    '2020-02-14 20:00',
  );
});
afterEach(async () => {
  await h.stop();
});

const db = () => h.t.db.db;
const texts = (sent: { topic: string; text: string }[]) => sent.map((m) => [m.topic, m.text]);

/** Two instances' schedulers on one database fire the site's timetable over (from, to]. */
async function runBoth(from: string, to: string) {
  const site = await createRegistryRepo(db()).siteByName('五指山观察点');
  if (!site) throw new Error('no site');
  const deps = {
    quarantine: h.t.sw.services.quarantine.timetable,
    village: h.t.sw.services.village.timetable,
  };
  const schedulers = ['a', 'b'].map((instance) => {
    const s = createScheduler({
      jobRuns: createJobRunsRepo(db(), instance),
      clock: h.clock,
      log: silentLogger,
    });
    for (const job of timetableJobs(site, deps)) s.add(job);
    return s;
  });
  const fired: string[] = [];
  const hooks = {
    before: (at: Date) => {
      if (at > h.clock.now()) h.clock.set(at);
      fired.push(at.toISOString());
    },
  };
  // Minute by minute, both instances contending for each fire: run over the whole window at once, one
  // instance could move the shared simulated clock past a fire the other is still running (a 09:30 step
  // recorded at 10:00), which a real clock never does.
  const end = shanghai(to).getTime();
  for (let t = shanghai(from).getTime(); t < end; t += 60_000) {
    const step = new Date(Math.min(t + 60_000, end));
    await Promise.all(schedulers.map((s) => s.runDue(new Date(t), step, hooks)));
  }
  return fired;
}

async function residentId(name: string): Promise<number> {
  const [r] = await db().select().from(residents).where(eq(residents.name, name));
  if (!r) throw new Error(`no resident ${name}`);
  return r.id;
}

describe('the ladder', () => {
  it('takes a resident who never reports up every step, once, onto the call list; a call with a reading ends it', async () => {
    // Both reported the evening before (so the bot knows them); only 高某 reports this morning.
    await h.say(RESIDENTS, '2105高', '晚上36.5', '2020-02-14 20:10');
    await h.say(RESIDENTS, '2106李', '晚上36.6', '2020-02-14 20:20');
    await h.say(RESIDENTS, '2105高', '36.4', '2020-02-15 07:50');

    const fired = await runBoth('2020-02-15 07:59', '2020-02-15 10:01');
    // Reminder 08:00, night summary 08:30, nudge and release notices 09:00, private 09:30, call list
    // 10:00: each fire ran on one of the two instances only.
    expect(fired).toHaveLength(6);
    const sent = await h.flush();
    const said = texts(sent);
    expect(said.filter(([topic]) => topic === RESIDENTS)).toEqual([
      [RESIDENTS, '早上好！请各位在群里报告今早的体温，如“2105 36.5”。有不舒服请一并说明。'],
      [RESIDENTS, '@2106李 今早的体温还没收到，请看到后在群里报一下，谢谢！（2107 房间的朋友也请报一下）'],
    ]);
    // The private message goes to 李某 alone; 王某 has never written, so the bot cannot reach him privately.
    const privately = sent.filter((m) => m.to);
    expect(privately.map((m) => [m.topic, m.text])).toEqual([
      [
        '私聊 2106李',
        '您好，今早的体温还没收到，方便时请在住户群报一下（如“2105 36.5”）。有不舒服请直接告诉我们。',
      ],
    ]);
    expect(said.filter(([topic]) => topic === STAFF)).toEqual([
      [
        STAFF,
        '【早报电话名单 2月15日】共 2 人，按先后打：\n1. 2106 李某：已试：群里提醒、私信\n2. 2107 王某：已试：群里提醒\n打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
      ],
    ]);

    // Staff call: 李某 does not answer, and goes to the end of the list for 30 minutes.
    expect(texts(await h.say(STAFF, '张医生', '#未接通 2106', '2020-02-15 10:05'))).toEqual([
      [STAFF, '已记下：2106 李某 未接通，10:35 后会再出现在电话名单上。'],
    ]);
    expect((await h.say(STAFF, '张医生', '#电话名单', '2020-02-15 10:06'))[0]?.text).toBe(
      '【早报电话名单 2月15日】共 2 人，按先后打：\n1. 2107 王某：已试：群里提醒、列入电话名单\n2. 2106 李某：已试：群里提醒、私信、列入电话名单、电话未接通；10:35 后再打\n打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
    );
    // The second call gets through: the reading is the slot's report, taken by phone, by 张医生.
    expect(texts(await h.say(STAFF, '张医生', '#已联系 2106 36.6', '2020-02-15 10:40'))).toEqual([
      [STAFF, '已记下：2106 李某 电话联系上了，体温 36.6℃ 已记为本次上报（电话）。'],
    ]);
    const [report] = await db()
      .select()
      .from(healthReports)
      .where(
        and(
          eq(healthReports.residentId, await residentId('李某')),
          eq(healthReports.current, true),
          eq(healthReports.day, '2020-02-15'),
        ),
      );
    expect(report).toMatchObject({
      day: '2020-02-15',
      slot: 'am',
      temperature: 36.6,
      via: 'phone',
      givenBy: '张医生',
    });
    // Off the ladder: the list has only 王某 now, and nothing about it reached the residents group.
    expect((await h.say(STAFF, '张医生', '#电话名单', '2020-02-15 10:41'))[0]?.text).toMatch(
      /共 1 人.*\n1\. 2107 王某/,
    );

    // Every step is recorded, once.
    const steps = await db()
      .select()
      .from(contactAttempts)
      .where(eq(contactAttempts.residentId, await residentId('李某')))
      .orderBy(asc(contactAttempts.id));
    expect(steps.map((a) => [a.step, a.outcome, a.by])).toEqual([
      ['nudge', 'sent', null],
      ['private', 'sent', null],
      ['call-list', 'listed', null],
      ['call', 'no-answer', '张医生'],
      ['call', 'reached', '张医生'],
    ]);

    // The digest counts the phone report and names who is still unaccounted for, with what was tried.
    const digest = await h.t.sw.services.quarantine.digest(h.siteId, '2020-02-15');
    expect(digest.reportedVia).toEqual({ phone: 1, visit: 0, relative: 0 });
    expect(digest.unaccounted.am).toEqual([{ name: '王某', room: '2107', tried: '群里提醒、列入电话名单' }]);
    const text = await h.t.sw.services.quarantine.digestText(h.siteId, '2020-02-15');
    expect(text).toContain('其中电话 1 人次');
    expect(text).toContain('仍未联系上（早）1 人：2107 王某（群里提醒、列入电话名单）');

    // Firing the same window again (a restart, the other instance) repeats nothing.
    await runBoth('2020-02-15 07:59', '2020-02-15 10:01');
    expect(await h.flush()).toEqual([]);
  });

  it('serves the call list through the API and records a call outcome from the console', async () => {
    await h.say(RESIDENTS, '2106李', '晚上36.6', '2020-02-14 20:20');
    await runBoth('2020-02-15 07:59', '2020-02-15 10:01');
    await h.flush();
    const app = h.t.sw.app;
    const newToken = async (name: string, role: 'staff' | 'medic') =>
      (await h.t.sw.services.tokens.create(CLI_ACTOR, { name, role, siteIds: [h.siteId] })).token;
    const token = await newToken('值班医生', 'staff');
    const medic = await newToken('医生', 'medic');
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });

    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/sites/${h.siteId}/call-list?date=2020-02-15&slot=am`,
      headers: auth(token),
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.entries.map((e: { room: string; tried: string }) => [e.room, e.tried])).toEqual([
      ['2105', '群里提醒、列入电话名单'],
      ['2106', '群里提醒、私信、列入电话名单'],
      ['2107', '群里提醒、列入电话名单'],
    ]);
    // A year of birth from the roster (or set by staff) puts the elderly first, and says why.
    const wang = await residentId('王某');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/residents/${wang}`,
      headers: auth(token),
      payload: { born: 1948 },
    });
    expect(patched.statusCode).toBe(200);
    const again = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/sites/${h.siteId}/call-list?date=2020-02-15&slot=am`,
        headers: auth(token),
      })
    ).json();
    expect(again.entries[0]).toMatchObject({ room: '2107', age: 72, why: ['72 岁'] });
    // A medic sees the list but not the phones (phones are registry:read).
    const forMedic = await app.inject({
      method: 'GET',
      url: `/api/v1/sites/${h.siteId}/call-list?date=2020-02-15&slot=am`,
      headers: auth(medic),
    });
    expect(forMedic.json().entries.every((e: { phone: unknown }) => e.phone === null)).toBe(true);

    h.clock.set(shanghai('2020-02-15 10:30'));
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/sites/${h.siteId}/call-list/outcomes`,
      headers: auth(token),
      payload: {
        residentId: await residentId('王某'),
        outcome: 'visited',
        temperature: 36.8,
        note: '在房间，睡着了',
      },
    });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toEqual({ residentId: await residentId('王某'), date: '2020-02-15', slot: 'am' });
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/sites/${h.siteId}/call-list/outcomes`,
      headers: auth(token),
      payload: { residentId: await residentId('王某'), outcome: 'reached', temperature: 98.6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('temperature');

    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/sites/${h.siteId}/call-list?date=2020-02-15&slot=am`,
      headers: auth(token),
    });
    expect(after.json().entries.map((e: { room: string }) => e.room)).toEqual(['2105', '2106']);
    const digest = await h.t.sw.services.quarantine.digest(h.siteId, '2020-02-15');
    expect(digest.reportedVia.visit).toBe(1);
    // The 台账 keeps the reading a number in its cell and says in its last column how it came, from whom.
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/sites/${h.siteId}/exports/temperatures.csv?from=2020-02-15&to=2020-02-15`,
      headers: auth(token),
    });
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header?.split(',').at(-1)).toBe('代报/电话/上门');
    expect(rows.find((r) => r.startsWith('2107,'))).toMatch(/,36\.8,.*2月15日早 上门（值班医生）$/);
  });
});

describe('readings given for someone else', () => {
  it('records a roommate’s reading on the roommate, marked as given by the sender, and keeps an unknown person’s apart', async () => {
    await h.stop();
    h = await startSite(
      [
        { name: '刘芳', room: '2208', wechat: '2208刘', start: '2020-02-10' },
        { name: '张强', room: '2208', start: '2020-02-10' },
      ],
      '2020-02-15 07:00',
    );
    // One other person named, one roommate: the husband's reading is 张强's, given by 刘芳.
    expect(texts(await h.say(RESIDENTS, '2208刘', '2208 我36.5 老公36.7', '2020-02-15 07:40'))).toEqual([
      [RESIDENTS, '@2208刘 已记录：2208 早 36.5℃；老公 早 36.7℃'],
    ]);
    const current = async () =>
      new Map(
        (await db().select().from(healthReports).where(eq(healthReports.current, true))).map((r) => [
          `${r.residentId}|${r.slot}`,
          r,
        ]),
      );
    const liu = await residentId('刘芳');
    const zhang = await residentId('张强');
    expect((await current()).get(`${liu}|am`)).toMatchObject({ temperature: 36.5, via: null });
    expect((await current()).get(`${zhang}|am`)).toMatchObject({
      temperature: 36.7,
      via: 'relative',
      givenBy: '刘芳',
    });

    // Two others named, one roommate: the roster cannot say who is who. Both readings are kept apart,
    // under the names as written, never as 刘芳's own; the child's fever reaches staff.
    const said = await h.say(RESIDENTS, '2208刘', '2208 我36.6 老公36.8 娃38.2', '2020-02-15 20:10');
    expect(texts(said.filter((m) => m.topic === RESIDENTS))).toEqual([
      [RESIDENTS, '@2208刘 已记录：2208 晚 36.6℃；老公 晚 36.8℃；娃 晚 38.2℃'],
    ]);
    expect(texts(said.filter((m) => m.topic === STAFF))).toEqual([
      [STAFF, '【告警 A-0001】2208 刘芳的娃 晚 38.2℃（20:10）。处理后请回复 #已处理 A-0001'],
    ]);
    const now = await current();
    expect(now.get(`${liu}|pm`)).toMatchObject({ temperature: 36.6 });
    expect(now.get(`${zhang}|pm`)).toBeUndefined();
    const apart = (await db().select().from(healthReports)).filter((r) => r.residentId === null);
    expect(apart.map((r) => r.temperature).sort()).toEqual([36.8, 38.2]);
  });
});

// /api/v1/digests: a site's digest as JSON and text (the builders of `shouwang digest --json`), and
// "send now" into the staff or volunteers' group.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { addHouseholds, addResidents, local, say } from '../helpers/api-village.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
  await addHouseholds(h);
  await addResidents(h, [
    { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
    { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-10' },
  ]);
  await say(h, TOPICS.aResidents, '2105高', '2105 体温37.9', '2020-02-15 07:40');
  await say(h, TOPICS.vVillagers, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', '2020-02-15 09:10');
  await say(h, TOPICS.vVillagers, '老王', '明天下午送两桶水到5组', '2020-02-15 09:20');
  await say(h, TOPICS.vVillagers, '刘婆婆', '老汉今天38.6 咳得凶', '2020-02-15 09:30');
  // 00:30 on the 16th in Shanghai, still the 15th in UTC: "today" is the site's.
  h.clock.set(local('2020-02-16 00:30'));
});
afterAll(() => h.close());

describe('GET /api/v1/digests/:siteId', () => {
  it('answers an observation site’s digest with the contract’s fields and the text as posted', async () => {
    const res = await h.call(h.tokens.medicA, 'GET', `/api/v1/digests/${h.sites.a}?date=2020-02-15`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'quarantine',
      site: '五指山观察点',
      date: '2020-02-15',
      observing: 2,
      reported: { am: 1, pm: 0 },
      missing: { am: ['李某'], pm: ['高某', '李某'] },
      fever: [{ name: '高某', room: '2105', temperature: 37.9, at: '2020-02-15T07:40:00+08:00' }],
      openRequests: 0,
      releasesDue: [],
      admittedTotal: 2,
      releasedTotal: 0,
    });
    expect(d.text.split('\n').slice(0, 5)).toEqual([
      '【五指山观察点 2月15日日报】',
      '在观察 2 人；早报 1/2，晚报 0/2',
      '未报（早）：2106 李某',
      '未报（晚）：2105 高某、2106 李某',
      '发热 1 人：2105 高某 37.9℃（07:40）',
    ]);
    expect(d).not.toHaveProperty('people');
  });

  it('gives a viewer the same digest as counts, with nobody’s name or reading', async () => {
    const res = await h.call(h.tokens.viewerA, 'GET', `/api/v1/digests/${h.sites.a}?date=2020-02-15`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'quarantine',
      observing: 2,
      reported: { am: 1, pm: 0 },
      missingCount: { am: 1, pm: 2 },
      feverCount: 1,
    });
    expect(d).not.toHaveProperty('fever');
    expect(d).not.toHaveProperty('missing');
    expect(JSON.stringify(d)).not.toMatch(/高某|李某|2105|2106|37\.9/);
    expect(d.text.split('\n').slice(0, 5)).toEqual([
      '【五指山观察点 2月15日日报】',
      '在观察 2 人；早报 1/2，晚报 0/2',
      '未报（早）1 人',
      '未报（晚）2 人',
      '发热 1 人',
    ]);
  });

  it('defaults to today in the site’s zone, and gives a village’s digest to its volunteers', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/digests/${h.sites.v}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'village',
      site: '七星洞村',
      date: '2020-02-16',
      orders: 0,
      purchaseList: [
        { name: '菜籽油', unit: '桶', qty: 1 },
        { name: '化肥', unit: '袋', qty: 2 },
      ],
      water: [{ deliverTo: '五组', qty: 2, part: 'pm' }],
      undelivered: 1,
    });
    expect(res.json().text).toMatch(/^【七星洞村 2月16日汇总】\n当天新订单 0 单；未送达 1 单/);
  });

  it('lists the day’s calls for the village doctor: who and what ails them only with health:read', async () => {
    const path = `/api/v1/digests/${h.sites.v}?date=2020-02-15`;
    const full = (await h.call(h.tokens.admin, 'GET', path)).json();
    expect(full.care).toEqual([
      {
        time: '09:30',
        household: '刘家（三组）',
        said: '老汉 38.6℃，咳嗽',
        ask: '请村医尽快上门。',
        urgent: true,
      },
    ]);
    expect(full.text).toContain(
      '【村民健康】1 条\n· 09:30 刘家（三组）：老汉 38.6℃，咳嗽。请村医尽快上门。（急）',
    );
    // a volunteer's token has no health:read: the call and its time, not who or the reading
    const counts = (await h.call(h.tokens.volunteerV, 'GET', path)).json();
    expect(counts.care).toEqual([
      { time: '09:30', household: '', said: '', ask: '请村医尽快上门。', urgent: true },
    ]);
    expect(counts.text).toContain('【村民健康】1 条\n· 09:30 请村医尽快上门。（急）');
    expect(counts.text).not.toMatch(/38\.6|刘家/);
  });

  it('400 on a bad date, 401 without a token, 403 out of scope, 404 for an unknown site', async () => {
    const bad = await h.call(h.tokens.admin, 'GET', `/api/v1/digests/${h.sites.a}?date=2020-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.date');
    expect((await h.call(null, 'GET', `/api/v1/digests/${h.sites.a}`)).statusCode).toBe(401);
    const other = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/digests/${h.sites.a}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN');
    expect((await h.call(h.tokens.viewerA, 'GET', `/api/v1/digests/${h.sites.w}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/digests/9999')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/digests/:siteId/send', () => {
  it('queues the digest into the staff group, audited', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/digests/${h.sites.a}/send`, {
      date: '2020-02-15',
    });
    expect(res.statusCode).toBe(202);
    const { queued, outboxId } = res.json();
    expect(queued).toBe(true);
    const [row] = await h.db.db.select().from(outbox).where(eq(outbox.id, outboxId));
    const view = await h.call(h.tokens.staffA, 'GET', `/api/v1/digests/${h.sites.a}?date=2020-02-15`);
    expect(row).toMatchObject({ topic: TOPICS.aStaff, kind: 'digest', text: view.json().text });
    const [audit] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'digest'), eq(auditLog.action, 'send')));
    expect(audit).toMatchObject({
      actorName: 'staff-a',
      siteId: h.sites.a,
      entityId: `${h.sites.a}:2020-02-15`,
    });
    expect(audit?.after).toMatchObject({ outboxIds: [outboxId] });
  });

  it('sends a village’s digest to its volunteers; 409 for a village without a volunteers’ group', async () => {
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/digests/${h.sites.v}/send`, {});
    expect(res.statusCode).toBe(202);
    const [row] = await h.db.db.select().from(outbox).where(eq(outbox.id, res.json().outboxId));
    expect(row?.topic).toBe(TOPICS.vVolunteers);
    expect(row?.text).toMatch(/^【七星洞村 2月16日汇总】/);
    const none = await h.call(h.tokens.admin, 'POST', `/api/v1/digests/${h.sites.w}/send`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('CONFLICT');
  });

  it('400 on a bad body, 401, 403 by role and by site, 404 for an unknown site', async () => {
    const url = `/api/v1/digests/${h.sites.a}/send`;
    const bad = await h.call(h.tokens.admin, 'POST', url, { date: '15.2.2020' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('body.date');
    expect((await h.call(null, 'POST', url, {})).statusCode).toBe(401);
    expect((await h.call(h.tokens.medicA, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffB, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/digests/9999/send', {})).statusCode).toBe(404);
    const sent = await h.db.db.select().from(outbox).where(eq(outbox.kind, 'digest'));
    expect(sent).toHaveLength(2);
  });
});

// /api/v1/alerts: fever and symptom alerts raised from what residents wrote, listed within each token's
// sites, and acknowledged as #已处理 in the staff group does — audited, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { say } from '../helpers/health-api.js';

let h: ApiHarness;
const ids: Record<string, number> = {};
beforeAll(async () => {
  h = await createApiHarness();
  const gao = await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
    siteId: h.sites.a,
    name: '高某',
    room: '2105',
    start: '2020-02-07',
    wechat: '2105高',
  });
  ids.gao = gao.json().id;
  await h.call(h.tokens.staffB, 'POST', '/api/v1/residents', {
    siteId: h.sites.b,
    name: '李某',
    room: '301',
    start: '2020-02-10',
    wechat: '301李',
  });
  await say(h, TOPICS.aResidents, '2105高', '37.8', '2020-02-15 08:05');
  await say(h, TOPICS.aResidents, '陌生人', '36.5 咳嗽', '2020-02-15 08:13');
  await say(h, TOPICS.bResidents, '301李', '38.2', '2020-02-16 07:50');
  const all = (await h.call(h.tokens.admin, 'GET', '/api/v1/alerts')).json().items;
  ids.fever = all[0].id;
  ids.cough = all[1].id;
  ids.b = all[2].id;
});
afterAll(() => h.close());

const list = async (token: string, query = '') => {
  const res = await h.call(token, 'GET', `/api/v1/alerts${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: number; number: number; ref: string; name: string; status: string }[];
};

describe('GET /alerts', () => {
  it('lists alerts with who, where and what, oldest first', async () => {
    const items = await list(h.tokens.staffA);
    expect(items).toEqual([
      {
        id: ids.fever,
        siteId: h.sites.a,
        number: 1,
        ref: 'A-0001',
        residentId: ids.gao,
        name: '高某',
        room: '2105',
        kind: 'fever',
        temperature: 37.8,
        symptoms: [],
        raisedAt: '2020-02-15T08:05:00+08:00',
        day: '2020-02-15',
        slot: 'am',
        earlier: false,
        status: 'open',
        acknowledgedAt: null,
        acknowledgedBy: null,
        note: null,
      },
      expect.objectContaining({
        ref: 'A-0002',
        residentId: null,
        name: '陌生人',
        room: null,
        kind: 'symptom',
        symptoms: ['cough'],
      }),
    ]);
  });

  it('filters by site, day and status, and pages', async () => {
    expect((await list(h.tokens.admin)).map((a) => a.id)).toEqual([ids.fever, ids.cough, ids.b]);
    expect((await list(h.tokens.admin, `?site=${h.sites.b}`)).map((a) => a.id)).toEqual([ids.b]);
    expect((await list(h.tokens.admin, '?date=2020-02-16')).map((a) => a.id)).toEqual([ids.b]);
    expect((await list(h.tokens.admin, '?from=2020-02-14&to=2020-02-15')).length).toBe(2);
    expect(await list(h.tokens.admin, '?status=acknowledged')).toEqual([]);
    const first = (await h.call(h.tokens.admin, 'GET', '/api/v1/alerts?limit=2')).json();
    expect(first.items.length).toBe(2);
    const next = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/alerts?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(next).toEqual({ items: [expect.objectContaining({ id: ids.b })], nextCursor: null });
  });

  it('answers 400 naming the field for bad filters', async () => {
    for (const [query, field] of [
      ['?status=closed', 'querystring.status'],
      ['?date=2020-02-30', 'querystring.date'],
      ['?date=2020-02-15&from=2020-02-14', 'querystring.date'],
      ['?site=999', 'querystring.site'],
      ['?cursor=nonsense', 'querystring.cursor'],
      ['?colour=red', 'querystring.colour'],
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', `/api/v1/alerts${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().fields[0].field, query).toBe(field);
    }
  });

  it('keeps alerts within the token’s sites and health roles (401, 403)', async () => {
    expect((await list(h.tokens.medicA)).map((a) => a.id)).toEqual([ids.fever, ids.cough]);
    expect((await list(h.tokens.staffB)).map((a) => a.id)).toEqual([ids.b]);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/alerts?site=${h.sites.a}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/alerts/${ids.fever}`)).statusCode).toBe(403);
    for (const t of [h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/alerts')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/alerts')).statusCode).toBe(401);
    expect((await h.call(h.tokens.medicA, 'GET', `/api/v1/alerts/${ids.fever}`)).json().ref).toBe('A-0001');
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/alerts/9999')).statusCode).toBe(404);
  });
});

describe('POST /alerts/:id/ack', () => {
  it('refuses other sites, roles without health:write, bad bodies and unknown ids, writing nothing', async () => {
    const url = `/api/v1/alerts/${ids.fever}/ack`;
    expect((await h.call(h.tokens.staffB, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.viewerA, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.volunteerV, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(null, 'POST', url, {})).statusCode).toBe(401);
    const bad = await h.call(h.tokens.staffA, 'POST', url, { note: 'x'.repeat(501) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('body.note');
    const unknown = await h.call(h.tokens.staffA, 'POST', url, { by: '我' });
    expect(unknown.json().fields[0].field).toBe('body.by');
    expect((await h.call(h.tokens.staffA, 'POST', '/api/v1/alerts/9999/ack', {})).statusCode).toBe(404);
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/alerts/${ids.fever}`)).json().status).toBe('open');
    const audit = await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=alert&entityId=${ids.fever}`);
    expect(audit.json().items).toEqual([]);
  });

  it('acknowledges with a note, audited; a second time is a 409', async () => {
    h.clock.set(new Date('2020-02-16T08:30:00+08:00'));
    const url = `/api/v1/alerts/${ids.fever}/ack`;
    const res = await h.call(h.tokens.medicA, 'POST', url, { note: '已电话联系，复测' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.fever,
      status: 'acknowledged',
      acknowledgedAt: '2020-02-16T08:30:00+08:00',
      acknowledgedBy: 'medic-a',
      note: '已电话联系，复测',
    });
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=alert&entityId=${ids.fever}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'acknowledge',
      actor: { name: 'medic-a' },
      siteId: h.sites.a,
      before: { status: 'open', ackBy: null },
      after: { status: 'acknowledged', ackBy: 'medic-a' },
    });
    const again = await h.call(h.tokens.staffA, 'POST', url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    expect((await list(h.tokens.staffA, '?status=open')).map((a) => a.id)).toEqual([ids.cough]);
    expect((await list(h.tokens.staffA, '?status=acknowledged')).map((a) => a.id)).toEqual([ids.fever]);
  });

  it('acknowledges once when two acknowledge at the same moment', async () => {
    const url = `/api/v1/alerts/${ids.b}/ack`;
    const answers = await Promise.all([
      h.call(h.tokens.staffB, 'POST', url, {}),
      h.call(h.tokens.admin, 'POST', url, {}),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audit = await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=alert&entityId=${ids.b}`);
    expect(audit.json().items).toHaveLength(1);
  });

  it('acknowledges once when the staff group and the API act at the same moment', async () => {
    await say(h, TOPICS.bResidents, '301李', '晚上 38.4', '2020-02-16 19:50');
    const open = await list(h.tokens.staffB, `?status=open&site=${h.sites.b}`);
    expect(open).toHaveLength(1);
    const alert = open[0] as (typeof open)[number];
    const [api, chat] = await Promise.all([
      h.call(h.tokens.staffB, 'POST', `/api/v1/alerts/${alert.id}/ack`, {}),
      // The step #已处理 A-000N in the staff group takes.
      h.services.quarantine.acknowledgeAlert(h.sites.b, alert.number, { name: '值班护士' }),
    ]);
    const done = [api.statusCode === 200, chat?.outcome === 'done'];
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(api.statusCode).toBe(done[0] ? 200 : 409);
    expect(chat?.outcome).toBe(done[1] ? 'done' : 'already');
  });

  it('takes a body-less request, and the staff group’s #已处理 sees the same state', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/alerts/${ids.cough}/ack`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'staff-a', note: null });
    await say(h, TOPICS.aStaff, '王医生', '#已处理 A-0002', '2020-02-16 09:00');
    const chat = await h.db.db.query.outbox.findMany();
    expect(chat.at(-1)?.text).toContain('A-0002');
    expect(chat.at(-1)?.text).toContain('staff-a');
  });
});

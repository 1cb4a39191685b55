// /api/v1/reports and /residents/:id/timeline: residents' reports as read from what they wrote, the
// current one per slot, within each token's sites; a resident's observation day by day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { say } from '../helpers/health-api.js';

let h: ApiHarness;
const ids: Record<string, number> = {};
beforeAll(async () => {
  h = await createApiHarness();
  ids.gao = (
    await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name: '高某',
      room: '2105',
      start: '2020-02-07',
      wechat: '2105高',
    })
  ).json().id;
  ids.li = (
    await h.call(h.tokens.staffB, 'POST', '/api/v1/residents', {
      siteId: h.sites.b,
      name: '李某',
      room: '301',
      start: '2020-02-10',
      wechat: '301李',
    })
  ).json().id;
  ids.m1 = await say(h, TOPICS.aResidents, '2105高', '36.5', '2020-02-15 08:05');
  ids.m2 = await say(h, TOPICS.aResidents, '2105高', '刚才量错了，36.8', '2020-02-15 08:30');
  await say(h, TOPICS.bResidents, '301李', '36.4', '2020-02-15 08:40');
  await say(h, TOPICS.aResidents, '2105高', '需要体温计', '2020-02-15 09:00');
  ids.m3 = await say(h, TOPICS.aResidents, '2105高', '37.6', '2020-02-15 20:05');
  ids.m4 = await say(h, TOPICS.aResidents, '2105高', '36.6 有点咳嗽', '2020-02-16 08:00');
});
afterAll(() => h.close());

type Report = { id: number; day: string; slot: string; temperature: number | null; name: string };
const list = async (token: string, query = '') => {
  const res = await h.call(token, 'GET', `/api/v1/reports${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Report[];
};
const temps = (rs: Report[]) => rs.map((r) => `${r.name} ${r.day} ${r.slot} ${r.temperature}`);

describe('GET /reports', () => {
  it('lists the current report of each slot, not the ones replaced', async () => {
    const items = await list(h.tokens.staffA);
    expect(temps(items)).toEqual([
      '高某 2020-02-15 am 36.8',
      '高某 2020-02-15 pm 37.6',
      '高某 2020-02-16 am 36.6',
    ]);
    expect(items[0]).toEqual({
      id: expect.any(Number),
      siteId: h.sites.a,
      residentId: ids.gao,
      name: '高某',
      room: '2105',
      day: '2020-02-15',
      slot: 'am',
      temperature: 36.8,
      symptoms: [],
      fever: false,
      reportedAt: '2020-02-15T08:30:00+08:00',
      messageId: ids.m2,
    });
    expect(items[2]).toMatchObject({ symptoms: ['cough'], fever: false, messageId: ids.m4 });
  });

  it('filters by site, day, resident, slot and fever, and pages', async () => {
    expect(temps(await list(h.tokens.admin, `?site=${h.sites.b}`))).toEqual(['李某 2020-02-15 am 36.4']);
    expect((await list(h.tokens.admin, '?date=2020-02-15')).length).toBe(3);
    expect(temps(await list(h.tokens.admin, '?from=2020-02-16'))).toEqual(['高某 2020-02-16 am 36.6']);
    expect(temps(await list(h.tokens.admin, '?to=2020-02-14'))).toEqual([]);
    expect((await list(h.tokens.admin, `?resident=${ids.gao}`)).length).toBe(3);
    expect(temps(await list(h.tokens.admin, '?slot=pm'))).toEqual(['高某 2020-02-15 pm 37.6']);
    expect(temps(await list(h.tokens.admin, '?fever=true'))).toEqual(['高某 2020-02-15 pm 37.6']);
    expect((await list(h.tokens.admin, '?fever=false')).length).toBe(3);
    const first = (await h.call(h.tokens.admin, 'GET', '/api/v1/reports?limit=3')).json();
    expect(first.items.length).toBe(3);
    const rest = await list(h.tokens.admin, `?limit=3&cursor=${first.nextCursor}`);
    expect(rest.length).toBe(1);
  });

  it('answers 400 naming the field', async () => {
    for (const [query, field] of [
      ['?slot=noon', 'querystring.slot'],
      ['?fever=1', 'querystring.fever'],
      ['?date=15.2.2020', 'querystring.date'],
      ['?from=2020-02-16&to=2020-02-15', 'querystring.to'],
      ['?resident=9999', 'querystring.resident'],
      ['?site=999', 'querystring.site'],
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', `/api/v1/reports${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().fields[0].field, query).toBe(field);
    }
  });

  it('keeps reports within the token’s sites and health roles (401, 403)', async () => {
    expect(temps(await list(h.tokens.staffB))).toEqual(['李某 2020-02-15 am 36.4']);
    expect((await list(h.tokens.medicA)).length).toBe(3);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/reports?site=${h.sites.a}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/reports?resident=${ids.gao}`)).statusCode).toBe(
      403,
    );
    for (const t of [h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/reports')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/reports')).statusCode).toBe(401);
  });
});

describe('GET /residents/:id/timeline', () => {
  it('shows the observation day by day with alerts, requests and the resident’s messages', async () => {
    const res = await h.call(h.tokens.staffA, 'GET', `/api/v1/residents/${ids.gao}/timeline`);
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.resident).toMatchObject({ id: ids.gao, name: '高某', room: '2105', wechatBound: true });
    expect(t.dayOfObservation).toBe(10);
    expect(t.observationDays).toBe(14);
    expect(t.days.map((d: { day: string; dayNumber: number }) => `${d.day}#${d.dayNumber}`)).toEqual([
      '2020-02-07#1',
      '2020-02-08#2',
      '2020-02-09#3',
      '2020-02-10#4',
      '2020-02-11#5',
      '2020-02-12#6',
      '2020-02-13#7',
      '2020-02-14#8',
      '2020-02-15#9',
      '2020-02-16#10',
    ]);
    expect(t.days[0]).toEqual({ day: '2020-02-07', dayNumber: 1, am: null, pm: null });
    expect(t.days[8]).toEqual({
      day: '2020-02-15',
      dayNumber: 9,
      am: { temperature: 36.8, symptoms: [], fever: false, reportedAt: '2020-02-15T08:30:00+08:00' },
      pm: { temperature: 37.6, symptoms: [], fever: true, reportedAt: '2020-02-15T20:05:00+08:00' },
    });
    expect(t.days[9].am).toMatchObject({ temperature: 36.6, symptoms: ['cough'] });
    expect(t.days[9].pm).toBeNull();
    expect(t.alerts.map((a: { ref: string; kind: string }) => `${a.ref} ${a.kind}`)).toEqual([
      'A-0001 fever',
      'A-0002 symptom',
    ]);
    expect(t.alerts[0]).toMatchObject({
      temperature: 37.6,
      raisedAt: '2020-02-15T20:05:00+08:00',
      acknowledgedAt: null,
    });
    expect(t.requests).toEqual([
      expect.objectContaining({ ref: 'R-0001', category: 'medical', status: 'open', closedAt: null }),
    ]);
    expect(t.messages.map((m: { id: number }) => m.id).slice(0, 2)).toEqual([ids.m4, ids.m3]);
    expect(t.messages).toHaveLength(5);
    expect(t.messages[0]).toEqual({ id: ids.m4, at: '2020-02-16T08:00:00+08:00', text: '36.6 有点咳嗽' });
  });

  it('leaves the messages out for tokens without messages:read', async () => {
    const t = (await h.call(h.tokens.medicA, 'GET', `/api/v1/residents/${ids.gao}/timeline`)).json();
    expect(t.days).toHaveLength(10);
    expect(t.messages).toEqual([]);
  });

  it('refuses other sites and other roles (403), unknown ids (404), bad ids (400)', async () => {
    const url = `/api/v1/residents/${ids.gao}/timeline`;
    expect((await h.call(h.tokens.staffB, 'GET', url)).statusCode).toBe(403);
    for (const t of [h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', url)).statusCode).toBe(403);
    expect((await h.call(null, 'GET', url)).statusCode).toBe(401);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/residents/9999/timeline')).statusCode).toBe(404);
    const bad = await h.call(h.tokens.admin, 'GET', '/api/v1/residents/abc/timeline');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('params.id');
  });
});

// /api/v1/rooms and /residents: the roster of observation sites, within each token's sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
let gao: number;
beforeAll(async () => {
  h = await createApiHarness();
  const res = await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
    siteId: h.sites.a,
    name: '高某',
    room: '2105',
    start: '2020-02-07',
    phone: '13800000001',
    wechat: '2105高',
    born: 1948,
  });
  gao = res.json().id;
});
afterAll(() => h.close());

describe('residents', () => {
  it('registers a resident with the planned release date, the room added, audited', async () => {
    const res = await h.call(h.tokens.staffA, 'GET', `/api/v1/residents/${gao}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: gao,
      siteId: h.sites.a,
      name: '高某',
      room: '2105',
      phone: '13800000001',
      wechat: '2105高',
      born: 1948,
      wechatBound: false,
      startDate: '2020-02-07',
      plannedEndDate: '2020-02-21',
      status: 'observing',
      statusAt: null,
      createdAt: '2020-02-15T08:00:00+08:00',
    });
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=resident&entityId=${gao}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'create',
      actor: { name: 'staff-a' },
      siteId: h.sites.a,
      before: null,
    });
    const rooms = await h.call(h.tokens.staffA, 'GET', `/api/v1/rooms?site=${h.sites.a}`);
    expect(rooms.json().items).toEqual([
      { id: expect.any(Number), siteId: h.sites.a, number: '2105', observing: 1 },
    ]);
  });

  it('takes the observation days given instead of the site’s', async () => {
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name: '王某',
      room: '2106',
      start: '2020-02-10',
      days: 7,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ plannedEndDate: '2020-02-17', phone: null, wechat: null });
  });

  it('filters by status, room and a search, within the token’s sites', async () => {
    await h.call(h.tokens.staffB, 'POST', '/api/v1/residents', {
      siteId: h.sites.b,
      name: '高某某',
      room: '301',
      start: '2020-02-12',
    });
    const q = async (token: string, query: string) =>
      (await h.call(token, 'GET', `/api/v1/residents?${query}`))
        .json()
        .items.map((r: { name: string }) => r.name);
    expect(await q(h.tokens.admin, 'q=高')).toEqual(['高某', '高某某']);
    expect(await q(h.tokens.staffA, 'q=高')).toEqual(['高某']);
    expect(await q(h.tokens.staffA, 'room=2105')).toEqual(['高某']);
    expect(await q(h.tokens.staffA, 'q=2105')).toEqual(['高某']); // the nickname
    expect(await q(h.tokens.staffA, 'q=13800000001')).toEqual(['高某']);
    expect(await q(h.tokens.staffA, 'status=released')).toEqual([]);
    expect(await q(h.tokens.admin, 'q=%25')).toEqual([]); // a literal %, not a wildcard
  });

  it('corrects name, phone and nickname, audited with before and after', async () => {
    const res = await h.call(h.tokens.staffA, 'PATCH', `/api/v1/residents/${gao}`, {
      phone: null,
      wechat: '2105 高先生',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '高某', phone: null, wechat: '2105 高先生' });
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=resident&entityId=${gao}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'update',
      before: { phone: '13800000001', wechatName: '2105高' },
      after: { phone: null, wechatName: '2105 高先生' },
    });
  });

  it('keeps another site’s residents from staff (403), health-only and order-only roles (403)', async () => {
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/residents/${gao}`)).statusCode).toBe(403);
    expect(
      (await h.call(h.tokens.staffB, 'PATCH', `/api/v1/residents/${gao}`, { name: 'x' })).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/residents?site=${h.sites.a}`)).statusCode).toBe(
      403,
    );
    const create = await h.call(h.tokens.staffB, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name: '赵某',
      room: '2107',
      start: '2020-02-10',
    });
    expect(create.statusCode).toBe(403);
    for (const t of [h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/residents')).statusCode).toBe(403);
    // Nothing was written by the refused requests.
    const log = (await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=resident&entityId=${gao}`)).json()
      .items;
    expect(log.map((e: { actor: { name: string } }) => e.actor.name)).not.toContain('staff-b');
  });

  it('answers 400, 404 and 409 where they apply', async () => {
    const bad = await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name: '',
      room: '2108',
      start: '2020-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.name', 'body.start']);
    const village = await h.call(h.tokens.admin, 'POST', '/api/v1/residents', {
      siteId: h.sites.v,
      name: '张三',
      room: '1',
      start: '2020-02-10',
    });
    expect(village.json().fields).toEqual([
      { field: 'body.siteId', message: '七星洞村 is a village; residents belong to an observation site' },
    ]);
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/residents/99999')).statusCode).toBe(404);
    expect(
      (await h.call(h.tokens.staffA, 'PATCH', '/api/v1/residents/99999', { name: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/residents?status=gone')).statusCode).toBe(400);
    const twice = await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name: '高某',
      room: '2105',
      start: '2020-02-07',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('高某 is already registered in room 2105');
  });
});

describe('rooms', () => {
  it('adds rooms to observation sites only, once each', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', '/api/v1/rooms', {
      siteId: h.sites.a,
      number: '3-201',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number), siteId: h.sites.a, number: '3-201', observing: 0 });
    expect(
      (await h.call(h.tokens.staffA, 'POST', '/api/v1/rooms', { siteId: h.sites.a, number: '3-201' }))
        .statusCode,
    ).toBe(409);
    const village = await h.call(h.tokens.admin, 'POST', '/api/v1/rooms', { siteId: h.sites.v, number: '1' });
    expect(village.statusCode).toBe(400);
    expect(
      (await h.call(h.tokens.staffB, 'POST', '/api/v1/rooms', { siteId: h.sites.a, number: '9' })).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.medicA, 'GET', '/api/v1/rooms')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/rooms')).statusCode).toBe(401);
    const listB = await h.call(h.tokens.staffB, 'GET', '/api/v1/rooms');
    expect(listB.json().items.map((r: { number: string }) => r.number)).toEqual(['301']);
  });
});

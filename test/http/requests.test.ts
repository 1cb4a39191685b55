// /api/v1/requests: residents' tickets listed within each token's sites, taken and closed as #接单 /
// #完成 in the staff group do — closing @mentions the resident in the residents group — audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { queued, say } from '../helpers/health-api.js';

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
  await say(h, TOPICS.aResidents, '2105高', '需要体温计', '2020-02-15 08:10');
  await say(h, TOPICS.aResidents, '2105高', '急需退烧药', '2020-02-15 08:12');
  await say(h, TOPICS.bResidents, '301李', '要两包口罩', '2020-02-15 08:20');
  const all = (await h.call(h.tokens.admin, 'GET', '/api/v1/requests')).json().items;
  [ids.thermometer, ids.medicine, ids.masks] = all.map((r: { id: number }) => r.id);
});
afterAll(() => h.close());

const list = async (token: string, query = '') => {
  const res = await h.call(token, 'GET', `/api/v1/requests${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number }[]).map((r) => r.id);
};

describe('GET /requests', () => {
  it('lists tickets with who, where, what and state', async () => {
    const res = await h.call(h.tokens.staffA, 'GET', '/api/v1/requests');
    expect(res.json()).toEqual({
      items: [
        {
          id: ids.thermometer,
          siteId: h.sites.a,
          ref: 'R-0001',
          number: 1,
          residentId: ids.gao,
          name: '高某',
          room: '2105',
          category: 'medical',
          items: [{ name: '体温计', qty: null, unit: null }],
          text: '需要体温计',
          urgent: false,
          status: 'open',
          assignee: null,
          note: null,
          createdAt: '2020-02-15T08:10:00+08:00',
          closedAt: null,
        },
        expect.objectContaining({ id: ids.medicine, ref: 'R-0002', urgent: true }),
      ],
      nextCursor: null,
    });
    const one = await h.call(h.tokens.staffB, 'GET', `/api/v1/requests/${ids.masks}`);
    expect(one.json()).toMatchObject({ ref: 'R-0001', siteId: h.sites.b, name: '李某', room: '301' });
  });

  it('filters by site, status, urgency and resident', async () => {
    expect(await list(h.tokens.admin)).toEqual([ids.thermometer, ids.medicine, ids.masks]);
    expect(await list(h.tokens.admin, `?site=${h.sites.b}`)).toEqual([ids.masks]);
    expect(await list(h.tokens.admin, '?urgent=true')).toEqual([ids.medicine]);
    expect(await list(h.tokens.admin, '?urgent=false')).toEqual([ids.thermometer, ids.masks]);
    expect(await list(h.tokens.admin, `?resident=${ids.li}`)).toEqual([ids.masks]);
    expect(await list(h.tokens.admin, '?status=done')).toEqual([]);
    const page = (await h.call(h.tokens.admin, 'GET', '/api/v1/requests?limit=1')).json();
    expect(page.items.map((r: { id: number }) => r.id)).toEqual([ids.thermometer]);
    expect(await list(h.tokens.admin, `?limit=5&cursor=${page.nextCursor}`)).toEqual([
      ids.medicine,
      ids.masks,
    ]);
  });

  it('answers 400 naming the field, 404 for unknown ids', async () => {
    for (const [query, field] of [
      ['?status=closed', 'querystring.status'],
      ['?urgent=yes', 'querystring.urgent'],
      ['?resident=9999', 'querystring.resident'],
      ['?resident=abc', 'querystring.resident'],
      ['?site=999', 'querystring.site'],
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', `/api/v1/requests${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().fields[0].field, query).toBe(field);
    }
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/requests/9999')).statusCode).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/requests/x')).statusCode).toBe(400);
  });

  it('keeps tickets within the token’s sites and roles with requests:read (401, 403)', async () => {
    expect(await list(h.tokens.staffB)).toEqual([ids.masks]);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/requests?site=${h.sites.a}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/requests?resident=${ids.gao}`)).statusCode).toBe(
      403,
    );
    expect((await h.call(h.tokens.staffB, 'GET', `/api/v1/requests/${ids.thermometer}`)).statusCode).toBe(
      403,
    );
    for (const t of [h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/requests')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/requests')).statusCode).toBe(401);
  });
});

describe('POST /requests/:id/assign and /close', () => {
  it('refuses other sites, other roles, bad bodies and unknown ids, writing nothing', async () => {
    const assign = `/api/v1/requests/${ids.thermometer}/assign`;
    const close = `/api/v1/requests/${ids.thermometer}/close`;
    expect((await h.call(h.tokens.staffB, 'POST', assign, { to: '小李' })).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffB, 'POST', close, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.medicA, 'POST', close, {})).statusCode).toBe(403);
    expect((await h.call(null, 'POST', close, {})).statusCode).toBe(401);
    for (const [body, field] of [
      [{}, 'body.to'],
      [{ to: '' }, 'body.to'],
      [{ to: 'x'.repeat(51) }, 'body.to'],
      [{ to: '小李', when: 1 }, 'body.when'],
    ] as const) {
      const res = await h.call(h.tokens.staffA, 'POST', assign, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
    }
    expect((await h.call(h.tokens.staffA, 'POST', '/api/v1/requests/9999/close', {})).statusCode).toBe(404);
    expect(
      (await h.call(h.tokens.staffA, 'POST', '/api/v1/requests/9999/assign', { to: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/requests/${ids.thermometer}`)).json().status).toBe(
      'open',
    );
    const audit = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/audit?entity=request&entityId=${ids.thermometer}`,
    );
    expect(audit.json().items).toEqual([]);
  });

  it('assigns to a person, audited', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/requests/${ids.thermometer}/assign`, {
      to: ' 小李 ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assigned', assignee: '小李', closedAt: null });
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=request&entityId=${ids.thermometer}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'assign',
      actor: { name: 'staff-a' },
      siteId: h.sites.a,
      before: { status: 'open', assignee: null },
      after: { status: 'assigned', assignee: '小李' },
    });
    expect(await list(h.tokens.staffA, '?status=assigned')).toEqual([ids.thermometer]);
  });

  it('closes with a note: the resident is @mentioned in the residents group; again is a 409', async () => {
    h.clock.set(new Date('2020-02-15T09:00:00+08:00'));
    const before = (await queued(h)).length;
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/requests/${ids.thermometer}/close`, {
      note: '已放门口',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      assignee: '小李',
      note: '已放门口',
      closedAt: '2020-02-15T09:00:00+08:00',
    });
    const sent = (await queued(h)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      topic: TOPICS.aResidents,
      kind: 'request-done',
      mentions: [{ id: 'wxid-2105高', name: '2105高' }],
    });
    expect(sent[0]?.text).toContain('R-0001');
    expect(sent[0]?.text).toContain('已放门口');
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=request&entityId=${ids.thermometer}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'close',
      before: { status: 'assigned' },
      after: { status: 'done' },
    });
    for (const [what, body] of [
      ['close', {}],
      ['assign', { to: '小王' }],
    ] as const) {
      const again = await h.call(
        h.tokens.staffA,
        'POST',
        `/api/v1/requests/${ids.thermometer}/${what}`,
        body,
      );
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('CONFLICT');
    }
    expect((await queued(h)).length).toBe(before + 1);
  });

  it('closes without a body, like #完成 R-0002 does in the chat', async () => {
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/requests/${ids.medicine}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', assignee: 'root', note: null });
    await say(h, TOPICS.aStaff, '王医生', '#完成 R-0002', '2020-02-15 09:30');
    const last = (await queued(h)).at(-1);
    expect(last?.topic).toBe(TOPICS.aStaff);
    expect(last?.text).toContain('R-0002');
  });
});

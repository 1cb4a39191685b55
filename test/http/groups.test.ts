// /api/v1/groups: bind WeChat groups to a site and role; admin writes, staff read their sites'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const topics = (res: { json(): { items: { topic: string }[] } }) => res.json().items.map((g) => g.topic);

describe('GET /api/v1/groups', () => {
  it('lists groups by site and role', async () => {
    const a = await h.call(h.tokens.admin, 'GET', `/api/v1/groups?site=${h.sites.a}`);
    expect(a.statusCode).toBe(200);
    expect(a.json().items).toEqual([
      {
        id: h.groups[TOPICS.aResidents],
        topic: TOPICS.aResidents,
        siteId: h.sites.a,
        role: 'residents',
        roomId: null,
        account: null,
        createdAt: expect.any(String),
      },
      expect.objectContaining({ topic: TOPICS.aStaff, role: 'staff' }),
    ]);
    const volunteers = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/groups?site=${h.sites.v}&role=volunteers`,
    );
    expect(topics(volunteers)).toEqual([TOPICS.vVolunteers]);
  });

  it('is for admins: group bindings are set-up, not daily work', async () => {
    for (const t of [h.tokens.staffA, h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA]) {
      const res = await h.call(t, 'GET', '/api/v1/groups');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await h.call(null, 'GET', '/api/v1/groups')).statusCode).toBe(401);
  });

  it('answers 400 naming an unknown site or role filter', async () => {
    const site = await h.call(h.tokens.admin, 'GET', '/api/v1/groups?site=99999');
    expect(site.statusCode).toBe(400);
    expect(site.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'querystring.site: no site with id 99999',
      fields: [{ field: 'querystring.site', message: 'no site with id 99999' }],
    });
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/groups?role=cooks')).json().fields[0].field).toBe(
      'querystring.role',
    );
  });
});

describe('POST, PATCH and DELETE /api/v1/groups', () => {
  it('binds a topic, changes it and removes it, each audited', async () => {
    const created = await h.call(h.tokens.admin, 'POST', '/api/v1/groups', {
      topic: '七星洞村二组群',
      siteId: h.sites.v,
      role: 'villagers',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ topic: '七星洞村二组群', siteId: h.sites.v, role: 'villagers' });

    const moved = await h.call(h.tokens.admin, 'PATCH', `/api/v1/groups/${id}`, { siteId: h.sites.w });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ siteId: h.sites.w, role: 'villagers', account: null });

    // Which bot account speaks in it (one instance per account): set, then left to any instance again.
    const owned = await h.call(h.tokens.admin, 'PATCH', `/api/v1/groups/${id}`, { account: 'wxid_bot2' });
    expect(owned.json()).toMatchObject({ siteId: h.sites.w, account: 'wxid_bot2' });
    const freed = await h.call(h.tokens.admin, 'PATCH', `/api/v1/groups/${id}`, { account: null });
    expect(freed.json().account).toBeNull();
    const blank = await h.call(h.tokens.admin, 'PATCH', `/api/v1/groups/${id}`, { account: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].field).toBe('body.account');

    const removed = await h.call(h.tokens.admin, 'DELETE', `/api/v1/groups/${id}`);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await h.call(h.tokens.admin, 'DELETE', `/api/v1/groups/${id}`)).statusCode).toBe(404);

    const log = (await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=group&entityId=${id}`)).json()
      .items;
    expect(log.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'update',
      'update',
      'update',
      'create',
    ]);
    expect(log[3]).toMatchObject({ before: { siteId: h.sites.v }, after: { siteId: h.sites.w } });
    expect(log[1]).toMatchObject({ before: { account: 'wxid_bot2' }, after: { account: null } });
    expect(log[0]).toMatchObject({ before: { topic: '七星洞村二组群' }, after: null });
  });

  it('refuses a role that does not suit the site, naming the field', async () => {
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/groups', {
      topic: '五指山观察点志愿队',
      siteId: h.sites.a,
      role: 'volunteers',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'body.role', message: 'a quarantine site has groups of role residents or staff' },
    ]);
    const patch = await h.call(h.tokens.admin, 'PATCH', `/api/v1/groups/${h.groups[TOPICS.aStaff]}`, {
      siteId: h.sites.v,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().fields[0].field).toBe('body.role');
  });

  it('answers 400, 401, 403, 404 and 409 where they apply', async () => {
    expect(
      (await h.call(h.tokens.admin, 'POST', '/api/v1/groups', { topic: 'x', role: 'staff' })).statusCode,
    ).toBe(400);
    const missing = await h.call(h.tokens.admin, 'POST', '/api/v1/groups', {
      topic: 'x',
      siteId: 99999,
      role: 'staff',
    });
    expect(missing.json().fields).toEqual([{ field: 'body.siteId', message: 'no site with id 99999' }]);
    expect((await h.call(null, 'POST', '/api/v1/groups', {})).statusCode).toBe(401);
    expect(
      (
        await h.call(h.tokens.staffA, 'POST', '/api/v1/groups', {
          topic: 'x',
          siteId: h.sites.a,
          role: 'staff',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await h.call(h.tokens.admin, 'PATCH', '/api/v1/groups/99999', { role: 'staff' })).statusCode,
    ).toBe(404);
    const taken = await h.call(h.tokens.admin, 'POST', '/api/v1/groups', {
      topic: TOPICS.bStaff,
      siteId: h.sites.b,
      role: 'staff',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe(`a group with topic ${TOPICS.bStaff} exists`);
  });
});

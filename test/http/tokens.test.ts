// /api/v1/tokens: create (shown once), list, get, revoke; admin only; every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

describe('POST /api/v1/tokens', () => {
  it('creates a token, shown once, that works at once within its sites', async () => {
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', {
      name: '五指山 duty desk',
      role: 'staff',
      sites: [h.sites.a],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(Number),
      name: '五指山 duty desk',
      role: 'staff',
      sites: [h.sites.a],
      prefix: body.token.slice(0, 9),
      createdAt: '2020-02-15T08:00:00+08:00',
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(/^sw_[0-9A-Za-z]{40}$/),
    });
    const sites = await h.call(body.token, 'GET', '/api/v1/sites');
    expect(sites.statusCode).toBe(200);
    expect(sites.json().items.map((s: { id: number }) => s.id)).toEqual([h.sites.a]);

    // Shown once: neither the list nor one token's page holds it or its hash.
    const list = await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=200');
    expect(list.body).not.toContain(body.token);
    expect(list.body).not.toContain('tokenHash');
    const one = await h.call(h.tokens.admin, 'GET', `/api/v1/tokens/${body.id}`);
    expect(one.json()).toEqual({ ...body, token: undefined, lastUsedAt: '2020-02-15T08:00:00+08:00' });
  });

  it('records the creation in the audit log, without the token', async () => {
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', { name: 'audited', role: 'admin' });
    const { id, token } = res.json();
    const audit = await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=token&entityId=${id}`);
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({
      actor: { name: 'root' },
      action: 'create',
      entity: 'token',
      entityId: String(id),
      siteId: null,
      before: null,
      after: { id, name: 'audited', role: 'admin', siteIds: null },
    });
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(entry.after).not.toHaveProperty('tokenHash');
  });

  it('answers 400 naming the field for bad roles, missing or wrong sites', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', role: 'superuser' }, 'body.role'],
      [{ name: '', role: 'admin' }, 'body.name'],
      [{ name: 'x', role: 'staff' }, 'body.sites'],
      [{ name: 'x', role: 'staff', sites: [] }, 'body.sites'],
      [{ name: 'x', role: 'staff', sites: [9999] }, 'body.sites[0]'],
      [{ name: 'x', role: 'admin', sites: [h.sites.a] }, 'body.sites'],
      [{ name: 'x', role: 'volunteer', sites: [h.sites.a] }, 'body.sites'],
      [{ name: 'x', role: 'admin', extra: 1 }, 'body.extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const volunteer = await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', {
      name: 'x',
      role: 'volunteer',
      sites: [h.sites.a],
    });
    expect(volunteer.json().message).toBe(
      'body.sites: 五指山观察点 is not a village; volunteer tokens are for villages',
    );
  });

  it('answers 409 for the name of a live token', async () => {
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', { name: 'root', role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: 'CONFLICT', message: 'a live token named root exists' });
  });

  it('is for admins only', async () => {
    expect((await h.call(null, 'POST', '/api/v1/tokens', { name: 'x', role: 'admin' })).statusCode).toBe(401);
    for (const t of [h.tokens.staffA, h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA]) {
      const res = await h.call(t, 'POST', '/api/v1/tokens', { name: 'x', role: 'admin' });
      expect(res.statusCode).toBe(403);
      expect((await h.call(t, 'GET', '/api/v1/tokens')).statusCode).toBe(403);
    }
  });
});

describe('GET /api/v1/tokens', () => {
  it('pages live tokens oldest first; revoked ones on request', async () => {
    const first = await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((t: { name: string }) => t.name)).toEqual(['root', 'staff-a']);
    const second = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/tokens?limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items.map((t: { name: string }) => t.name)).toEqual(['staff-b', 'medic-a']);

    const gone = await h.newToken('viewer', [h.sites.b], 'gone');
    await h.services.tokens.revoke({ tokenId: null, name: 'test' }, 'gone');
    const live = await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=200');
    expect(live.json().items.some((t: { name: string }) => t.name === 'gone')).toBe(false);
    const all = await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=200&revoked=true');
    expect(all.json().items.find((t: { name: string }) => t.name === 'gone')).toMatchObject({
      revokedAt: '2020-02-15T08:00:00+08:00',
    });
    expect(gone).toMatch(/^sw_/);
  });

  it('answers 400 for bad paging', async () => {
    for (const [q, field] of [
      ['limit=0', 'querystring.limit'],
      ['limit=201', 'querystring.limit'],
      ['cursor=garbage', 'querystring.cursor'],
      ['revoked=maybe', 'querystring.revoked'],
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', `/api/v1/tokens?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
    }
  });

  it('answers 404 for an unknown token', async () => {
    const res = await h.call(h.tokens.admin, 'GET', '/api/v1/tokens/99999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'token 99999 not found' });
  });
});

describe('POST /api/v1/tokens/:id/revoke', () => {
  it('revokes at once, audits before and after, and refuses a second revoke', async () => {
    const created = (
      await h.call(h.tokens.admin, 'POST', '/api/v1/tokens', {
        name: 'to revoke',
        role: 'medic',
        sites: [h.sites.a],
      })
    ).json();
    expect((await h.call(created.token, 'GET', '/api/v1/sites')).statusCode).toBe(200);
    h.clock.advance(60_000);
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/tokens/${created.id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, revokedAt: '2020-02-15T08:01:00+08:00' });
    expect((await h.call(created.token, 'GET', '/api/v1/sites')).statusCode).toBe(401);

    const again = await h.call(h.tokens.admin, 'POST', `/api/v1/tokens/${created.id}/revoke`);
    expect(again.statusCode).toBe(409);
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=token&entityId=${created.id}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'revoke',
      at: '2020-02-15T08:01:00+08:00',
      before: { revokedAt: null },
      after: { revokedAt: '2020-02-15T00:01:00.000Z' },
    });
  });

  it('answers 404, 400, 401 and 403 where they apply', async () => {
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/tokens/99999/revoke')).statusCode).toBe(404);
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/tokens/abc/revoke')).statusCode).toBe(400);
    expect((await h.call(null, 'POST', '/api/v1/tokens/1/revoke')).statusCode).toBe(401);
    expect((await h.call(h.tokens.staffA, 'POST', '/api/v1/tokens/1/revoke')).statusCode).toBe(403);
  });
});

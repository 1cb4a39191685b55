// /api/v1/households: a village's households, within each token's sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

describe('households', () => {
  it('adds, lists, finds and changes households of villages', async () => {
    const created = await h.call(h.tokens.admin, 'POST', '/api/v1/households', {
      siteId: h.sites.v,
      name: '张三家',
      group: '三组',
      phone: '13900000003',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toEqual({
      id,
      siteId: h.sites.v,
      name: '张三家',
      group: '三组',
      address: null,
      phone: '13900000003',
      wechat: null,
      wechatBound: false,
      createdAt: '2020-02-15T08:00:00+08:00',
    });
    const found = await h.call(h.tokens.admin, 'GET', `/api/v1/households?site=${h.sites.v}&q=三组`);
    expect(found.json().items.map((x: { name: string }) => x.name)).toEqual(['张三家']);
    const patched = await h.call(h.tokens.admin, 'PATCH', `/api/v1/households/${id}`, {
      address: '三组12号',
    });
    expect(patched.json()).toMatchObject({ address: '三组12号', group: '三组' });
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/households/${id}`)).json().address).toBe('三组12号');
  });

  it('keeps households from volunteers and from staff of other sites', async () => {
    const staffV = await h.newToken('staff', [h.sites.v], 'cadre-v');
    const created = await h.call(staffV, 'POST', '/api/v1/households', { siteId: h.sites.v, name: '李四家' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/households/${id}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/households/${id}`)).statusCode).toBe(403);
    expect(
      (await h.call(h.tokens.staffA, 'PATCH', `/api/v1/households/${id}`, { phone: '1' })).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/households')).json().items).toEqual([]);
  });

  it('answers 400, 404 and 409 where they apply', async () => {
    const quarantine = await h.call(h.tokens.admin, 'POST', '/api/v1/households', {
      siteId: h.sites.a,
      name: 'x',
    });
    expect(quarantine.json().fields).toEqual([
      {
        field: 'body.siteId',
        message: '五指山观察点 is an observation site; households belong to a village',
      },
    ]);
    expect(
      (await h.call(h.tokens.admin, 'PATCH', '/api/v1/households/99999', { name: 'x' })).statusCode,
    ).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/households/99999')).statusCode).toBe(404);
    const twice = await h.call(h.tokens.admin, 'POST', '/api/v1/households', {
      siteId: h.sites.v,
      name: '张三家',
    });
    expect(twice.statusCode).toBe(409);
    expect((await h.call(h.tokens.admin, 'PATCH', '/api/v1/households/1', { group: 5 })).statusCode).toBe(
      400,
    );
  });
});

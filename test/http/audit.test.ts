// /api/v1/audit: who changed what, newest first; filters; admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
let tokenIds: { admin: number; staffA: number };
beforeAll(async () => {
  h = await createApiHarness();
  const list = (await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=200')).json().items;
  const idOf = (name: string) => list.find((t: { name: string }) => t.name === name).id;
  tokenIds = { admin: idOf('root'), staffA: idOf('staff-a') };
  await h.call(h.tokens.staffA, 'POST', '/api/v1/rooms', { siteId: h.sites.a, number: '101' });
  h.clock.advance(24 * 3_600_000); // the next day
  await h.call(h.tokens.admin, 'POST', '/api/v1/rooms', { siteId: h.sites.b, number: '201' });
  await h.call(h.tokens.admin, 'POST', '/api/v1/households', { siteId: h.sites.v, name: '张三家' });
});
afterAll(() => h.close());

type Entry = { entity: string; action: string; actor: { name: string }; siteId: number | null; at: string };
const entries = async (query = '') =>
  (await h.call(h.tokens.admin, 'GET', `/api/v1/audit?${query}`)).json().items as Entry[];

describe('GET /api/v1/audit', () => {
  it('lists every write newest first, with actor and time', async () => {
    const all = await entries();
    expect(all.slice(0, 3).map((e) => [e.entity, e.actor.name, e.at])).toEqual([
      ['household', 'root', '2020-02-16T08:00:00+08:00'],
      ['room', 'root', '2020-02-16T08:00:00+08:00'],
      ['room', 'staff-a', '2020-02-15T08:00:00+08:00'],
    ]);
    // The harness's tokens were created from the command line.
    expect(all.filter((e) => e.entity === 'token').every((e) => e.actor.name === 'cli')).toBe(true);
  });

  it('filters by entity, site, token and local day, and pages', async () => {
    expect((await entries('entity=room')).map((e) => e.siteId)).toEqual([h.sites.b, h.sites.a]);
    expect((await entries(`site=${h.sites.v}`)).map((e) => e.entity)).toEqual(['household']);
    expect((await entries(`token=${tokenIds.staffA}`)).map((e) => e.entity)).toEqual(['room']);
    expect((await entries(`token=${tokenIds.admin}`)).map((e) => e.entity)).toEqual(['household', 'room']);
    expect((await entries('date=2020-02-16')).map((e) => e.entity)).toEqual(['household', 'room']);
    const first = await h.call(h.tokens.admin, 'GET', '/api/v1/audit?limit=1');
    const second = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/audit?limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items[0].entity).toBe('room');
    expect(second.json().items[0].id).toBeLessThan(first.json().items[0].id);
  });

  it('is for admins only; 400 for bad filters', async () => {
    for (const t of [h.tokens.staffA, h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/audit')).statusCode).toBe(401);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/audit?token=abc')).json().fields[0].field).toBe(
      'querystring.token',
    );
  });
});

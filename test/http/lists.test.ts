// /api/v1/sites/:id/purchase-list and /delivery-list: the volunteers' lists as data, from orders and
// bookings the bot took from chat and the volunteers' own #已买.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { addHouseholds, say } from '../helpers/api-village.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
  await addHouseholds(h);
  const V = TOPICS.vVillagers;
  await say(h, V, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', '2020-02-15 09:00');
  await say(h, V, '老王', '帮我买一袋化肥', '2020-02-15 09:05');
  await say(h, V, '张三', '帮我买一包感冒药', '2020-02-15 09:10');
  await say(h, V, '老王', '明天上午送两桶水', '2020-02-15 09:20');
  await say(h, TOPICS.vVolunteers, '小李', '#已买 O-0001', '2020-02-15 15:00');
});
afterAll(() => h.close());

describe('GET /api/v1/sites/:id/purchase-list', () => {
  it('sums what is not yet bought per item and unit', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.v}/purchase-list`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      site: '七星洞村',
      siteId: h.sites.v,
      asOf: '2020-02-15T15:00:00+08:00',
      items: [
        { name: '感冒药', unit: '包', qty: 1, orders: 1, unsized: 0 },
        { name: '化肥', unit: '袋', qty: 1, orders: 1, unsized: 0 },
      ],
    });
  });

  it('409 for an observation site; 400, 401, 403 (role and village), 404', async () => {
    const quarantine = await h.call(h.tokens.admin, 'GET', `/api/v1/sites/${h.sites.a}/purchase-list`);
    expect(quarantine.statusCode).toBe(409);
    expect(quarantine.json().code).toBe('CONFLICT');
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/sites/x/purchase-list')).statusCode).toBe(400);
    expect((await h.call(null, 'GET', `/api/v1/sites/${h.sites.v}/purchase-list`)).statusCode).toBe(401);
    expect(
      (await h.call(h.tokens.staffA, 'GET', `/api/v1/sites/${h.sites.v}/purchase-list`)).statusCode,
    ).toBe(403);
    expect(
      (await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.w}/purchase-list`)).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/sites/9999/purchase-list')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/sites/:id/delivery-list', () => {
  it('lists bought orders and the day’s water stop by stop, by village group', async () => {
    const res = await h.call(
      h.tokens.volunteerV,
      'GET',
      `/api/v1/sites/${h.sites.v}/delivery-list?date=2020-02-16`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      site: '七星洞村',
      siteId: h.sites.v,
      date: '2020-02-16',
      stops: [
        {
          who: '刘家',
          villageGroup: '三组',
          place: '三组12号',
          phone: '13800001111',
          orders: [
            {
              number: 1,
              ref: 'O-0001',
              items: [
                { name: '化肥', qty: 2, unit: '袋' },
                { name: '菜籽油', qty: 1, unit: '桶' },
              ],
            },
          ],
          water: [],
        },
        {
          who: '老王',
          villageGroup: '五组',
          place: '五组',
          phone: '13900002222',
          orders: [],
          water: [{ number: 1, ref: 'W-0001', qty: 2, unit: '桶', part: 'am' }],
        },
      ],
    });
  });

  it('defaults to today in the village’s zone', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.v}/delivery-list`);
    expect(res.json().date).toBe('2020-02-15');
    expect(res.json().stops.map((s: { who: string }) => s.who)).toEqual(['刘家']);
  });

  it('400 on a bad date, 401, 403 (role and village), 404, 409 for an observation site', async () => {
    const url = `/api/v1/sites/${h.sites.v}/delivery-list`;
    const bad = await h.call(h.tokens.admin, 'GET', `${url}?date=16/2`);
    expect(bad.json().fields[0].field).toBe('querystring.date');
    expect((await h.call(null, 'GET', url)).statusCode).toBe(401);
    expect((await h.call(h.tokens.medicA, 'GET', url)).statusCode).toBe(403);
    expect(
      (await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.w}/delivery-list`)).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/sites/9999/delivery-list')).statusCode).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/sites/${h.sites.b}/delivery-list`)).statusCode).toBe(
      409,
    );
  });
});

// /api/v1/orders, /jielongs and /water: villagers' orders and bookings as the bot took them from chat,
// and volunteers' bought / delivered through the API with the same effects as their chat commands.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema.js';
import { deliveredNoticeText } from '../../src/core/village/replies.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { addHouseholds, local, say } from '../helpers/api-village.js';

const HEADER = '#接龙 2月15日 代买化肥种子，志愿者免费送';
/** The header as the list keeps it (after NFKC: an ASCII comma). */
const TITLE = '#接龙 2月15日 代买化肥种子,志愿者免费送';

let h: ApiHarness;
let orderIds: Record<string, number>;
let wOrder: number;
beforeAll(async () => {
  h = await createApiHarness();
  await addHouseholds(h);
  const V = TOPICS.vVillagers;
  await say(h, V, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', '2020-02-15 09:00');
  await say(h, V, '老王', '明天下午送两桶水到5组', '2020-02-15 09:05');
  await say(h, V, '张三', [HEADER, '1. 老李 尿素2袋', '2. 老王 化肥2袋'].join('\n'), '2020-02-15 09:10');
  await say(h, V, '老王', '帮我买一瓶酱油', '2020-02-15 09:20');
  await say(h, V, '老王', '酱油不要了', '2020-02-15 09:25');
  await say(h, TOPICS.wVillagers, '赵大爷', '帮我买一袋盐', '2020-02-15 09:30');
  await say(h, TOPICS.wVillagers, '赵大爷', '明天送一桶水', '2020-02-15 09:31');
  await say(
    h,
    TOPICS.wVillagers,
    '赵大爷',
    '#接龙 白云村代买\n1. 赵大爷 盐1袋\n2. 钱婶 面粉10斤',
    '2020-02-15 09:32',
  );
  h.clock.set(local('2020-02-15 15:00'));
  const all = (await h.call(h.tokens.admin, 'GET', '/api/v1/orders')).json().items as {
    id: number;
    siteId: number;
    ref: string;
  }[];
  orderIds = Object.fromEntries(all.filter((o) => o.siteId === h.sites.v).map((o) => [o.ref, o.id]));
  wOrder = all.find((o) => o.siteId === h.sites.w)?.id as number;
});
afterAll(() => h.close());

const refs = (res: { json(): { items: { ref: string }[] } }) => res.json().items.map((o) => o.ref);

describe('GET /api/v1/orders', () => {
  it('lists a village’s orders with their household, place, items and source', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', '/api/v1/orders');
    expect(res.statusCode).toBe(200);
    expect(refs(res)).toEqual(['O-0001', 'O-0002', 'O-0003', 'O-0004']);
    const [first, second] = res.json().items;
    expect(first).toEqual({
      id: orderIds['O-0001'],
      siteId: h.sites.v,
      number: 1,
      ref: 'O-0001',
      customer: '刘家',
      household: '刘家',
      villageGroup: '三组',
      phone: '13800001111',
      place: '三组12号',
      items: [
        { name: '化肥', qty: 2, unit: '袋', cancelled: false },
        { name: '菜籽油', qty: 1, unit: '桶', cancelled: false },
      ],
      status: 'open',
      source: 'message',
      jielongId: null,
      jielongLine: null,
      volunteer: null,
      createdAt: '2020-02-15T09:00:00+08:00',
      boughtAt: null,
      deliveredAt: null,
      cancelledAt: null,
      cost: null,
      note: null,
    });
    expect(second).toMatchObject({
      customer: '老李',
      household: null,
      source: 'jielong',
      jielongId: expect.any(Number),
      jielongLine: 1,
      items: [{ name: '尿素', qty: 2, unit: '袋', cancelled: false }],
    });
  });

  it('filters by site, status and local day, and pages', async () => {
    const q = async (query: string) => refs(await h.call(h.tokens.admin, 'GET', `/api/v1/orders?${query}`));
    expect(await q(`site=${h.sites.v}&status=cancelled`)).toEqual(['O-0004']);
    expect(await q(`site=${h.sites.w}`)).toEqual(['O-0001', 'O-0002', 'O-0003']);
    expect(await q(`site=${h.sites.v}&date=2020-02-14`)).toEqual([]);
    expect(await q(`site=${h.sites.v}&from=2020-02-15&to=2020-02-15&status=open`)).toEqual([
      'O-0001',
      'O-0002',
      'O-0003',
    ]);
    const first = await h.call(h.tokens.volunteerV, 'GET', '/api/v1/orders?limit=3');
    expect(refs(first)).toEqual(['O-0001', 'O-0002', 'O-0003']);
    const next = await h.call(
      h.tokens.volunteerV,
      'GET',
      `/api/v1/orders?limit=3&cursor=${first.json().nextCursor}`,
    );
    expect(refs(next)).toEqual(['O-0004']);
    expect(next.json().nextCursor).toBeNull();
  });

  it('400 on bad filters, 401, 403 for other roles and other villages', async () => {
    const bad = await h.call(h.tokens.admin, 'GET', '/api/v1/orders?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.status');
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/orders?site=9999')).json().fields[0].field).toBe(
      'querystring.site',
    );
    expect((await h.call(null, 'GET', '/api/v1/orders')).statusCode).toBe(401);
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/orders?site=${h.sites.w}`)).statusCode).toBe(
      403,
    );
    for (const t of [h.tokens.staffA, h.tokens.medicA, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/orders')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/orders/:id', () => {
  it('answers one order; 403 for another village’s, 404 for an unknown id, 400 for a bad one', async () => {
    const one = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/orders/${orderIds['O-0003']}`);
    expect(one.json()).toMatchObject({
      ref: 'O-0003',
      customer: '老王',
      household: '老王',
      villageGroup: '五组',
    });
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/orders/${wOrder}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.volunteerV, 'GET', '/api/v1/orders/99999')).statusCode).toBe(404);
    expect((await h.call(h.tokens.volunteerV, 'GET', '/api/v1/orders/abc')).statusCode).toBe(400);
    expect((await h.call(null, 'GET', `/api/v1/orders/${wOrder}`)).statusCode).toBe(401);
  });
});

describe('POST /api/v1/orders/:id/bought and /delivered', () => {
  it('marks an order bought with what was paid, then delivered, telling the villager; audited', async () => {
    const id = orderIds['O-0001'] as number;
    const bought = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/bought`, {
      cost: 85.5,
      note: '镇上农资店',
    });
    expect(bought.statusCode).toBe(200);
    expect(bought.json()).toMatchObject({
      status: 'bought',
      cost: 85.5,
      note: '镇上农资店',
      volunteer: 'volunteer-v',
      boughtAt: '2020-02-15T15:00:00+08:00',
    });
    // The purchase list no longer has it, as after #已买.
    const list = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.v}/purchase-list`);
    expect(list.json().items.map((l: { name: string }) => l.name)).toEqual(['化肥', '尿素']);
    const again = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/bought`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');

    h.clock.set(local('2020-02-15 17:00'));
    const delivered = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/delivered`, {
      note: '放在门口',
    });
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({
      status: 'delivered',
      cost: 85.5,
      note: '放在门口',
      deliveredAt: '2020-02-15T17:00:00+08:00',
    });
    const notices = await h.db.db.select().from(outbox).where(eq(outbox.kind, 'delivered'));
    // 刘婆婆 wrote the order herself, so the bot knows whom to @mention, as after #送达.
    expect(notices.map((n) => [n.topic, n.text, n.mentions.map((m) => m.name)])).toEqual([
      [
        TOPICS.vVillagers,
        deliveredNoticeText({ number: 1, customer: '刘家', addressed: true, costFen: 8550 }),
        ['刘婆婆'],
      ],
    ]);
    expect((await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/delivered`, {})).statusCode).toBe(
      409,
    );
    const audit = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(id))))
      .orderBy(asc(auditLog.id));
    expect(
      audit.map((a) => [a.action, a.actorName, a.before?.status, a.after?.status, a.after?.note]),
    ).toEqual([
      ['bought', 'volunteer-v', 'open', 'bought', '镇上农资店'],
      ['delivered', 'volunteer-v', 'bought', 'delivered', '放在门口'],
    ]);
    expect(audit[0]?.after?.costFen).toBe(8550);
  });

  it('delivers an open order straight away (bought then too), as #送达 does', async () => {
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/orders/${orderIds['O-0003']}/delivered`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'delivered',
      boughtAt: res.json().deliveredAt,
      cost: null,
      note: null,
    });
  });

  it('409 for a cancelled order; 400, 401, 403 and 404 where they apply', async () => {
    const cancelled = orderIds['O-0004'] as number;
    expect(
      (await h.call(h.tokens.admin, 'POST', `/api/v1/orders/${cancelled}/delivered`, {})).statusCode,
    ).toBe(409);
    expect((await h.call(h.tokens.admin, 'POST', `/api/v1/orders/${cancelled}/bought`, {})).statusCode).toBe(
      409,
    );
    const id = orderIds['O-0002'] as number;
    const neg = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/bought`, { cost: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().fields[0].field).toBe('body.cost');
    const extra = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${id}/bought`, { paid: 3 });
    expect(extra.json().fields[0].field).toBe('body.paid');
    expect((await h.call(null, 'POST', `/api/v1/orders/${id}/bought`, {})).statusCode).toBe(401);
    expect((await h.call(h.tokens.staffA, 'POST', `/api/v1/orders/${id}/bought`, {})).statusCode).toBe(403);
    expect(
      (await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${wOrder}/bought`, {})).statusCode,
    ).toBe(403);
    expect(
      (await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${wOrder}/delivered`, {})).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.volunteerV, 'POST', '/api/v1/orders/99999/delivered', {})).statusCode).toBe(
      404,
    );
    // Nothing of W's changed.
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/orders/${wOrder}`)).json().status).toBe('open');
  });
});

describe('two volunteers marking one order at once', () => {
  it('lets one through and answers the other 409', async () => {
    const url = `/api/v1/orders/${orderIds['O-0002']}/bought`;
    const both = await Promise.all([
      h.call(h.tokens.volunteerV, 'POST', url, { cost: 10 }),
      h.call(h.tokens.admin, 'POST', url, { cost: 12 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audit = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(orderIds['O-0002']))));
    expect(audit).toHaveLength(1);
  });
});

describe('GET /api/v1/jielongs', () => {
  it('lists the 接龙 lists of the token’s villages with their line counts, and one with its lines', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', '/api/v1/jielongs');
    expect(res.statusCode).toBe(200);
    const [list] = res.json().items;
    expect(res.json().items).toHaveLength(1);
    expect(list).toEqual({
      id: expect.any(Number),
      siteId: h.sites.v,
      title: TITLE,
      product: null,
      day: '2020-02-15',
      createdAt: '2020-02-15T09:10:00+08:00',
      updatedAt: '2020-02-15T09:10:00+08:00',
      lines: 2,
    });
    const one = await h.call(h.tokens.volunteerV, 'GET', `/api/v1/jielongs/${list.id}`);
    expect(one.json().lines).toEqual([
      {
        n: 1,
        name: '老李',
        items: [{ name: '尿素', qty: 2, unit: '袋', cancelled: false }],
        text: '1. 老李 尿素2袋',
        orderId: orderIds['O-0002'],
        status: 'bought', // by the race above
      },
      {
        n: 2,
        name: '老王',
        items: [{ name: '化肥', qty: 2, unit: '袋', cancelled: false }],
        text: '2. 老王 化肥2袋',
        orderId: orderIds['O-0003'],
        status: expect.any(String),
      },
    ]);
  });

  it('400, 401, 403 (role and village) and 404', async () => {
    const all = (await h.call(h.tokens.admin, 'GET', '/api/v1/jielongs')).json().items;
    const w = all.find((j: { siteId: number }) => j.siteId === h.sites.w);
    expect(w.lines).toBe(2);
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/jielongs/${w.id}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/jielongs?site=${h.sites.w}`)).statusCode).toBe(
      403,
    );
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/jielongs')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/jielongs')).statusCode).toBe(401);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/jielongs?limit=0')).statusCode).toBe(400);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/jielongs/99999')).statusCode).toBe(404);
  });
});

describe('/api/v1/water', () => {
  it('lists bookings by delivery day and status, and marks one delivered telling the villager', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', '/api/v1/water?date=2020-02-16');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: expect.any(Number),
        siteId: h.sites.v,
        number: 1,
        ref: 'W-0001',
        customer: '老王',
        household: '老王',
        villageGroup: '五组',
        phone: '13900002222',
        deliverTo: '五组',
        qty: 2,
        unit: '桶',
        day: '2020-02-16',
        part: 'pm',
        status: 'booked',
        createdAt: '2020-02-15T09:05:00+08:00',
        deliveredAt: null,
      },
    ]);
    expect((await h.call(h.tokens.volunteerV, 'GET', '/api/v1/water?date=2020-02-17')).json().items).toEqual(
      [],
    );
    const id = res.json().items[0].id;
    const done = await h.call(h.tokens.volunteerV, 'POST', `/api/v1/water/${id}/delivered`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    expect(
      (await h.call(h.tokens.volunteerV, 'GET', '/api/v1/water?status=delivered'))
        .json()
        .items.map((w: { ref: string }) => w.ref),
    ).toEqual(['W-0001']);
    const [notice] = await h.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'delivered'), eq(outbox.topic, TOPICS.vVillagers)))
      .orderBy(asc(outbox.id))
      .offset(2);
    expect(notice?.text).toContain('W-0001');
    expect((await h.call(h.tokens.volunteerV, 'POST', `/api/v1/water/${id}/delivered`)).statusCode).toBe(409);
    const [audit] = await h.db.db.select().from(auditLog).where(eq(auditLog.entity, 'water'));
    expect(audit).toMatchObject({
      action: 'delivered',
      before: { status: 'booked' },
      after: { status: 'delivered' },
    });
  });

  it('400, 401, 403 (role and village) and 404', async () => {
    const w = (await h.call(h.tokens.admin, 'GET', `/api/v1/water?site=${h.sites.w}`)).json().items[0];
    expect(w.customer).toBe('赵家');
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/water/${w.id}`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.volunteerV, 'POST', `/api/v1/water/${w.id}/delivered`)).statusCode).toBe(
      403,
    );
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/water?site=${h.sites.w}`)).statusCode).toBe(
      403,
    );
    expect((await h.call(h.tokens.medicA, 'GET', '/api/v1/water')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/water')).statusCode).toBe(401);
    const bad = await h.call(h.tokens.admin, 'GET', '/api/v1/water?date=tomorrow');
    expect(bad.json().fields[0].field).toBe('querystring.date');
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/water/99999/delivered')).statusCode).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/water/99999')).statusCode).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/water/0')).statusCode).toBe(400);
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/water/${w.id}`)).json().status).toBe('booked');
  });
});

// /api/v1/outbox: what the bot sent or queued; a retry of a message that failed for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';

let h: ApiHarness;
let reminder: number;
let digest: number;
let villageList: number;
let orphan: number;

async function queued(topic: string, text: string, at: string, group = true) {
  const [id] = await createOutboxRepo(h.db.db).enqueue({
    groupId: group ? (h.groups[topic] as number) : null,
    topic,
    text,
    mentions: [{ id: 'wxid_1', name: '2105高' }],
    kind: 'reminder',
    createdAt: new Date(at),
  });
  return id as number;
}

beforeAll(async () => {
  h = await createApiHarness();
  reminder = await queued(TOPICS.aResidents, '请大家报体温', '2020-02-14T20:00:00+08:00');
  digest = await queued(TOPICS.aStaff, '今日汇总', '2020-02-15T07:00:00+08:00');
  villageList = await queued(TOPICS.vVolunteers, '采购单', '2020-02-15T07:30:00+08:00');
  orphan = await queued('已解散的群', '你好', '2020-02-15T07:40:00+08:00', false);
  await createOutboxRepo(h.db.db).markFailed(digest, 'no WeChat room with topic 五指山观察点工作群');
  await createOutboxRepo(h.db.db).markSent(reminder, new Date('2020-02-14T20:00:05+08:00'), 'p1');
});
afterAll(() => h.close());

const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((m) => m.id);

describe('GET /api/v1/outbox', () => {
  it('lists messages oldest first with their room, site and state', async () => {
    const res = await h.call(h.tokens.admin, 'GET', '/api/v1/outbox');
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([reminder, digest, villageList, orphan]);
    expect(res.json().items[0]).toEqual({
      id: reminder,
      siteId: h.sites.a,
      groupId: h.groups[TOPICS.aResidents],
      room: TOPICS.aResidents,
      text: '请大家报体温',
      mentions: ['2105高'],
      kind: 'reminder',
      urgent: false,
      status: 'sent',
      attempts: 0,
      lastError: null,
      notBefore: '2020-02-14T20:00:00+08:00',
      createdAt: '2020-02-14T20:00:00+08:00',
      sentAt: '2020-02-14T20:00:05+08:00',
      sourceMessageId: null,
    });
  });

  it('filters by site, room, status and local day', async () => {
    const q = async (query: string) => ids(await h.call(h.tokens.admin, 'GET', `/api/v1/outbox?${query}`));
    expect(await q(`site=${h.sites.a}`)).toEqual([reminder, digest]);
    expect(await q(`room=${encodeURIComponent(TOPICS.vVolunteers)}`)).toEqual([villageList]);
    expect(await q('status=failed')).toEqual([digest]);
    expect(await q('date=2020-02-14')).toEqual([reminder]);
    expect(await q('from=2020-02-15')).toEqual([digest, villageList, orphan]);
  });

  it('is for admins; 400 and 401 where they apply', async () => {
    for (const t of [h.tokens.staffA, h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/outbox')).statusCode).toBe(403);
    expect((await h.call(null, 'GET', '/api/v1/outbox')).statusCode).toBe(401);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/outbox?status=lost')).json().fields[0].field).toBe(
      'querystring.status',
    );
  });
});

describe('GET /api/v1/outbox/:id', () => {
  it('shows one message; 404 when unknown', async () => {
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/outbox/${orphan}`)).json()).toMatchObject({
      siteId: null,
      room: '已解散的群',
    });
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/outbox/99999')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/outbox/:id/retry', () => {
  it('puts a failed message back in the queue, due now, wakes the worker and audits', async () => {
    const woken = h.counters.notified;
    h.clock.advance(600_000);
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/outbox/${digest}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'pending',
      attempts: 0,
      notBefore: '2020-02-15T08:10:00+08:00',
      lastError: 'no WeChat room with topic 五指山观察点工作群',
    });
    expect(h.counters.notified).toBe(woken + 1);
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=outbox&entityId=${digest}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'retry',
      siteId: h.sites.a,
      before: { status: 'failed' },
      after: { status: 'pending' },
    });
  });

  it('answers 409 for a message that has not failed, 404 for none, 403 for other roles', async () => {
    const sent = await h.call(h.tokens.admin, 'POST', `/api/v1/outbox/${reminder}/retry`);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().message).toBe(`outbox message ${reminder} is sent; only failed messages are retried`);
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/outbox/99999/retry')).statusCode).toBe(404);
    expect((await h.call(h.tokens.staffA, 'POST', `/api/v1/outbox/${digest}/retry`)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/outbox/budget', () => {
  it("shows each group's day: sent since its local midnight, the cap and reserve, and what waits and why", async () => {
    // The harness clock: 2020-02-15 08:00 Shanghai. A sent message today, one held by the cap.
    const repo = createOutboxRepo(h.db.db);
    const [today] = await repo.enqueue({
      groupId: h.groups[TOPICS.vVillagers] as number,
      topic: TOPICS.vVillagers,
      text: '已记录',
      createdAt: new Date('2020-02-15T07:50:00+08:00'),
    });
    await repo.markSent(today as number, new Date('2020-02-15T07:51:00+08:00'), 'p2');
    const [held] = await repo.enqueue({
      groupId: h.groups[TOPICS.vVillagers] as number,
      topic: TOPICS.vVillagers,
      text: '明天再发',
      createdAt: new Date('2020-02-15T07:55:00+08:00'),
    });
    await repo.reschedule(held as number, new Date('2020-02-16T00:00:00+08:00'), 'daily cap reached', false);
    const res = await h.call(h.tokens.admin, 'GET', `/api/v1/outbox/budget?site=${h.sites.v}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      cap: 300,
      reserve: 60,
      items: [
        {
          groupId: h.groups[TOPICS.vVillagers],
          siteId: h.sites.v,
          room: TOPICS.vVillagers,
          sentToday: 1,
          held: { cap: 1, merge: 0, quiet: 0 },
        },
        {
          groupId: h.groups[TOPICS.vVolunteers],
          siteId: h.sites.v,
          room: TOPICS.vVolunteers,
          sentToday: 0,
          held: { cap: 0, merge: 0, quiet: 0 },
        },
      ],
    });
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/outbox/budget')).statusCode).toBe(403);
  });
});

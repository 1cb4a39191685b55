// /api/v1/messages: messages the bot could not place, for staff review: list, review, re-parse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import type { MessageState } from '../../src/core/domain.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';

let h: ApiHarness;
let seq = 0;

/** Stores a group message as intake would, and gives it a state as the robot would. */
async function stored(topic: string | null, text: string, at: string, state: MessageState, note?: string) {
  const repo = createMessagesRepo(h.db.db);
  const ids = await repo.insert(
    [
      {
        message: {
          providerId: `m${++seq}`,
          roomId: `${topic ?? 'unknown'}@chatroom`,
          roomTopic: topic ?? '陌生群',
          talkerId: 'wxid_1',
          talkerName: '2105高',
          kind: 'text',
          text,
          at: new Date(at),
          mentionsSelf: false,
          mentionIds: [],
        },
        groupId: topic ? (h.groups[topic] as number) : null,
      },
    ],
    new Date(at),
  );
  const id = ids.get(`m${seq}`) as number;
  await repo.finish([{ id, state, note: note ?? null }], new Date(at));
  return id;
}

let lateNight: number;
let pastMidnight: number;
let village: number;
let stranger: number;
let handled: number;
let failed: number;
beforeAll(async () => {
  h = await createApiHarness();
  lateNight = await stored(
    TOPICS.aResidents,
    '2105 早上36.4',
    '2020-02-14T23:30:00+08:00',
    'unplaced',
    'no resident',
  );
  pastMidnight = await stored(TOPICS.aResidents, '那个东西到了吗', '2020-02-15T00:30:00+08:00', 'unplaced');
  village = await stored(
    TOPICS.vVillagers,
    '帮我买两袋化肥和一桶菜籽油，送到三组',
    '2020-02-15T09:00:00+08:00',
    'unplaced',
  );
  stranger = await stored(null, '大家好', '2020-02-15T09:00:00+08:00', 'unplaced');
  handled = await stored(TOPICS.aResidents, '#帮助', '2020-02-15T09:00:00+08:00', 'handled');
  failed = await stored(TOPICS.bResidents, '36.6', '2020-02-15T09:00:00+08:00', 'failed', 'health: boom');
});
afterAll(() => h.close());

const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((m) => m.id);

describe('GET /api/v1/messages', () => {
  it('lists unplaced messages oldest first, with their group and site', async () => {
    const res = await h.call(h.tokens.admin, 'GET', '/api/v1/messages');
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([lateNight, pastMidnight, village, stranger]);
    expect(res.json().items[0]).toEqual({
      id: lateNight,
      siteId: h.sites.a,
      groupId: h.groups[TOPICS.aResidents],
      topic: TOPICS.aResidents,
      role: 'residents',
      talkerName: '2105高',
      text: '2105 早上36.4',
      sentAt: '2020-02-14T23:30:00+08:00',
      state: 'unplaced',
      note: 'no resident',
      processedAt: '2020-02-14T23:30:00+08:00',
    });
  });

  it('limits staff to their sites and leaves out messages of no site', async () => {
    expect(ids(await h.call(h.tokens.staffA, 'GET', '/api/v1/messages'))).toEqual([lateNight, pastMidnight]);
    expect(ids(await h.call(h.tokens.staffB, 'GET', '/api/v1/messages?status=failed'))).toEqual([failed]);
  });

  it('filters by the site’s local day, group and status', async () => {
    const day = await h.call(h.tokens.staffA, 'GET', '/api/v1/messages?date=2020-02-15');
    expect(ids(day)).toEqual([pastMidnight]);
    const range = await h.call(h.tokens.admin, 'GET', '/api/v1/messages?from=2020-02-14&to=2020-02-14');
    expect(ids(range)).toEqual([lateNight]);
    const group = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/messages?group=${h.groups[TOPICS.vVillagers]}`,
    );
    expect(ids(group)).toEqual([village]);
    const site = await h.call(h.tokens.admin, 'GET', `/api/v1/messages?site=${h.sites.v}`);
    expect(ids(site)).toEqual([village]);
  });

  it('answers 400, 401 and 403 where they apply', async () => {
    for (const [q, field] of [
      ['date=2020-02-30', 'querystring.date'],
      ['status=handled', 'querystring.status'],
      ['date=2020-02-15&from=2020-02-14', 'querystring.date'],
      ['from=2020-02-15&to=2020-02-14', 'querystring.to'],
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', `/api/v1/messages?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().fields[0].field, q).toBe(field);
    }
    expect((await h.call(null, 'GET', '/api/v1/messages')).statusCode).toBe(401);
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/messages?site=${h.sites.b}`)).statusCode).toBe(403);
    for (const t of [h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'GET', '/api/v1/messages')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/messages/:id', () => {
  it('shows one message within scope; 403 outside, 404 when unknown', async () => {
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/messages/${handled}`)).json().state).toBe(
      'handled',
    );
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/messages/${village}`)).statusCode).toBe(403);
    const none = await h.call(h.tokens.staffA, 'GET', `/api/v1/messages/${stranger}`);
    expect(none.statusCode).toBe(403);
    expect(none.json().message).toBe('this record belongs to no site; only all-sites tokens may touch it');
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/messages/${stranger}`)).statusCode).toBe(200);
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/messages/99999')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/messages/:id/reparse', () => {
  it('reads the stored text in its group’s context and the site’s zone, writing nothing', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/messages/${lateNight}/reparse`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: lateNight,
      context: 'quarantine',
      timeZone: 'Asia/Shanghai',
      records: [{ type: 'health', temperature: 36.4, slot: 'am', symptoms: [], room: '2105' }],
    });
    const order = await h.call(h.tokens.admin, 'POST', `/api/v1/messages/${village}/reparse`);
    expect(order.json()).toMatchObject({
      context: 'village',
      records: [
        {
          type: 'order',
          items: [
            { name: '化肥', qty: 2, unit: '袋' },
            { name: '菜籽油', qty: 1, unit: '桶' },
          ],
          deliverTo: '三组',
        },
      ],
    });
    const after = await h.call(h.tokens.admin, 'GET', `/api/v1/messages/${lateNight}`);
    expect(after.json().state).toBe('unplaced');
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/audit?entity=message')).json().items).toEqual([]);
  });

  it('answers 403 and 404 where they apply', async () => {
    expect((await h.call(h.tokens.staffB, 'POST', `/api/v1/messages/${lateNight}/reparse`)).statusCode).toBe(
      403,
    );
    expect(
      (await h.call(h.tokens.volunteerV, 'POST', `/api/v1/messages/${village}/reparse`)).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/messages/99999/reparse')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/messages/:id/review', () => {
  it('marks an unplaced message reviewed with a note, audited; a second review is a conflict', async () => {
    const id = await stored(
      TOPICS.aResidents,
      '看不懂的话',
      '2020-02-15T10:00:00+08:00',
      'unplaced',
      'no listener',
    );
    h.clock.advance(3_600_000);
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/messages/${id}/review`, {
      note: '已电话联系住户',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'reviewed',
      note: '已电话联系住户',
      processedAt: '2020-02-15T09:00:00+08:00',
    });
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=message&entityId=${id}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'review',
      actor: { name: 'staff-a' },
      siteId: h.sites.a,
      before: { state: 'unplaced', note: 'no listener' },
      after: { state: 'reviewed', note: '已电话联系住户' },
    });
    const again = await h.call(h.tokens.staffA, 'POST', `/api/v1/messages/${id}/review`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`message ${id} is reviewed, not waiting for review`);
    expect(ids(await h.call(h.tokens.staffA, 'GET', '/api/v1/messages?status=reviewed'))).toEqual([id]);
  });

  it('keeps the bot’s note when the reviewer gives none, and takes failed messages too', async () => {
    const res = await h.call(h.tokens.staffB, 'POST', `/api/v1/messages/${failed}/review`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'reviewed', note: 'health: boom' });
  });

  it('answers 400, 403, 404 and 409 where they apply', async () => {
    expect(
      (await h.call(h.tokens.staffA, 'POST', `/api/v1/messages/${pastMidnight}/review`, { note: 5 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await h.call(h.tokens.staffB, 'POST', `/api/v1/messages/${pastMidnight}/review`, {})).statusCode,
    ).toBe(403);
    expect(
      (await h.call(h.tokens.medicA, 'POST', `/api/v1/messages/${pastMidnight}/review`, {})).statusCode,
    ).toBe(403);
    expect((await h.call(h.tokens.staffA, 'POST', '/api/v1/messages/99999/review', {})).statusCode).toBe(404);
    expect((await h.call(h.tokens.staffA, 'POST', `/api/v1/messages/${handled}/review`, {})).statusCode).toBe(
      409,
    );
  });
});

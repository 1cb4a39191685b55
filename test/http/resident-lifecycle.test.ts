// /api/v1/residents/:id/extend|release|transfer|leave: the observation period through the API, with
// the staff commands' effects (release congratulated in the residents group), audited, within scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { queued, say } from '../helpers/health-api.js';

let h: ApiHarness;
const ids: Record<string, number> = {};
const add = async (name: string, room: string, wechat?: string) =>
  (
    await h.call(h.tokens.staffA, 'POST', '/api/v1/residents', {
      siteId: h.sites.a,
      name,
      room,
      start: '2020-02-07',
      ...(wechat ? { wechat } : {}),
    })
  ).json().id as number;
beforeAll(async () => {
  h = await createApiHarness();
  ids.gao = await add('高某', '2105', '2105高');
  ids.wang = await add('王某', '2106');
  ids.zhao = await add('赵某', '2107');
  ids.qian = await add('钱某', '2108');
  // 高某 writes once, so the bot knows their WeChat account.
  await say(h, TOPICS.aResidents, '2105高', '36.5', '2020-02-15 08:05');
});
afterAll(() => h.close());

const audit = async (id: number | undefined) =>
  (await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=resident&entityId=${id}`)).json().items;

describe('POST /residents/:id/extend', () => {
  it('moves the planned end later, audited with the reason', async () => {
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/residents/${ids.gao}/extend`, {
      days: 7,
      reason: '同住人确诊',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.gao, plannedEndDate: '2020-02-28', status: 'observing' });
    const [entry] = await audit(ids.gao);
    expect(entry).toMatchObject({
      action: 'extend',
      actor: { name: 'staff-a' },
      before: { plannedEndDate: '2020-02-21' },
      after: { plannedEndDate: '2020-02-28', days: 7, reason: '同住人确诊' },
    });
    const again = await h.call(h.tokens.admin, 'POST', `/api/v1/residents/${ids.gao}/extend`, { days: 1 });
    expect(again.json().plannedEndDate).toBe('2020-02-29');
  });

  it('refuses shortening or odd days (400 naming the field), other sites and roles (403), unknown ids (404)', async () => {
    const url = `/api/v1/residents/${ids.wang}/extend`;
    for (const body of [{ days: 0 }, { days: -3 }, { days: 61 }, { days: 1.5 }, { days: '3' }, {}]) {
      const res = await h.call(h.tokens.staffA, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields[0].field).toBe('body.days');
    }
    expect((await h.call(h.tokens.staffB, 'POST', url, { days: 3 })).statusCode).toBe(403);
    for (const t of [h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await h.call(t, 'POST', url, { days: 3 })).statusCode).toBe(403);
    expect((await h.call(null, 'POST', url, { days: 3 })).statusCode).toBe(401);
    expect(
      (await h.call(h.tokens.admin, 'POST', '/api/v1/residents/9999/extend', { days: 3 })).statusCode,
    ).toBe(404);
    expect((await h.call(h.tokens.admin, 'GET', `/api/v1/residents/${ids.wang}`)).json().plannedEndDate).toBe(
      '2020-02-21',
    );
    expect(await audit(ids.wang)).toHaveLength(1); // the creation only
  });
});

describe('release, transfer, leave', () => {
  it('releases: status and time set, the resident congratulated with an @mention, audited', async () => {
    h.clock.set(new Date('2020-02-15T10:00:00+08:00'));
    const before = (await queued(h)).length;
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/residents/${ids.gao}/release`, {
      note: '核酸阴性',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'released', statusAt: '2020-02-15T10:00:00+08:00' });
    const sent = (await queued(h)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      topic: TOPICS.aResidents,
      kind: 'release',
      text: '恭喜您解除医学观察，祝您平安回家！',
      mentions: [{ id: 'wxid-2105高', name: '2105高' }],
    });
    const [entry] = await audit(ids.gao);
    expect(entry).toMatchObject({
      action: 'release',
      before: { status: 'observing' },
      after: { status: 'released', note: '核酸阴性' },
    });
  });

  it('names an unbound resident by room, never by name, when releasing', async () => {
    const before = (await queued(h)).length;
    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/residents/${ids.qian}/release`);
    expect(res.statusCode).toBe(200);
    const sent = (await queued(h)).slice(before);
    expect(sent.map((m) => [m.text, m.mentions])).toEqual([
      ['恭喜 2108 房间的住户解除医学观察，祝您平安回家！', []],
    ]);
  });

  it('releases once when two release at the same moment', async () => {
    const id = await add('孙某', '2109');
    const before = (await queued(h)).length;
    const url = `/api/v1/residents/${id}/release`;
    const answers = await Promise.all([
      h.call(h.tokens.staffA, 'POST', url, {}),
      h.call(h.tokens.admin, 'POST', url, {}),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await queued(h)).length).toBe(before + 1);
  });

  it('transfers to hospital without a word to residents, the hospital audited', async () => {
    const before = (await queued(h)).length;
    const res = await h.call(h.tokens.staffA, 'POST', `/api/v1/residents/${ids.wang}/transfer`, {
      hospital: '市人民医院',
      note: '发热未退',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('hospital');
    expect((await queued(h)).length).toBe(before);
    expect((await audit(ids.wang))[0]).toMatchObject({
      action: 'transfer',
      after: { status: 'hospital', hospital: '市人民医院', note: '发热未退' },
    });
  });

  it('records leaving; refuses bad bodies (400), other sites (403) and residents no longer observing (409)', async () => {
    const url = `/api/v1/residents/${ids.zhao}/leave`;
    const bad = await h.call(h.tokens.staffA, 'POST', url, { reason: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('body.reason');
    const badTransfer = await h.call(h.tokens.staffA, 'POST', `/api/v1/residents/${ids.zhao}/transfer`, {
      hospital: '',
    });
    expect(badTransfer.json().fields[0].field).toBe('body.hospital');
    expect((await h.call(h.tokens.staffB, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.medicA, 'POST', url, {})).statusCode).toBe(403);
    expect((await h.call(h.tokens.admin, 'POST', '/api/v1/residents/9999/leave', {})).statusCode).toBe(404);
    const res = await h.call(h.tokens.staffA, 'POST', url, { note: '家属接走居家观察' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('left');
    for (const [id, what, body] of [
      [ids.zhao, 'leave', {}],
      [ids.gao, 'release', {}],
      [ids.gao, 'transfer', {}],
      [ids.wang, 'extend', { days: 2 }],
    ] as const) {
      const again = await h.call(h.tokens.staffA, 'POST', `/api/v1/residents/${id}/${what}`, body);
      expect(again.statusCode, `${what} ${id}`).toBe(409);
      expect(again.json().code).toBe('CONFLICT');
    }
    expect((await h.call(h.tokens.staffA, 'GET', `/api/v1/residents/${ids.gao}`)).json().status).toBe(
      'released',
    );
  });
});

// /api/v1/sites: list within scope, get, counts, create and change settings (audited, timetable told).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const DEFAULT_SCHEDULE = {
  nudgeAfterMin: 60,
  privateAfterMin: 90,
  staffMissingAfterMin: 120,
  ladderNudge: true,
  ladderPrivate: true,
  ladderCallList: true,
  digestTime: '21:00',
  morningSummaryTime: '08:30',
  releaseNoticeTime: '09:00',
  volunteerEveningTime: '19:00',
  deliveryMorningTime: '07:30',
  quietStart: '22:00',
  quietEnd: '07:00',
};

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((s) => s.name);

describe('GET /api/v1/sites', () => {
  it('lists every site for admin, and only its own for other tokens', async () => {
    const all = await h.call(h.tokens.admin, 'GET', '/api/v1/sites?limit=4');
    expect(all.statusCode).toBe(200);
    expect(names(all)).toEqual(['五指山观察点', '金凤观察点', '七星洞村', '白云村']);
    expect(names(await h.call(h.tokens.staffB, 'GET', '/api/v1/sites'))).toEqual(['金凤观察点']);
    expect(names(await h.call(h.tokens.volunteerV, 'GET', '/api/v1/sites'))).toEqual(['七星洞村']);
    expect(names(await h.call(h.tokens.viewerA, 'GET', '/api/v1/sites'))).toEqual(['五指山观察点']);
    expect(names(await h.call(h.tokens.admin, 'GET', '/api/v1/sites?kind=village&limit=200'))).toContain(
      '白云村',
    );
  });

  it('pages with an opaque cursor', async () => {
    const first = await h.call(h.tokens.admin, 'GET', '/api/v1/sites?limit=1');
    expect(names(first)).toEqual(['五指山观察点']);
    const second = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/sites?limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(names(second)).toEqual(['金凤观察点']);
  });

  it('answers 400 and 401', async () => {
    const bad = await h.call(h.tokens.admin, 'GET', '/api/v1/sites?kind=city');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.kind');
    const unknown = await h.call(h.tokens.admin, 'GET', '/api/v1/sites?colour=red');
    expect(unknown.json().fields).toEqual([{ field: 'querystring.colour', message: 'unknown field' }]);
    expect((await h.call(null, 'GET', '/api/v1/sites')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/sites/:id', () => {
  it('shows a site with its settings and the timetable in force', async () => {
    const res = await h.call(h.tokens.staffA, 'GET', `/api/v1/sites/${h.sites.a}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: h.sites.a,
      name: '五指山观察点',
      kind: 'quarantine',
      timezone: 'Asia/Shanghai',
      observationDays: 14,
      feverThreshold: 37.3,
      reportTimes: ['08:00', '20:00'],
      schedule: DEFAULT_SCHEDULE,
      createdAt: expect.any(String),
    });
  });

  it('answers 403 for another site, 404 for none, 400 for a bad id', async () => {
    const other = await h.call(h.tokens.staffA, 'GET', `/api/v1/sites/${h.sites.b}`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({
      code: 'FORBIDDEN',
      message: `site ${h.sites.b} is not one of this token's sites`,
    });
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/sites/99999')).statusCode).toBe(404);
    expect((await h.call(h.tokens.staffA, 'GET', '/api/v1/sites/0')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/sites/:id/counts', () => {
  it('counts residents and open work, for every role within its sites', async () => {
    await h.services.admin.residents.createResident(
      { tokenId: null, name: 'test' },
      { siteId: h.sites.b, name: '李某', room: '301', start: '2020-02-10' },
      () => {},
    );
    const res = await h.call(h.tokens.staffB, 'GET', `/api/v1/sites/${h.sites.b}/counts`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      site: h.sites.b,
      residents: {
        observing: 1,
        released: 0,
        hospital: 0,
        left: 0,
        observingToday: 1,
        overdue: 0,
        upcoming: 0,
      },
      rooms: 1,
      households: 0,
      openAlerts: 0,
      openRequests: 0,
      openOrders: 0,
      waterBooked: 0,
      unplacedMessages: 0,
    });
    expect((await h.call(h.tokens.viewerA, 'GET', `/api/v1/sites/${h.sites.a}/counts`)).statusCode).toBe(200);
    expect((await h.call(h.tokens.volunteerV, 'GET', `/api/v1/sites/${h.sites.v}/counts`)).statusCode).toBe(
      200,
    );
    expect((await h.call(h.tokens.viewerA, 'GET', `/api/v1/sites/${h.sites.b}/counts`)).statusCode).toBe(403);
    expect((await h.call(h.tokens.viewerA, 'GET', '/api/v1/sites/99999/counts')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/sites', () => {
  it('creates a site with the settings given, audits it and tells the timetable', async () => {
    const before = h.counters.sitesChanged;
    const res = await h.call(h.tokens.admin, 'POST', '/api/v1/sites', {
      name: '南山观察点',
      kind: 'quarantine',
      observationDays: 21,
      feverThreshold: 37.5,
      reportTimes: ['07:30', '19:30'],
      schedule: { digestTime: '20:30' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      name: '南山观察点',
      kind: 'quarantine',
      timezone: 'Asia/Shanghai',
      observationDays: 21,
      feverThreshold: 37.5,
      reportTimes: ['07:30', '19:30'],
      schedule: { ...DEFAULT_SCHEDULE, digestTime: '20:30' },
      createdAt: '2020-02-15T08:00:00+08:00',
    });
    expect(h.counters.sitesChanged).toBe(before + 1);
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=site&entityId=${res.json().id}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'create',
      actor: { name: 'root' },
      siteId: res.json().id,
      before: null,
      after: { name: '南山观察点', observationDays: 21, schedule: { digestTime: '20:30' } },
    });
  });

  it('answers 400 naming the field, like the setup file would', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'village' }, 'body.name'],
      [{ name: 'x', kind: 'city' }, 'body.kind'],
      [{ name: 'x', kind: 'village', timezone: 'Mars/Olympus' }, 'body.timezone'],
      [{ name: 'x', kind: 'quarantine', reportTimes: ['25:00'] }, 'body.reportTimes.0'],
      [{ name: 'x', kind: 'quarantine', reportTimes: ['20:00', '08:00'] }, 'body.reportTimes'],
      [{ name: 'x', kind: 'quarantine', observationDays: 0 }, 'body.observationDays'],
      [{ name: 'x', kind: 'quarantine', feverThreshold: 42 }, 'body.feverThreshold'],
      [{ name: 'x', kind: 'quarantine', schedule: { digestTime: '9pm' } }, 'body.schedule.digestTime'],
      [{ name: 'x', kind: 'quarantine', schedule: { bedtime: '22:00' } }, 'body.schedule.bedtime'],
    ];
    for (const [payload, field] of cases) {
      const res = await h.call(h.tokens.admin, 'POST', '/api/v1/sites', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        res.json().fields.map((f: { field: string }) => f.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
  });

  it('answers 409 for a name in use, and 403 for everyone but admin', async () => {
    const taken = await h.call(h.tokens.admin, 'POST', '/api/v1/sites', {
      name: '七星洞村',
      kind: 'village',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual({ code: 'CONFLICT', message: 'a site named 七星洞村 exists' });
    const staff = await h.call(h.tokens.staffA, 'POST', '/api/v1/sites', { name: 'y', kind: 'village' });
    expect(staff.statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/sites/:id', () => {
  it('changes settings, merges the timetable (null resets a key), audits and tells the timetable', async () => {
    const created = (
      await h.call(h.tokens.admin, 'POST', '/api/v1/sites', {
        name: '北岭观察点',
        kind: 'quarantine',
        schedule: { digestTime: '20:00', quietStart: '23:00' },
      })
    ).json();
    const before = h.counters.sitesChanged;
    const res = await h.call(h.tokens.admin, 'PATCH', `/api/v1/sites/${created.id}`, {
      timezone: 'Asia/Urumqi',
      reportTimes: ['09:00', '21:00'],
      schedule: { digestTime: null, nudgeAfterMin: 30 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      timezone: 'Asia/Urumqi',
      reportTimes: ['09:00', '21:00'],
      observationDays: 14,
      schedule: { ...DEFAULT_SCHEDULE, quietStart: '23:00', nudgeAfterMin: 30 },
    });
    expect(h.counters.sitesChanged).toBe(before + 1);
    const [entry] = (
      await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=site&entityId=${created.id}`)
    ).json().items;
    expect(entry).toMatchObject({
      action: 'update',
      before: { timeZone: 'Asia/Shanghai', schedule: { digestTime: '20:00', quietStart: '23:00' } },
      after: { timeZone: 'Asia/Urumqi', schedule: { quietStart: '23:00', nudgeAfterMin: 30 } },
    });
    expect(entry.after.schedule).not.toHaveProperty('digestTime');
  });

  it('answers 400, 403, 404 and 409 where they apply', async () => {
    const empty = await h.call(h.tokens.admin, 'PATCH', `/api/v1/sites/${h.sites.a}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('body: give at least one field to change');
    const kind = await h.call(h.tokens.admin, 'PATCH', `/api/v1/sites/${h.sites.a}`, { kind: 'village' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().fields).toContainEqual({ field: 'body.kind', message: 'unknown field' });
    expect(
      (await h.call(h.tokens.staffA, 'PATCH', `/api/v1/sites/${h.sites.a}`, { feverThreshold: 37.5 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.call(h.tokens.admin, 'PATCH', '/api/v1/sites/99999', { feverThreshold: 37.5 })).statusCode,
    ).toBe(404);
    const clash = await h.call(h.tokens.admin, 'PATCH', `/api/v1/sites/${h.sites.a}`, { name: '金凤观察点' });
    expect(clash.statusCode).toBe(409);
    // The audit row is written in the write's transaction: a write that failed left none.
    const log = await h.call(h.tokens.admin, 'GET', `/api/v1/audit?entity=site&entityId=${h.sites.a}`);
    expect(log.json().items).toEqual([]);
  });
});

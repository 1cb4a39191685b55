// /api/v1/sandbox: the simulated WeChat of sandbox mode, on a whole service. Messages typed through the
// API go through the mock puppet like real traffic: stored, parsed, answered by the bot.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { healthReports, messages } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { CLI_ACTOR } from '../../src/services/admin/audit.js';
import { createSetupService } from '../../src/services/setup.js';
import { createApiHarness } from '../helpers/api.js';
import { RESIDENTS, STAFF, shanghai, siteSetup } from '../helpers/quarantine.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

let t: TestService;
let siteId: number;
let otherSiteId: number;
const tokens: Record<'admin' | 'staff' | 'otherStaff' | 'medic', string> = {
  admin: '',
  staff: '',
  otherStaff: '',
  medic: '',
};

beforeAll(async () => {
  t = await startTestService({
    clock: createSimulatedClock(shanghai('2020-02-15 07:30')),
    ignoreBeforeLogin: false,
  });
  const setup = siteSetup([{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }]);
  setup.sites.push({
    ...(setup.sites[0] as (typeof setup.sites)[number]),
    name: '金凤观察点',
    groups: [{ topic: '金凤观察点住户群', role: 'residents' }],
    residents: [],
  });
  await createSetupService({ db: t.db.db, defaultZone: 'Asia/Shanghai' }).apply(setup);
  await t.sw.syncRooms();
  const registry = createRegistryRepo(t.db.db);
  siteId = (await registry.siteByName('五指山观察点'))?.id as number;
  otherSiteId = (await registry.siteByName('金凤观察点'))?.id as number;
  const make = async (role: 'admin' | 'staff' | 'medic', siteIds: number[] | null, name: string) =>
    (await t.sw.services.tokens.create(CLI_ACTOR, { name, role, siteIds })).token;
  tokens.admin = await make('admin', null, 'root');
  tokens.staff = await make('staff', [siteId], 'staff');
  tokens.otherStaff = await make('staff', [otherSiteId], 'other-staff');
  tokens.medic = await make('medic', [siteId], 'medic');
});
afterAll(() => t.stop());

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.sw.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

const roomIdOf = (topic: string) => t.world.rooms().find((r) => r.topic === topic)?.id as string;

describe('sandbox groups', () => {
  it('lists the simulated groups of the token’s sites with their site, role and members', async () => {
    const res = await call(tokens.staff, 'GET', '/sandbox/groups');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        roomId: roomIdOf(RESIDENTS),
        topic: RESIDENTS,
        siteId,
        siteName: '五指山观察点',
        role: 'residents',
        members: [{ id: expect.stringMatching(/^wxid-/), name: '守望' }],
      },
      {
        roomId: roomIdOf(STAFF),
        topic: STAFF,
        siteId,
        siteName: '五指山观察点',
        role: 'staff',
        members: [{ id: expect.any(String), name: '守望' }],
      },
    ]);
    const all = await call(tokens.admin, 'GET', '/sandbox/groups');
    expect(all.json().map((g: { topic: string }) => g.topic)).toEqual([RESIDENTS, STAFF, '金凤观察点住户群']);
  });

  it('is for admin and staff tokens only', async () => {
    const res = await call(tokens.medic, 'GET', '/sandbox/groups');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('sandbox messages', () => {
  it('delivers a message through the mock puppet: stored, recorded, answered in the transcript', async () => {
    const roomId = roomIdOf(RESIDENTS);
    const before = (await call(tokens.staff, 'GET', `/sandbox/messages?roomId=${roomId}`)).json();
    const res = await call(tokens.staff, 'POST', '/sandbox/messages', {
      roomId,
      senderName: '2105高',
      text: '2105 早上36.4',
    });
    expect(res.statusCode).toBe(202);
    const { id, messageId } = res.json();
    expect(id).toBeGreaterThan(before.last);

    const transcript = await waitFor(
      async () => {
        const page = (
          await call(tokens.staff, 'GET', `/sandbox/messages?roomId=${roomId}&after=${before.last}`)
        ).json();
        return page.items.some((l: { fromBot: boolean }) => l.fromBot) ? page : undefined;
      },
      { what: 'the bot’s reply in the transcript' },
    );
    expect(transcript.items).toEqual([
      { id, at: '2020-02-15T07:30:00+08:00', from: '2105高', fromBot: false, text: '2105 早上36.4' },
      {
        id: id + 1,
        at: expect.any(String),
        from: '守望',
        fromBot: true,
        text: '@2105高 已记录：2105 早 36.4℃',
      },
    ]);
    expect(transcript.last).toBe(id + 1);

    // The same path as real WeChat: the message is stored with the puppet's id, the report recorded.
    const [stored] = await t.db.db.select().from(messages).where(eq(messages.providerId, messageId));
    expect(stored).toMatchObject({ text: '2105 早上36.4', talkerName: '2105高' });
    const reports = await t.db.db
      .select()
      .from(healthReports)
      .where(eq(healthReports.messageId, stored?.id as number));
    expect(reports.map((r) => [r.slot, r.temperature])).toEqual([['am', 36.4]]);

    // Audited: which token typed what, as whom.
    const audit = (
      await call(tokens.admin, 'GET', `/audit?entity=sandbox-message&entityId=${messageId}`)
    ).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'say',
        actor: expect.objectContaining({ name: 'staff' }),
        siteId,
        after: { roomId, topic: RESIDENTS, from: '2105高', text: '2105 早上36.4', mentions: [] },
      }),
    ]);

    // The sender is now a member; they may write again by id. Lines after the last give nothing new.
    const groups = (await call(tokens.staff, 'GET', '/sandbox/groups')).json();
    const member = groups[0].members.find((m: { name: string }) => m.name === '2105高');
    expect(member).toBeDefined();
    const again = await call(tokens.staff, 'POST', '/sandbox/messages', {
      roomId,
      senderId: member.id,
      text: '谢谢',
    });
    expect(again.statusCode).toBe(202);
    const tail = (
      await call(tokens.staff, 'GET', `/sandbox/messages?roomId=${roomId}&after=${again.json().id}`)
    ).json();
    expect(tail).toEqual({ items: [], last: again.json().id });
  });

  it('answers 400 naming the field, 404 for an unknown room, 403 for a room of another site', async () => {
    const roomId = roomIdOf(RESIDENTS);
    const both = await call(tokens.staff, 'POST', '/sandbox/messages', {
      roomId,
      senderId: 'x',
      senderName: '某人',
      text: '36.5',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toMatch(/senderId/);
    const empty = await call(tokens.staff, 'POST', '/sandbox/messages', {
      roomId,
      senderName: '某人',
      text: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/text/);
    const stranger = await call(tokens.staff, 'POST', '/sandbox/messages', {
      roomId,
      senderId: 'wxid-nobody',
      text: '36.5',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toMatch(/senderId/);
    const unknown = await call(tokens.staff, 'GET', '/sandbox/messages?roomId=nope@chatroom');
    expect(unknown.statusCode).toBe(404);
    const other = await call(tokens.otherStaff, 'POST', '/sandbox/messages', {
      roomId,
      senderName: '某人',
      text: '36.5',
    });
    expect(other.statusCode).toBe(403);
    const otherRead = await call(tokens.otherStaff, 'GET', `/sandbox/messages?roomId=${roomId}`);
    expect(otherRead.statusCode).toBe(403);
  });
});

describe('without the sandbox world', () => {
  it('has no sandbox routes', async () => {
    const h = await createApiHarness();
    try {
      const res = await h.call(h.tokens.admin, 'GET', '/api/v1/sandbox/groups');
      expect(res.statusCode).toBe(404);
    } finally {
      await h.close();
    }
  });
});

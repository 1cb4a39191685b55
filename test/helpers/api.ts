// The admin API on a test database: the app (no chat, no port), four sites with their groups, and a
// token of each role. `call` is app.inject with a token.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import type { ApiRole } from '../../src/core/auth/permissions.js';
import { createSimulatedClock, type SimulatedClock } from '../../src/core/clock.js';
import { type AppDeps, buildApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import type { Road } from '../../src/road.js';
import { CLI_ACTOR } from '../../src/services/admin/audit.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createMetrics } from '../../src/services/metrics.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { addSite } from './fixtures.js';
import { roadOf } from './quarantine-services.js';

export const ZONE = 'Asia/Shanghai';
export const START = new Date('2020-02-15T08:00:00+08:00');

export interface ApiHarness {
  db: TestDatabase;
  app: Awaited<ReturnType<typeof buildApp>>;
  services: Services;
  /** The message road over `services` (what the bots do with a stored message). */
  road: Road;
  clock: SimulatedClock;
  /** Site ids: two observation sites (A, B) and two villages (V, W). */
  sites: { a: number; b: number; v: number; w: number };
  /** Group ids by topic. */
  groups: Record<string, number>;
  tokens: Record<'admin' | 'staffA' | 'staffB' | 'medicA' | 'volunteerV' | 'viewerA', string>;
  /** Times the outbox worker was woken and the timetable told of site changes. */
  counters: { notified: number; sitesChanged: number };
  call(
    token: string | null,
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  newToken(role: ApiRole, siteIds: number[] | null, name?: string): Promise<string>;
  close(): Promise<void>;
}

export const TOPICS = {
  aResidents: '五指山观察点住户群',
  aStaff: '五指山观察点工作群',
  bResidents: '金凤观察点住户群',
  bStaff: '金凤观察点工作群',
  vVillagers: '七星洞村村民群',
  vVolunteers: '七星洞村志愿队',
  wVillagers: '白云村村民群',
};

export async function createApiHarness(
  opts: Partial<Pick<AppDeps, 'bodyLimit' | 'trustProxy'>> & {
    authFailures?: { max: number; windowMs: number };
    metrics?: boolean;
    /** The database the services use (another connection to `db`, one that can be cut); `db` by default. */
    serveFrom?: (db: TestDatabase) => Promise<Database>;
  } = {},
): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const clock = createSimulatedClock(START);
  const counters = { notified: 0, sitesChanged: 0 };
  const served = opts.serveFrom ? await opts.serveFrom(db) : db;
  const services = createServices({
    database: served,
    clock,
    log: silentLogger,
    defaultZone: ZONE,
    notifyOutbox: () => {
      counters.notified++;
    },
  });
  const app = await buildApp({
    log: silentLogger,
    health: async () => ({
      database: { driver: db.driver, state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: '守望' },
      eventLoop: { p99Ms: 0, maxMs: 0 },
    }),
    bodyLimit: opts.bodyLimit,
    trustProxy: opts.trustProxy,
    ...(opts.metrics ? { metrics: { metrics: createMetrics({ defaultMetrics: false }), database: db } } : {}),
    api: {
      services,
      clock,
      defaultZone: ZONE,
      onSitesChanged: () => {
        counters.sitesChanged++;
      },
      authFailures: opts.authFailures,
    },
  });
  await app.ready();

  const a = await addSite(db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: TOPICS.aResidents, role: 'residents' },
    { topic: TOPICS.aStaff, role: 'staff' },
  ]);
  const b = await addSite(db.db, { name: '金凤观察点', kind: 'quarantine' }, [
    { topic: TOPICS.bResidents, role: 'residents' },
    { topic: TOPICS.bStaff, role: 'staff' },
  ]);
  const v = await addSite(db.db, { name: '七星洞村', kind: 'village' }, [
    { topic: TOPICS.vVillagers, role: 'villagers' },
    { topic: TOPICS.vVolunteers, role: 'volunteers' },
  ]);
  const w = await addSite(db.db, { name: '白云村', kind: 'village' }, [
    { topic: TOPICS.wVillagers, role: 'villagers' },
  ]);
  const groupIds = [...a.groupIds, ...b.groupIds, ...v.groupIds, ...w.groupIds];
  const groups = Object.fromEntries(Object.values(TOPICS).map((t, i) => [t, groupIds[i] as number]));

  const newToken = async (role: ApiRole, siteIds: number[] | null, name = `${role}-${Math.random()}`) =>
    (await services.tokens.create(CLI_ACTOR, { name, role, siteIds })).token;
  const tokens = {
    admin: await newToken('admin', null, 'root'),
    staffA: await newToken('staff', [a.siteId], 'staff-a'),
    staffB: await newToken('staff', [b.siteId], 'staff-b'),
    medicA: await newToken('medic', [a.siteId], 'medic-a'),
    volunteerV: await newToken('volunteer', [v.siteId], 'volunteer-v'),
    viewerA: await newToken('viewer', [a.siteId], 'viewer-a'),
  };

  return {
    db,
    app,
    services,
    road: roadOf(db, services, clock),
    clock,
    sites: { a: a.siteId, b: b.siteId, v: v.siteId, w: w.siteId },
    groups,
    tokens,
    counters,
    call: (token, method, url, payload) =>
      app.inject({
        method,
        url,
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
        ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
      }),
    newToken,
    async close() {
      await app.close();
      if (served !== db) await served.close();
      await db.close();
    },
  };
}

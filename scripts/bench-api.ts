// The admin API under load: autocannon on list endpoints (residents, reports, messages, sites) with an admin token, against a real port, and in
// the same run a bare Fastify route on another port returning the same JSON body (the ceiling of Fastify on
// this machine). Prints one JSON line per route:
// {"name":"api","route":…,"rps":…,"p99Ms":…,"baselineRps":…,"ratio":…}
//   --seconds N per measurement (default 8)  --connections N (default 10)  --residents N (default 500)
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createHealthReportsRepo } from '../db/repositories/health-reports.js';
import { createRegistryRepo } from '../db/repositories/registry.js';
import { createResidentsRepo } from '../db/repositories/residents.js';
import { systemClock } from '../src/core/clock.js';
import { buildApp } from '../src/http/app.js';
import { silentLogger } from '../src/log.js';
import { CLI_ACTOR } from '../src/services/admin/audit.js';
import { createServices } from '../src/services/index.js';
import { createSetupService } from '../src/services/setup.js';
import { openBenchDatabase } from './bench/database.js';
import { intOption, load1, residentMessage, round } from './bench/lib.js';

const argv = process.argv.slice(2);
const SECONDS = intOption(argv, 'seconds', 8);
const CONNECTIONS = intOption(argv, 'connections', 10);
const RESIDENTS = intOption(argv, 'residents', 500);
const ZONE = 'Asia/Shanghai';
const SITE = '压测观察点';
const TOPIC = `${SITE}住户群`;

async function load(url: string, token: string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

async function main() {
  const bench = await openBenchDatabase('api');
  const services = createServices({
    database: bench.database,
    clock: systemClock,
    log: silentLogger,
    defaultZone: ZONE,
    notifyOutbox: () => {},
  });
  const app = await buildApp({
    log: silentLogger,
    health: async () => ({
      database: { driver: bench.database.driver, state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: '守望' },
      eventLoop: { p99Ms: 0, maxMs: 0 },
    }),
    api: { services, clock: systemClock, defaultZone: ZONE, onSitesChanged: () => {} },
  });
  const bare = Fastify();
  try {
    const today = new Date().toISOString().slice(0, 10);
    await createSetupService({ db: bench.database.db, defaultZone: ZONE }).apply({
      sites: [
        {
          name: SITE,
          kind: 'quarantine',
          timezone: ZONE,
          groups: [
            { topic: TOPIC, role: 'residents' },
            { topic: `${SITE}工作群`, role: 'staff' },
          ],
          residents: Array.from({ length: RESIDENTS }, (_, j) => ({
            name: `住户${j}`,
            room: `${1 + Math.floor(j / 20)}-${100 + (j % 20)}`,
            start: today,
          })),
        },
      ],
    });
    for (let k = 0; k < 200; k++) {
      await services.intake.store({
        providerId: `api-bench-${k}`,
        roomId: 'bench@chatroom',
        roomTopic: TOPIC,
        talkerId: `wxid-${k % 50}`,
        talkerName: `住户${k % 50}`,
        kind: 'text',
        text: residentMessage(k),
        at: new Date(),
        mentionsSelf: false,
        mentionIds: [],
      });
    }
    // A day of reports for everyone, so the reports list has pages to give.
    const siteRow = await createRegistryRepo(bench.database.db).siteByName(SITE);
    if (!siteRow) throw new Error('setup did not create the site');
    const reportsRepo = createHealthReportsRepo(bench.database.db);
    for (const r of await createResidentsRepo(bench.database.db).ofSite(siteRow.id)) {
      await reportsRepo.add({
        siteId: siteRow.id,
        residentId: r.id,
        talkerId: `wxid-${r.id}`,
        day: today,
        slot: 'am',
        temperature: 36.5,
        reportedAt: new Date(),
      });
    }
    const { token } = await services.tokens.create(CLI_ACTOR, {
      name: 'bench',
      role: 'admin',
      siteIds: null,
    });
    const siteId = siteRow.id;
    const routes = [
      `/api/v1/residents?site=${siteId}&limit=50`,
      `/api/v1/reports?site=${siteId}&limit=50`,
      '/api/v1/messages?limit=50',
      '/api/v1/sites',
    ];

    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // The bare route answers with the very body the API gave, so both send the same bytes.
    const bodies = new Map<string, unknown>();
    for (const route of routes) {
      const res = await fetch(`${base}${route}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
      bodies.set(route, await res.json());
    }
    bare.get('/bare/:n', async (req) =>
      bodies.get(routes[Number((req.params as { n: string }).n)] as string),
    );
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    for (const [n, route] of routes.entries()) {
      const real = await load(`${base}${route}`, token);
      const baseline = await load(`${bareBase}/bare/${n}`, token);
      console.log(
        JSON.stringify({
          name: 'api',
          route: route.replace(/site=\d+/, 'site=…'),
          rps: Math.round(real.rps),
          p99Ms: real.p99Ms,
          baselineRps: Math.round(baseline.rps),
          ratio: round(real.rps / baseline.rps, 2),
          database: bench.kind,
          load1: load1(),
        }),
      );
    }
  } finally {
    await bare.close();
    await app.close();
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

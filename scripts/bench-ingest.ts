// Ingest throughput and latency through the real path: the Wechaty adapter on the mock puppet → intake
// (store once) → robot and bots (parse, records) → outbox (replies queued), over many residents' groups at
// once. In the same run, the database's own limit: plain single-row inserts of the same message rows with the
// `postgres` driver, at the same concurrency, into a scratch table shaped like `messages`.
// Prints {"name":"ingest",…} and {"name":"ingest-memory",…} on stdout.
//   --messages N (default 100000)  --rooms N (default 50)  --residents N per room (default 30)
//   --vacuum-every S: VACUUM messages and health_reports every S seconds during the run (default 0: never),
//   for a Postgres run with autovacuum off: every message's outcome and every replaced report leave a
//   dead row, which autovacuum would clear in production.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { queryRows } from '../db/client.js';
import { createSandboxWorld } from '../src/chat/sandbox.js';
import { loadConfig } from '../src/config.js';
import { addDays, localDate } from '../src/core/time.js';
import { silentLogger } from '../src/log.js';
import { createSetupService } from '../src/services/setup.js';
import { createShouwang } from '../src/shouwang.js';
import { type CpuSpent, cpuMeter } from './bench/cpu.js';
import { openBenchDatabase } from './bench/database.js';
import { intOption, load1, mb, percentile, pool, residentMessage, round } from './bench/lib.js';

const argv = process.argv.slice(2);
const MESSAGES = intOption(argv, 'messages', 100_000);
const ROOMS = intOption(argv, 'rooms', 50);
const RESIDENTS = intOption(argv, 'residents', 30);
const VACUUM_EVERY_SEC = intOption(argv, 'vacuum-every', 0);
const ZONE = 'Asia/Shanghai';

const topic = (site: number) => `压测观察点${site}住户群`;
const residentName = (site: number, j: number) => `住户${site}-${j}`;

function setupFile(today: string) {
  return {
    sites: Array.from({ length: ROOMS }, (_, s) => ({
      name: `压测观察点${s}`,
      kind: 'quarantine',
      timezone: ZONE,
      observationDays: 14,
      feverThreshold: 37.3,
      reportTimes: ['08:00', '20:00'],
      groups: [
        { topic: topic(s), role: 'residents' },
        { topic: `压测观察点${s}工作群`, role: 'staff' },
      ],
      residents: Array.from({ length: RESIDENTS }, (_, j) => ({
        name: residentName(s, j),
        // Senders are known by the roster's WeChat nickname (a bare name binds nobody).
        wechat: residentName(s, j),
        room: `${1 + Math.floor(j / 10)}-${100 + j}`,
        start: addDays(today, -(j % 10)),
      })),
    })),
  };
}

async function ingest(
  url: string | null,
  database: Awaited<ReturnType<typeof openBenchDatabase>>['database'],
) {
  const config = loadConfig(
    { NODE_ENV: 'production', LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) },
    '/nonexistent',
  );
  const world = createSandboxWorld(config.chat.botName);
  const sw = await createShouwang({ config, database, log: silentLogger, world });
  await createSetupService({ db: database.db, defaultZone: ZONE }).apply(
    setupFile(localDate(new Date(), ZONE)),
  );
  await sw.start({ listen: false, jobs: false });
  global.gc?.();
  const atStart = process.memoryUsage();

  // Each message's end: its room's work is done (stored, handled, outcome committed): the intake's
  // accept() resolves then, and each room has one message in hand at a time.
  const waiting = new Map<string, () => void>();
  const arrivals: number[] = [];
  const sentAt = new Map<string, number>();
  const accept = sw.services.intake.accept;
  sw.services.intake.accept = async (incoming) => {
    const s = sentAt.get(incoming.providerId);
    if (s !== undefined) arrivals.push(performance.now() - s);
    sentAt.delete(incoming.providerId);
    try {
      return await accept(incoming);
    } finally {
      waiting.get(incoming.providerId)?.();
    }
  };
  const latencies: number[] = [];
  let lost = 0;
  statements.clear();
  const t0 = performance.now();
  const meter = cpuMeter(url);
  // One sender per room: each room's next message once its last one is committed (rooms run side by side).
  const vacuum = url && VACUUM_EVERY_SEC > 0 ? vacuumEvery(url, VACUUM_EVERY_SEC) : null;
  await pool(MESSAGES, ROOMS, async (k, lane) => {
    const id = `bench-${k}`;
    const done = new Promise<void>((resolve) => waiting.set(id, resolve));
    const start = performance.now();
    sentAt.set(id, start);
    world.say({ id, room: topic(lane), from: residentName(lane, k % RESIDENTS), text: residentMessage(k) });
    // A message never handled (the intake gave up on it) must not stall its room's sender for ever.
    let timer: NodeJS.Timeout | undefined;
    const handled = await Promise.race([
      done.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), 60_000);
      }),
    ]);
    clearTimeout(timer);
    waiting.delete(id);
    if (handled) latencies.push(performance.now() - start);
    else lost++;
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = meter.stop();
  await vacuum?.stop();
  // Stored and never handled (the intake gave up on them): lost to this run, however fast it was.
  const [unhandled] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from messages where state = 'received'`,
  );
  lost += unhandled?.n ?? 0;
  const sent = statements.total();
  // Where the time goes, on stderr: the Wechaty adapter's share.
  process.stderr.write(
    `puppet → intake p50 ${round(percentile(arrivals, 50))} ms, p99 ${round(percentile(arrivals, 99))} ms; ` +
      `end to end p50 ${round(percentile(latencies, 50))} ms\n`,
  );
  global.gc?.();
  const atEnd = process.memoryUsage();
  await sw.stop();
  return {
    msgsPerSec: (MESSAGES - lost) / seconds,
    statementsPerMsg: sent / MESSAGES,
    p99Ms: percentile(latencies, 99),
    lost,
    cpu,
    atStart,
    atEnd,
  };
}

/** VACUUMs the tables the real path updates every `sec` seconds (one at a time) until stopped. */
function vacuumEvery(url: string, sec: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => sql.unsafe('vacuum messages, health_reports'))
      .catch((err: Error) => process.stderr.write(`vacuum failed: ${err.message}\n`));
  }, sec * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sql.end();
    },
  };
}

/** The same message rows as single-row inserts into a copy of `messages`, `ROOMS` at a time. */
async function baseline(url: string, max: number): Promise<{ perSec: number; cpu: CpuSpent }> {
  const sql = postgres(url, { max, onnotice: () => {} });
  try {
    await sql`create table bench_baseline (like messages including all)`;
    const receivedAt = new Date();
    const t0 = performance.now();
    const meter = cpuMeter(url);
    await pool(MESSAGES, ROOMS, async (k, lane) => {
      const row = {
        provider_id: `baseline-${k}`,
        room_id: `${lane}@chatroom`,
        group_id: null,
        talker_id: `wxid-${lane}-${k % RESIDENTS}`,
        talker_name: residentName(lane, k % RESIDENTS),
        kind: 'text',
        text: residentMessage(k),
        mentions_self: false,
        sent_at: receivedAt,
        received_at: receivedAt,
      };
      await sql`insert into bench_baseline ${sql(row)} on conflict (provider_id) do nothing`;
    });
    const perSec = MESSAGES / ((performance.now() - t0) / 1000);
    return { perSec, cpu: meter.stop() };
  } finally {
    await sql.end();
  }
}

const perItem = (cpu: CpuSpent) => ({
  node: round(cpu.nodeMs / MESSAGES, 3),
  postgres: cpu.postgresMs === null ? null : round(cpu.postgresMs / MESSAGES, 3),
});

/** Statements sent to Postgres by the service, counted while the messages go through. */
const statements = {
  n: 0,
  count() {
    statements.n++;
  },
  clear() {
    statements.n = 0;
  },
  total: () => statements.n,
};

async function main() {
  const bench = await openBenchDatabase('ingest', { onQuery: statements.count });
  try {
    const r = await ingest(bench.url, bench.database);
    const base = bench.url ? await baseline(bench.url, bench.database.poolSize) : null;
    console.log(
      JSON.stringify({
        name: 'ingest',
        msgsPerSec: Math.round(r.msgsPerSec),
        baselineInsertsPerSec: base === null ? null : Math.round(base.perSec),
        ratio: base === null ? null : round(r.msgsPerSec / base.perSec, 2),
        p99Ms: round(r.p99Ms),
        // Round trips of the real path (on Postgres): what the ratio mostly comes down to.
        statementsPerMsg: bench.url ? round(r.statementsPerMsg, 2) : null,
        // CPU a message (this process: adapter, parse, records, driver; and the Postgres server when it runs
        // here), against the baseline's CPU an insert: on a machine of few cores, what bounds the ratio.
        cpuMsPerMsg: perItem(r.cpu),
        baselineCpuMsPerInsert: base === null ? null : perItem(base.cpu),
        messages: MESSAGES,
        lost: r.lost,
        rooms: ROOMS,
        vacuumEverySec: VACUUM_EVERY_SEC || null,
        database: bench.kind,
        load1: load1(),
      }),
    );
    console.log(
      JSON.stringify({
        name: 'ingest-memory',
        rssMbAfterStart: mb(r.atStart.rss),
        rssMbAfter100k: mb(r.atEnd.rss),
        // The JS heap after a collection (run with --expose-gc, as npm run bench:ingest does): what the
        // service keeps; RSS also holds pages V8 keeps for reuse.
        heapMbAfterStart: mb(r.atStart.heapUsed),
        heapMbAfter: mb(r.atEnd.heapUsed),
        messages: MESSAGES,
      }),
    );
  } finally {
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

// A district-sized observation database — 100 000 residents over 200 sites, 14 days of twice-daily reports
// (about 2.7 million rows) — loaded with COPY into a fresh database; then the median of several runs of:
// one site's digest (the service function staff get), the district-wide "who has not reported" query, and
// one site's nudge (the list of who to remind, queued once). Prints one JSON line per query.
//   --residents N (default 100000)  --sites N (default 200)  --runs N (default 7)  --explain (plans to stderr)
//   --keep (keep the loaded database)  --reuse NAME (time a kept database again, migrated to the current schema)
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../db/client.js';
import { createHealthReportsRepo } from '../db/repositories/health-reports.js';
import { createResidentsRepo } from '../db/repositories/residents.js';
import { schema } from '../db/schema.js';
import { systemClock } from '../src/core/clock.js';
import { addDays, localDate } from '../src/core/time.js';
import { silentLogger } from '../src/log.js';
import { createServices } from '../src/services/index.js';
import { openBenchDatabase } from './bench/database.js';
import { intOption, load1, median, round } from './bench/lib.js';

const argv = process.argv.slice(2);
const RESIDENTS = intOption(argv, 'residents', 100_000);
const SITES = intOption(argv, 'sites', 200);
const RUNS = intOption(argv, 'runs', 7);
const EXPLAIN = argv.includes('--explain');
const ZONE = 'Asia/Shanghai';
const DAYS = 14;
/** One report in twenty is missing, so the lists have people on them. */
const reports = (i: number, d: number, slot: number) => (i * 31 + d * 7 + slot * 3) % 20 !== 0;

type Sql = postgres.Sql;

async function copy(sql: Sql, into: string, rows: Iterable<string>): Promise<void> {
  const writable = await sql.unsafe(`copy ${into} from stdin`).writable();
  await pipeline(Readable.from(batched(rows)), writable);
}

/** Lines grouped into chunks of about 64 KB: one stream write per line is slow. */
function* batched(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function load(sql: Sql, today: string): Promise<void> {
  const perSite = Math.ceil(RESIDENTS / SITES);
  const start = addDays(today, -(DAYS - 1));
  await copy(
    sql,
    'sites (id, name, kind, time_zone, observation_days, report_times)',
    (function* () {
      for (let s = 1; s <= SITES; s++)
        yield `${s}\t区观察点${s}\tquarantine\t${ZONE}\t14\t["08:00", "20:00"]`;
    })(),
  );
  await copy(
    sql,
    'groups (id, topic, role, site_id)',
    (function* () {
      for (let s = 1; s <= SITES; s++) {
        yield `${2 * s - 1}\t区观察点${s}住户群\tresidents\t${s}`;
        yield `${2 * s}\t区观察点${s}工作群\tstaff\t${s}`;
      }
    })(),
  );
  const siteOf = (i: number) => 1 + Math.floor((i - 1) / perSite);
  await copy(
    sql,
    'rooms (id, site_id, number)',
    (function* () {
      for (let i = 1; i <= RESIDENTS; i++) {
        const k = (i - 1) % perSite;
        yield `${i}\t${siteOf(i)}\t${1 + Math.floor(k / 50)}-${100 + (k % 50)}`;
      }
    })(),
  );
  // Everyone admitted 13 days ago; planned release from tomorrow to a week later (extensions).
  await copy(
    sql,
    'residents (id, site_id, room_id, name, wechat_id, start_date, planned_end_date, status)',
    (function* () {
      for (let i = 1; i <= RESIDENTS; i++) {
        const wechat = i % 10 === 0 ? '\\N' : `wxid-${i}`;
        yield `${i}\t${siteOf(i)}\t${i}\t住户${i}\t${wechat}\t${start}\t${addDays(today, 1 + (i % 7))}\tobserving`;
      }
    })(),
  );
  await copy(
    sql,
    'health_reports (site_id, resident_id, talker_id, day, slot, temperature, fever, current, reported_at)',
    (function* () {
      for (let d = 0; d < DAYS; d++) {
        const day = addDays(start, d);
        for (let slot = 0; slot < 2; slot++) {
          const at = `${day} ${slot === 0 ? '08:05' : '20:05'}:00+08`;
          for (let i = 1; i <= RESIDENTS; i++) {
            if (!reports(i, d, slot)) continue;
            const t = 36 + ((i + d) % 14) / 10;
            yield `${siteOf(i)}\t${i}\twxid-${i}\t${day}\t${slot === 0 ? 'am' : 'pm'}\t${t.toFixed(1)}\t${t >= 37.3}\tt\t${at}`;
          }
        }
      }
    })(),
  );
  for (const t of ['sites', 'groups', 'rooms', 'residents']) {
    await sql.unsafe(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  await sql`analyze`;
}

async function timed(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm: plan cache, buffers
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return round(median(ms), 1);
}

/** EXPLAIN ANALYZE of exactly the SQL the repositories send: a drizzle over its own client logs each query. */
async function explain(url: string, sql: Sql, label: string, run: (db: Db) => Promise<unknown>) {
  const captured: { query: string; params: unknown[] }[] = [];
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query, params) => void captured.push({ query, params }) },
  }) as unknown as Db;
  await run(db);
  await client.end();
  for (const { query, params } of captured) {
    const rows = await sql.unsafe(`explain (analyze, costs off) ${query}`, params as never[]);
    process.stderr.write(`--- ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
}

async function main() {
  const reuseAt = argv.indexOf('--reuse');
  const reuse = reuseAt >= 0 ? argv[reuseAt + 1] : undefined;
  const bench = await openBenchDatabase('digest', { max: 4, keep: argv.includes('--keep'), reuse });
  try {
    if (!bench.url) throw new Error('bench:digest needs Postgres (COPY); set DATABASE_URL');
    const sql = postgres(bench.url, { max: 1, onnotice: () => {} });
    const today = localDate(new Date(), ZONE);
    const t0 = performance.now();
    if (!reuse) {
      await load(sql, today);
      process.stderr.write(`loaded in ${round((performance.now() - t0) / 1000)} s\n`);
    }

    const { db } = bench.database;
    const services = createServices({
      database: bench.database,
      clock: systemClock,
      log: silentLogger,
      defaultZone: ZONE,
      notifyOutbox: () => {},
    });
    const site = Math.ceil(SITES / 2);
    const results = [
      { name: 'digest-site', ms: await timed(RUNS, () => services.quarantine.digestText(site, today)) },
      {
        name: 'district-missing',
        ms: await timed(RUNS, () => createHealthReportsRepo(db).missingOfDistrict(today, 'am')),
      },
      {
        name: 'nudge-site',
        ms: await timed(RUNS, () => services.quarantine.timetable.nudge(site, today, 'am')),
      },
    ];
    const missing = await createHealthReportsRepo(db).missingOfDistrict(today, 'am');
    for (const r of results)
      console.log(
        JSON.stringify({
          ...r,
          load1: load1(),
          residents: RESIDENTS,
          sites: SITES,
          ...(r.name === 'district-missing' ? { rows: missing.length } : {}),
        }),
      );
    if (EXPLAIN) {
      const url = bench.url;
      await explain(url, sql, 'district missing (am)', (d) =>
        createHealthReportsRepo(d).missingOfDistrict(today, 'am'),
      );
      await explain(url, sql, 'site residents (digest, nudge)', (d) => createResidentsRepo(d).ofSite(site));
      await explain(url, sql, "site's reports of the day (digest, nudge)", (d) =>
        createHealthReportsRepo(d).currentOfSiteDay(site, today),
      );
    }
    await sql.end();
  } finally {
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

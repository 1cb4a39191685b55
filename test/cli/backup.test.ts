// `shouwang backup FILE` and `shouwang restore FILE [--force]` (in-process): an observation site and a
// village with residents, reports, a fever, requests and orders go into a backup and come back whole in a
// fresh database (the same digests, outbox and tokens; the same rows), and new rows after a restore take
// new ids. A restore over data needs --force; a damaged or foreign backup changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablesInOrder } from '../../db/backup.js';
import { queryRows } from '../../db/client.js';
import { silentLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { createSetupService } from '../../src/services/setup.js';
import { type CliResult, type CliSession, cliSession } from '../helpers/cli.js';
import { RESIDENTS, SITE, STAFF } from '../helpers/quarantine.js';
import { roadOf, type ServiceSite, sayThrough, serviceSite } from '../helpers/quarantine-services.js';
import { VILLAGE, VILLAGE_SETUP, VILLAGERS, VOLUNTEERS } from '../helpers/village.js';

const src = cliSession('sw-backup-src-');
let site: ServiceSite;
/** The backup of `src`, taken once for the file. */
let file: string;
let taken: CliResult;
const sessions: CliSession[] = [src];

/** A session on a fresh database of its own (closed after the file). */
async function freshSession(): Promise<CliSession> {
  const s = cliSession('sw-backup-');
  sessions.push(s);
  await s.open();
  return s;
}

beforeAll(async () => {
  site = await serviceSite([
    { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
    { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-08' },
    { name: '王某', room: '2107', wechat: '小王', start: '2020-02-10' },
  ]);
  await src.open(site.db);
  await createSetupService({ db: site.db.db, defaultZone: 'Asia/Shanghai' }).apply(VILLAGE_SETUP);
  const talk: [string, string, string, string][] = [
    [RESIDENTS, '2105高', '2105 早上36.5', '2020-02-15 07:40'],
    [RESIDENTS, '2106李', '37.6，咳嗽', '2020-02-15 07:50'],
    [RESIDENTS, '小王', '2107需要一个体温计', '2020-02-15 08:00'],
    [STAFF, '张医生', '#已处理 A-0001 已联系', '2020-02-15 09:00'],
    [VILLAGERS, '刘婆婆', '帮我买两袋化肥和一桶菜油，送到三组', '2020-02-15 09:10'],
    [VILLAGERS, '老王', '明天下午送两桶水到5组', '2020-02-15 09:20'],
    [VOLUNTEERS, '小李', '#已买 O-0001', '2020-02-15 11:00'],
    [RESIDENTS, '2105高', '晚上36.8', '2020-02-15 20:05'],
  ];
  for (const [topic, from, text, at] of talk) await site.say(topic, from, text, at);
  expect((await src.run('token', 'create', '--role', 'admin', '--name', 'root')).code).toBe(0);
  file = path.join(src.dir, 'site.backup.gz');
  taken = await src.run('backup', file);
});
afterAll(async () => {
  for (const s of sessions) await s.close();
});

/** What people see of the data: digests, the outbox and the tokens. */
async function seen(run: (...args: string[]) => Promise<{ code: number | null; stdout: string }>) {
  const out = async (...args: string[]) => {
    const r = await run(...args);
    expect(r.code, args.join(' ')).toBe(0);
    return r.stdout;
  };
  return {
    digest: JSON.parse(await out('digest', '--site', SITE, '--date', '2020-02-15', '--json')),
    digestText: await out('digest', '--site', SITE, '--date', '2020-02-15'),
    village: JSON.parse(await out('digest', '--site', VILLAGE, '--date', '2020-02-15', '--json')),
    villageNext: JSON.parse(await out('digest', '--site', VILLAGE, '--date', '2020-02-16', '--json')),
    outbox: JSON.parse(await out('outbox', '--json')),
    tokens: await out('token', 'list'),
  };
}

/** The backup's lines, the header's time of writing left out. */
function backupLines(name: string): string[] {
  const lines = zlib.gunzipSync(fs.readFileSync(name)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0] ?? '{}');
  delete header.createdAt;
  return [JSON.stringify(header), ...lines.slice(1)];
}

function writeBackup(dir: string, name: string, lines: string[]): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, zlib.gzipSync(lines.join('\n')));
  return target;
}

/** Every serial counter is past the largest id of its table. */
async function countersPastIds(session: CliSession): Promise<string[]> {
  const owned = await queryRows<{ t: string; c: string; seq: string }>(
    session.db.db,
    sql`select table_name::text as t, column_name::text as c,
          pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
        from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  const behind: string[] = [];
  for (const o of owned) {
    const [row] = await queryRows<{ ok: boolean }>(
      session.db.db,
      sql.raw(`select nextval('${o.seq}') > coalesce((select max("${o.c}") from "${o.t}"), 0) as ok`),
    );
    if (!row?.ok) behind.push(o.t);
  }
  return behind;
}

describe('shouwang backup and restore', () => {
  it('brings a database back whole in a fresh one, and new rows take new ids', async () => {
    const dst = await freshSession();
    const before = await seen(src.run);
    expect(before.digest).toMatchObject({ reported: { am: 2, pm: 1 }, openRequests: 1 });
    expect(before.village.orders).toBe(1);

    expect(taken.stderr).toBe('');
    expect(taken.stdout).toMatch(
      new RegExp(
        `^backup written to ${file}: \\d+ rows in ${tablesInOrder().length} tables \\(migration \\d+\\)\\n$`,
      ),
    );
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const restored = await dst.run('restore', file);
    expect(restored).toEqual({
      code: 0,
      stdout: `restored ${file}: ${taken.stdout.match(/: (\d+) rows/)?.[1]} rows\n`,
      stderr: '',
    });
    expect(await seen(dst.run)).toEqual(before);
    expect((await dst.run('backup', 'again.gz')).code).toBe(0);
    expect(backupLines(path.join(dst.dir, 'again.gz'))).toEqual(backupLines(file));

    expect(await countersPastIds(dst)).toEqual([]);
    const clock = site.clock;
    const services = createServices({
      database: dst.db,
      clock,
      log: silentLogger,
      defaultZone: 'Asia/Shanghai',
      notifyOutbox: () => {},
    });
    const road = roadOf(dst.db, services, clock);
    const m = { topic: RESIDENTS, from: '小王', text: '2107 晚上36.6，再要一个口罩', at: '2020-02-15 20:30' };
    await sayThrough({ services, road, clock }, 'after-restore-1', m);
    const after = await seen(dst.run);
    expect(after.digest).toMatchObject({ reported: { am: 2, pm: 2 }, openRequests: 2 });
    expect((await dst.run('token', 'create', '--role', 'admin', '--name', 'after')).code).toBe(0);
  });

  it('refuses to restore over data without --force, and replaces it with --force', async () => {
    const dst = await freshSession();
    expect((await dst.run('setup', dst.write('setup.json', JSON.stringify(VILLAGE_SETUP)))).code).toBe(0);
    const r = await dst.run('restore', file);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'shouwang: the database is not empty (table sites has rows): give --force to replace all its data ' +
        '/ 数据库里已有数据，恢复会全部覆盖；确认覆盖请加 --force\n',
    });
    expect((await dst.run('restore', file, '--force')).code).toBe(0);
    expect(await seen(dst.run)).toEqual(await seen(src.run));
  });

  it('changes nothing for a damaged, cut or foreign backup', async () => {
    const dst = await freshSession();
    expect((await dst.run('restore', file)).code).toBe(0);
    const lines = backupLines(file);
    const header = JSON.parse(lines[0] ?? '{}');
    const cases: [string, string][] = [
      [writeBackup(dst.dir, 'cut.gz', lines.slice(0, -5)), 'shouwang: the backup ends '],
      [
        writeBackup(dst.dir, 'newer.gz', [
          JSON.stringify({ ...header, migrations: { ...header.migrations, count: 99 } }),
          ...lines.slice(1),
        ]),
        'shouwang: the backup was taken at migration 99 and this shouwang is at ',
      ],
      [writeBackup(dst.dir, 'other.gz', ['{"format":"pg_dump"}']), 'shouwang: not a shouwang backup\n'],
      [
        dst.write('plain.json', lines.join('\n')),
        'shouwang: plain.json is not a gzipped shouwang backup, or it is damaged\n',
      ],
      ['missing.gz', 'shouwang: cannot read missing.gz: ENOENT\n'],
    ];
    const before = await seen(dst.run);
    for (const [name, stderr] of cases) {
      const r = await dst.run('restore', path.basename(name), '--force');
      expect([r.code, r.stdout, r.stderr.split('\n').length], name).toEqual([1, '', 2]);
      expect(r.stderr.startsWith(stderr), `${name}: ${r.stderr}`).toBe(true);
    }
    expect(await seen(dst.run)).toEqual(before);
    expect((await dst.run('restore')).code).toBe(2);
    expect((await dst.run('backup')).code).toBe(2);
  });

  it('restores into the database the configuration names (the data directory, or DATABASE_URL)', async () => {
    const fresh = await freshSession();
    const configured = (...args: string[]) => fresh.runWith({ configured: true }, ...args);
    expect(await configured('restore', file)).toMatchObject({ code: 0, stderr: '' });
    // Each command opens the data directory again: the same rows, and one digest, are enough here.
    const digest = ['digest', '--site', SITE, '--date', '2020-02-15', '--json'];
    expect((await configured(...digest)).stdout).toBe((await src.run(...digest)).stdout);
    expect((await configured('backup', 'again.gz')).code).toBe(0);
    expect(backupLines(path.join(fresh.dir, 'again.gz'))).toEqual(backupLines(file));
  });

  it('holds every table of the database', async () => {
    const tables = await queryRows<{ name: string }>(
      src.db.db,
      sql`select table_name::text as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const header = JSON.parse(backupLines(file)[0] ?? '{}') as { tables: { name: string }[] };
    expect(header.tables.map((t) => t.name).sort()).toEqual(tables.map((t) => t.name));
  });

  it('reads and writes a large table in batches', async () => {
    const big = await freshSession();
    await big.db.db.execute(
      sql`insert into job_runs (key, job, fired_at, instance, error)
          select 'job-' || i, 'nudge', timestamptz '2020-02-15 00:00+08' + i * interval '1 second', 'i1',
                 case when i % 7 = 0 then repeat('长', i % 300) end
          from generate_series(1, 1234) as i`,
    );
    const copy = path.join(big.dir, 'big.gz');
    expect((await big.run('backup', copy)).stdout).toMatch(
      new RegExp(`: 1234 rows in ${tablesInOrder().length} tables`),
    );
    const into = await freshSession();
    expect(await into.run('restore', copy)).toMatchObject({
      code: 0,
      stdout: `restored ${copy}: 1234 rows\n`,
    });
    expect((await into.run('backup', 'again.gz')).code).toBe(0);
    expect(backupLines(path.join(into.dir, 'again.gz'))).toEqual(backupLines(copy));
  });
});

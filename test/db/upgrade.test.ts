// An upgrade (issue 17): a database made by the first released schema (migration 0000 alone) with data
// in it is brought up to now by the app's own migrator, keeps its data, and works with today's code.
// Runs on PGlite, or on Postgres when DATABASE_URL is set, like every other test.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, MIGRATIONS_FOLDER, queryRows } from '../../db/client.js';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createHealthReportsRepo } from '../../db/repositories/health-reports.js';
import { createRequestsRepo } from '../../db/repositories/requests.js';
import { createResidentsRepo } from '../../db/repositories/residents.js';
import { createSitesRepo } from '../../db/repositories/sites.js';
import { hashText } from '../../scripts/db/migration-hashes.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

interface JournalEntry {
  tag: string;
  when: number;
}
const journal = JSON.parse(
  fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
) as {
  entries: JournalEntry[];
};
const first = journal.entries[0] as JournalEntry;

/** Applies the first migration by hand, and records it the way drizzle's migrator does. */
async function createFirstReleaseDatabase(db: Db): Promise<void> {
  const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${first.tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
  // drizzle-orm/pg-core/dialect.js migrate(): the table it creates, and one row per migration with the
  // SHA-256 of the file's text and the journal's `when`; it applies only migrations newer than the last row.
  await db.execute(sql`create schema if not exists drizzle`);
  await db.execute(sql`create table if not exists drizzle.__drizzle_migrations (
    id serial primary key, hash text not null, created_at bigint)`);
  await db.execute(
    sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${hashText(text)}, ${first.when})`,
  );
}

/** What a site looked like in the first release: written with that release's columns only. */
async function insertFirstReleaseData(db: Db): Promise<{ siteId: number; residentId: number }> {
  const [site] = await queryRows<{ id: number }>(
    db,
    sql`insert into sites (name, kind, observation_days, fever_threshold)
        values ('五指山观察点', 'quarantine', 14, 37.3) returning id`,
  );
  const siteId = Number(site?.id);
  const [room] = await queryRows<{ id: number }>(
    db,
    sql`insert into rooms (site_id, number) values (${siteId}, '2105') returning id`,
  );
  await db.execute(sql`insert into groups (site_id, topic, room_id, role)
    values (${siteId}, '五指山观察点住户群', 'r1@chatroom', 'residents'),
           (${siteId}, '五指山观察点工作群', 'r2@chatroom', 'staff')`);
  const [resident] = await queryRows<{ id: number }>(
    db,
    sql`insert into residents (site_id, room_id, name, wechat_name, wechat_id, start_date, planned_end_date)
        values (${siteId}, ${Number(room?.id)}, '高某', '2105高', 'wxid-gao', '2020-02-07', '2020-02-21')
        returning id`,
  );
  const residentId = Number(resident?.id);
  await db.execute(sql`insert into health_reports
      (site_id, resident_id, talker_id, day, slot, temperature, symptoms, reported_at)
    values (${siteId}, ${residentId}, 'wxid-gao', '2020-02-15', 'am', 36.5, '[]'::jsonb,
            '2020-02-15T07:58:00+08:00')`);
  await db.execute(sql`insert into requests
      (site_id, number, resident_id, room, talker_id, talker_name, category, items, text, created_at)
    values (${siteId}, 1, ${residentId}, '2105', 'wxid-gao', '2105高', 'medical',
            '[{"name":"体温计","qty":1,"unit":"个"}]'::jsonb, '2105 需要一个体温计', '2020-02-15T10:00:00+08:00')`);
  return { siteId, residentId };
}

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string };
const columns = (db: Db) =>
  queryRows<Column>(
    db,
    sql`select table_name, column_name, data_type, is_nullable from information_schema.columns
        where table_schema = 'public' order by table_name, column_name`,
  );

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe('upgrading a database of the first release', () => {
  it('applies every later migration once, keeps the data, and works with today’s repositories', async () => {
    const database = await createTestDatabase({ migrate: false });
    opened.push(database);
    const { db } = database;
    await createFirstReleaseDatabase(db);
    const { siteId, residentId } = await insertFirstReleaseData(db);

    await database.migrate();
    await database.migrate(); // a second start changes nothing

    const applied = await queryRows<{ hash: string; created_at: string }>(
      db,
      sql`select hash, created_at from drizzle.__drizzle_migrations order by id`,
    );
    expect(applied.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));

    // The same schema as a database migrated from empty.
    const fresh = await createTestDatabase();
    opened.push(fresh);
    expect(await columns(db)).toEqual(await columns(fresh.db));

    // The first release's data, read by today's code.
    const residents = await createResidentsRepo(db).ofSite(siteId);
    expect(residents.map((r) => [r.name, r.room, r.wechatId, r.status])).toEqual([
      ['高某', '2105', 'wxid-gao', 'observing'],
    ]);
    const group = await createGroupsRepo(db).byRoomId('r1@chatroom');
    expect(group).toMatchObject({ topic: '五指山观察点住户群', role: 'residents', siteName: '五指山观察点' });
    expect(group?.site).toMatchObject({
      kind: 'quarantine',
      observationDays: 14,
      reportTimes: ['08:00', '20:00'],
    });
    const request = await createRequestsRepo(db).byNumber(siteId, 1);
    expect(request).toMatchObject({
      category: 'medical',
      status: 'open',
      items: [{ name: '体温计', qty: 1 }],
    });

    // Today's writes on the upgraded database: a new site, and a report that replaces the old one.
    const village = await createSitesRepo(db).insert({ name: '七星洞村', kind: 'village' });
    expect(village).toMatchObject({ name: '七星洞村', kind: 'village', timeZone: 'Asia/Shanghai' });
    const { report, replaced } = await createHealthReportsRepo(db).add({
      siteId,
      residentId,
      talkerId: 'wxid-gao',
      day: '2020-02-15',
      slot: 'am',
      temperature: 36.7,
      symptoms: [],
      fever: false,
      reportedAt: new Date('2020-02-15T08:10:00+08:00'),
    });
    expect(replaced).toMatchObject({ temperature: 36.5 });
    expect(report).toMatchObject({ temperature: 36.7, current: true });
  });
});

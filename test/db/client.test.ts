import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openDatabase, queryRows } from '../../db/client.js';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import { messages } from '../../db/schema.js';
import type { IncomingMessage } from '../../src/core/domain.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db.js';

const msg = (id: string): IncomingMessage => ({
  providerId: id,
  roomId: 'r1@chatroom',
  roomTopic: '住户群',
  talkerId: 'wxid-1',
  talkerName: '2105高',
  kind: 'text',
  text: '36.5',
  at: new Date('2020-02-15T00:00:00Z'),
  mentionsSelf: false,
  mentionIds: [],
});

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe.each([
  ['PGlite', false],
  ['Postgres', true],
] as const)('database on %s', (_name, wantPostgres) => {
  const run = wantPostgres === usingPostgres;
  it.runIf(run)('migrates, and migrating again changes nothing', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    expect(db.driver).toBe(wantPostgres ? 'postgres' : 'pglite');
    await db.migrate();
    const tables = await queryRows<{ table_name: string }>(
      db.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['groups', 'job_runs', 'messages', 'outbox', 'sites']),
    );
  });

  it.runIf(run)('stores a message delivered twice once', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const repo = createMessagesRepo(db.db);
    const first = await repo.insert([{ message: msg('m-1'), groupId: null }], new Date());
    const again = await repo.insert([{ message: msg('m-1'), groupId: null }], new Date());
    expect(first.get('m-1')).toBeTypeOf('number');
    expect(again.size).toBe(0);
    const rows = await db.db.select().from(messages).where(eq(messages.providerId, 'm-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.state).toBe('received');
  });
});

describe('a database that refuses connections', () => {
  it('gives a clear error, not a stack dump', async () => {
    const err = await openDatabase({
      url: 'postgres://postgres@127.0.0.1:1/shouwang',
      connectTimeoutSec: 3,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toMatch(
      /^cannot connect to Postgres at 127\.0\.0\.1:1\/shouwang: ECONNREFUSED/,
    );
  });
});

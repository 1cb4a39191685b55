// Two instances logged into two different WeChat accounts on one database (a city's deployment: one
// instance per account): a group is bound to the account that first sees its room, and each instance
// sends only its own groups' messages, so no send fails for want of the room and nothing goes twice.
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../db/client.js';
import { createGroupBindingsRepo } from '../../db/repositories/group-bindings.js';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { groups, outbox } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const EAST = '东岭村村民群';
const WEST = '西岭村村民群';
const SHARED = '两村志愿者群';

let db: TestDatabase;
let second: TestDatabase;
let a: TestService;
let b: TestService;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  second = usingPostgres ? { ...(await openDatabase({ url: db.url as string, max: 5 })), url: db.url } : db;
  const east = await addSite(db.db, { name: '东岭村', kind: 'village' }, [
    { topic: EAST, role: 'villagers' },
  ]);
  const west = await addSite(db.db, { name: '西岭村', kind: 'village' }, [
    { topic: WEST, role: 'villagers' },
    { topic: SHARED, role: 'volunteers' },
  ]);
  ids[EAST] = east.groupIds[0] as number;
  ids[WEST] = west.groupIds[0] as number;
  ids[SHARED] = west.groupIds[1] as number;
  // Account A starts first: the sandbox puts it in every configured room, so it takes them all.
  a = await startTestService({ db, instanceId: 'a', env: { SHOUWANG_BOT_NAME: '守望一号' } });
  b = await startTestService({ db: second, instanceId: 'b', env: { SHOUWANG_BOT_NAME: '守望二号' } });
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  if (second !== db) await second?.close();
  await db?.close();
});

const accountOf = async (topic: string) =>
  (await db.db.select({ account: groups.account }).from(groups).where(eq(groups.topic, topic)))[0]?.account;

describe('two WeChat accounts on one database', () => {
  it('binds each group to the account that first saw its room, and keeps it there', async () => {
    const accountA = a.sw.chat.self()?.id as string;
    const accountB = b.sw.chat.self()?.id as string;
    expect(accountA).not.toBe(accountB);
    for (const topic of [EAST, WEST, SHARED]) expect(await accountOf(topic)).toBe(accountA);
    // B logging in later (or again) does not take A's groups.
    await b.sw.syncRooms();
    expect(await accountOf(EAST)).toBe(accountA);
  });

  it('sends each group’s messages through its own account only, once each', { timeout: 60_000 }, async () => {
    const accountB = b.sw.chat.self()?.id as string;
    const repoGroups = createGroupBindingsRepo(db.db);
    // Staff move the west village's groups to account B; the shared volunteers group belongs to nobody.
    await repoGroups.update(ids[WEST] as number, { account: accountB });
    await repoGroups.update(ids[SHARED] as number, { account: null });

    const repo = createOutboxRepo(db.db);
    const texts: Record<string, string[]> = { [EAST]: [], [WEST]: [], [SHARED]: [] };
    for (let i = 1; i <= 15; i++) {
      for (const topic of [EAST, WEST, SHARED]) {
        const text = `${topic}第${i}号通知`;
        texts[topic]?.push(text);
        await repo.enqueue({ groupId: ids[topic] as number, topic, text, createdAt: new Date() });
      }
    }
    await waitFor(
      async () => {
        const rows = await db.db.select().from(outbox);
        return rows.length === 45 && rows.every((r) => r.status === 'sent');
      },
      { timeoutMs: 30_000, what: 'all 45 messages sent' },
    );
    const sentIn = (t: TestService, topic: string) =>
      t.world
        .sent()
        .filter((m) => m.topic === topic)
        .map((m) => m.text);
    expect(sentIn(a, EAST).sort()).toEqual([...(texts[EAST] ?? [])].sort());
    expect(sentIn(b, EAST)).toEqual([]);
    expect(sentIn(b, WEST).sort()).toEqual([...(texts[WEST] ?? [])].sort());
    expect(sentIn(a, WEST)).toEqual([]);
    // A group no account owns goes through whichever instance claims it first, each message once.
    const shared = [...sentIn(a, SHARED), ...sentIn(b, SHARED)];
    expect(shared.sort()).toEqual([...(texts[SHARED] ?? [])].sort());
    // No send failed for want of the room: every row went out on its first attempt.
    const rows = await db.db.select().from(outbox);
    expect(rows.every((r) => r.attempts === 1 && r.lastError === null)).toBe(true);
  });

  it('binds a group added later to the account its first message arrives through, and answers through it', async () => {
    const LATE = '南岭村村民群';
    await addSite(db.db, { name: '南岭村', kind: 'village' }, [{ topic: LATE, role: 'villagers' }]);
    // Only account B is in the new group's room.
    b.world.say({ room: LATE, from: '南岭村王大爷', text: '要两袋化肥' });
    const reply = await b.botSays(LATE, '化肥');
    expect(reply).toContain('化肥');
    expect(await accountOf(LATE)).toBe(b.sw.chat.self()?.id);
    expect(a.world.sent().filter((m) => m.topic === LATE)).toEqual([]);
  });

  it('refuses a second instance for an account already served, and lets it in once the first stops', async () => {
    const account = a.sw.chat.self()?.id;
    const twin = startTestService({ db: second, instanceId: 'a2', env: { SHOUWANG_BOT_NAME: '守望一号' } });
    await expect(twin).rejects.toMatchObject({ code: 'ACCOUNT_IN_USE' });
    await a.stop();
    const next = await startTestService({
      db: second,
      instanceId: 'a3',
      env: { SHOUWANG_BOT_NAME: '守望一号' },
    });
    expect(next.sw.chat.self()?.id).toBe(account);
    await next.stop();
  });

  it('takes its account lock back after losing its connection, stops sending while another holds it, then sends again', {
    timeout: 30_000,
  }, async () => {
    expect(await b.sw.checkAccountLock()).toBe(true);
    if (!usingPostgres) return; // PGlite: one process, nothing to lose
    const lockBackends = async () =>
      (
        await queryRows<{ pid: number }>(
          db.db,
          sql`select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid
              where a.application_name = 'shouwang-lock' and a.datname = current_database()
                and l.locktype = 'advisory' and l.granted`,
        )
      ).map((r) => r.pid);
    const cut = () =>
      db.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = 'shouwang-lock' and datname = current_database()`,
      );
    // The database drops the lock's connection (as a restart would): the next check takes it back.
    const [before] = await lockBackends();
    await cut();
    await waitFor(
      async () => (await b.sw.checkAccountLock()) === true && (await lockBackends())[0] !== before,
      { timeoutMs: 10_000, what: 'the lock taken back on a new connection' },
    );
    // Dropped again, and meanwhile another instance took the account: this one stops sending.
    await cut();
    const other = postgres(db.url as string, { max: 1, onnotice: () => {} });
    try {
      await waitFor(
        async () => {
          const [row] =
            await other`select pg_try_advisory_lock(hashtext(${`shouwang:account:${b.sw.chat.self()?.id}`})) as ok`;
          return Boolean(row?.ok);
        },
        { timeoutMs: 10_000, what: 'the other holder taking the lock' },
      );
      expect(await b.sw.checkAccountLock()).toBe(false);
      await createOutboxRepo(db.db).enqueue({
        groupId: ids[WEST] as number,
        topic: WEST,
        text: '等账号空出来再发',
        createdAt: new Date(),
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(b.world.sent().some((m) => m.text === '等账号空出来再发')).toBe(false);
    } finally {
      await other.end();
    }
    // The other holder is gone: the next check takes the account back and the message goes out.
    await waitFor(async () => (await b.sw.checkAccountLock()) === true, {
      timeoutMs: 10_000,
      what: 'the account taken back',
    });
    await b.botSays(WEST, '等账号空出来再发');
  });
});

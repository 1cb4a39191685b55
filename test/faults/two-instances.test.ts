// Two whole service instances on one database (each with its own simulated WeChat and bot account): a
// scheduled job fires once per fire time across both, through the Postgres run coordinator, and every
// outbox message is sent once although both workers claim side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { createGroupBindingsRepo } from '../../db/repositories/group-bindings.js';
import { createJobRunsRepo } from '../../db/repositories/job-runs.js';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { outbox } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const VILLAGERS = '七星洞村村民群';
const JOB = 'fault-test-every-second';

let db: TestDatabase;
let second: TestDatabase;
let a: TestService;
let b: TestService;
let groupId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  // On Postgres each instance has its own connection pool, as two processes would.
  second = usingPostgres ? { ...(await openDatabase({ url: db.url as string, max: 5 })), url: db.url } : db;
  const site = await addSite(db.db, { name: '七星洞村', kind: 'village' }, [
    { topic: VILLAGERS, role: 'villagers' },
  ]);
  groupId = site.groupIds[0] as number;
  // Two accounts (one instance per account); the villagers group is left to any of them below.
  a = await startTestService({ db, instanceId: 'a', env: { SHOUWANG_BOT_NAME: '守望甲' } });
  b = await startTestService({ db: second, instanceId: 'b', env: { SHOUWANG_BOT_NAME: '守望乙' } });
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  if (second !== db) await second?.close();
  await db?.close();
});

describe('two instances on one database', () => {
  it('fire each scheduled job once per fire time', { timeout: 60_000 }, async () => {
    const ran: { instance: string; at: string }[] = [];
    for (const [name, t] of [
      ['a', a],
      ['b', b],
    ] as const) {
      t.sw.scheduler.add({
        name: JOB,
        cron: '*/1 * * * * *',
        timeZone: 'Asia/Shanghai',
        run: async (at) => {
          ran.push({ instance: name, at: at.toISOString() });
        },
      });
    }
    const runs = createJobRunsRepo(db.db, 'test');
    await waitFor(async () => (await runs.list(JOB)).filter((r) => r.finishedAt).length >= 3, {
      timeoutMs: 20_000,
      what: 'three fires of the job',
    });
    // Stop both (waiting for running fires) before counting.
    await a.sw.scheduler.stop();
    await b.sw.scheduler.stop();

    const rows = await runs.list(JOB);
    const fireTimes = rows.map((r) => r.firedAt.toISOString());
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fireTimes).size).toBe(rows.length);
    // The body ran exactly once for every claimed fire, by the instance that claimed it.
    expect(ran.map((r) => r.at).sort()).toEqual([...fireTimes].sort());
    const claimedBy = new Map(rows.map((r) => [r.firedAt.toISOString(), r.instance]));
    for (const r of ran) expect(claimedBy.get(r.at)).toBe(r.instance);
    expect(rows.every((r) => r.error === null && r.finishedAt !== null)).toBe(true);
  });

  it('send each outbox message once', { timeout: 60_000 }, async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `第${i + 1}号通知：明天上午送水。`);
    // A group no account owns: both workers may send its messages (see two-accounts for owned groups).
    await createGroupBindingsRepo(db.db).update(groupId, { account: null });
    const repo = createOutboxRepo(db.db);
    for (const text of texts) await repo.enqueue({ groupId, topic: VILLAGERS, text, createdAt: new Date() });

    const sentBy = () => [...a.world.sent(), ...b.world.sent()].filter((m) => texts.includes(m.text));
    await waitFor(
      async () => {
        const rows = await db.db.select().from(outbox);
        return rows.length === 50 && rows.every((r) => r.status === 'sent');
      },
      { timeoutMs: 30_000, what: 'all 50 messages sent' },
    );
    const sent = sentBy().map((m) => m.text);
    expect(sent).toHaveLength(50);
    expect([...sent].sort()).toEqual([...texts].sort());
    // Both workers took part.
    expect(a.world.sent().length).toBeGreaterThan(0);
    expect(b.world.sent().length).toBeGreaterThan(0);
    const rows = await db.db.select().from(outbox);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });
});

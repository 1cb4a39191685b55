import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { groups, outbox } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { createOutboxWorker, type Sender } from '../../src/services/outbox-worker.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/wait.js';

let db: TestDatabase;
let groupId: number;
const TOPIC = '七星洞村村民群';

beforeAll(async () => {
  db = await createTestDatabase();
  const site = await addSite(db.db, { name: '七星洞村', kind: 'village' }, [
    { topic: TOPIC, role: 'villagers' },
  ]);
  groupId = site.groupIds[0] as number;
  await db.db.update(groups).set({ roomId: 'village@chatroom' }).where(eq(groups.id, groupId));
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.db.delete(outbox);
});

function recordingSender(fail: (n: number) => Error | null = () => null) {
  const sent: { roomId: string; text: string; mentionIds: string[] }[] = [];
  let calls = 0;
  const sender: Sender = {
    async sendText(roomId, text, mentionIds) {
      const err = fail(++calls);
      if (err) throw err;
      sent.push({ roomId, text, mentionIds });
      return { providerId: `p-${calls}` };
    },
    rooms: async () => [],
  };
  return { sender, sent };
}

const clock = createSimulatedClock(new Date('2020-02-15T02:00:00Z'));
const worker = (sender: Sender, policy = {}) =>
  createOutboxWorker({
    repo: createOutboxRepo(db.db),
    groups: createGroupsRepo(db.db),
    sender,
    clock,
    log: silentLogger,
    policy: { intervalMs: 0, jitterMs: 0, ...policy },
  });
const enqueue = (text: string, extra = {}) =>
  createOutboxRepo(db.db).enqueue({ groupId, topic: TOPIC, text, createdAt: clock.now(), ...extra });

describe('the outbox worker', () => {
  it('sends queued messages in order with their mentions and marks them sent', async () => {
    await enqueue('第一条', { mentions: [{ id: 'wxid-1', name: '老王' }] });
    await enqueue('第二条');
    const { sender, sent } = recordingSender();
    expect(await worker(sender).drain()).toBe(2);
    expect(sent).toEqual([
      { roomId: 'village@chatroom', text: '第一条', mentionIds: ['wxid-1'] },
      { roomId: 'village@chatroom', text: '第二条', mentionIds: [] },
    ]);
    const rows = await db.db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((r) => [r.status, r.providerMessageId])).toEqual([
      ['sent', 'p-1'],
      ['sent', 'p-2'],
    ]);
  });

  it('marks a message sent at the provider’s time when the provider reports one', async () => {
    await enqueue('带时间');
    const providerAt = new Date('2020-02-15T02:00:03Z');
    const sender: Sender = {
      sendText: async () => ({ providerId: 'p-x', at: providerAt }),
      rooms: async () => [],
    };
    expect(await worker(sender).sendOne()).toBe('sent');
    const [row] = await db.db.select().from(outbox);
    expect(row?.sentAt?.toISOString()).toBe(providerAt.toISOString());
  });

  it('is idempotent per dedupe key', async () => {
    expect(await enqueue('提醒', { dedupeKey: 'reminder:1:2020-02-15:am' })).toHaveLength(1);
    expect(await enqueue('提醒', { dedupeKey: 'reminder:1:2020-02-15:am' })).toHaveLength(0);
  });

  it('retries a failed send later with backoff and sends it once', async () => {
    await enqueue('会失败一次');
    const { sender, sent } = recordingSender((n) => (n === 1 ? new Error('network down') : null));
    const w = worker(sender);
    expect(await w.sendOne()).toBe('retry');
    const [row] = await db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'pending', lastError: 'network down', attempts: 1 });
    expect(row?.notBefore.getTime()).toBe(clock.now().getTime() + 5_000);
    expect(await w.sendOne()).toBe('idle');
    clock.advance(5_000);
    expect(await w.sendOne()).toBe('sent');
    expect(await w.drain()).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('gives up after the maximum attempts', async () => {
    await enqueue('一直失败');
    const { sender } = recordingSender(() => new Error('room gone'));
    const w = worker(sender, { maxAttempts: 2 });
    expect(await w.sendOne()).toBe('retry');
    clock.advance(60_000);
    expect(await w.sendOne()).toBe('failed');
    const [row] = await db.db.select().from(outbox);
    expect(row?.status).toBe('failed');
  });

  it('resends a message whose worker died after claiming it, once the claim expires', async () => {
    await enqueue('认领后崩溃');
    const repo = createOutboxRepo(db.db);
    expect(await repo.claimNext(clock.now(), 60_000)).not.toBeNull();
    const { sender, sent } = recordingSender();
    const w = worker(sender);
    expect(await w.sendOne()).toBe('idle');
    clock.advance(61_000);
    expect(await w.sendOne()).toBe('sent');
    expect(sent.map((s) => s.text)).toEqual(['认领后崩溃']);
  });

  it('never lets two workers send the same message', async () => {
    for (let i = 0; i < 30; i++) await enqueue(`消息${i}`);
    const a = recordingSender();
    const b = recordingSender();
    await Promise.all([worker(a.sender).drain(), worker(b.sender).drain()]);
    const texts = [...a.sent, ...b.sent].map((s) => s.text).sort();
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
  });

  it('holds non-urgent messages over the daily cap until the next local day; urgent ones always go', async () => {
    for (let i = 0; i < 3; i++) await enqueue(`日常${i}`);
    await enqueue('发热告警', { urgent: true });
    const { sender, sent } = recordingSender();
    await worker(sender, { groupDailyCap: 2, groupDailyReserve: 0 }).drain();
    // The alert goes first and counts toward the day's volume.
    expect(sent.map((s) => s.text)).toEqual(['发热告警', '日常0']);
    const held = (await db.db.select().from(outbox)).find((r) => r.text === '日常2');
    // 2020-02-15 10:00 in Shanghai: held until 2020-02-16 00:00 Shanghai time.
    expect(held).toMatchObject({ status: 'pending', lastError: 'daily cap reached' });
    expect(held?.notBefore.toISOString()).toBe('2020-02-15T16:00:00.000Z');
  });

  it('backs off when WeChat throttles the account', async () => {
    await enqueue('太快了');
    const throttled = Object.assign(new Error('操作过于频繁'), { code: 'CHAT_THROTTLED' });
    const { sender } = recordingSender((n) => (n === 1 ? throttled : null));
    const slept: number[] = [];
    const w = createOutboxWorker({
      repo: createOutboxRepo(db.db),
      groups: createGroupsRepo(db.db),
      sender,
      clock,
      log: silentLogger,
      policy: { intervalMs: 0, jitterMs: 0, throttlePauseMs: 123_000 },
      sleep: async (ms) => {
        slept.push(ms);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    w.start();
    await new Promise((r) => setTimeout(r, 200));
    await w.stop();
    expect(slept.some((ms) => ms > 100_000 && ms <= 123_000)).toBe(true);
  });

  it('splits a long text at line breaks', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `第${i + 1}行：化肥 2 袋，菜籽油 1 桶`).join('\n');
    const ids = await enqueue(long);
    expect(ids.length).toBeGreaterThan(1);
    const { sender, sent } = recordingSender();
    await worker(sender).drain();
    expect(sent.every((s) => s.text.length <= 1500)).toBe(true);
    expect(sent.map((s) => s.text).join('\n')).toBe(long);
  });

  it('paces sends: interval plus jitter between two sends', async () => {
    await enqueue('一');
    await enqueue('二');
    const { sender, sent } = recordingSender();
    const slept: number[] = [];
    const w = createOutboxWorker({
      repo: createOutboxRepo(db.db),
      groups: createGroupsRepo(db.db),
      sender,
      clock,
      log: silentLogger,
      random: () => 0.5,
      policy: { intervalMs: 1_500, jitterMs: 1_000, idlePollMs: 5 },
      sleep: async (ms) => {
        slept.push(ms);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    w.start();
    // The pause after the second send comes once that send is recorded.
    while (slept.length < 2) await new Promise((r) => setTimeout(r, 5));
    await w.stop();
    expect(sent).toHaveLength(2);
    expect(slept.slice(0, 2)).toEqual([2_000, 2_000]);
  });

  it('holds a message while WeChat is offline, without using up an attempt', async () => {
    await enqueue('掉线时');
    const offline = Object.assign(new Error('WeChat is not logged in'), { code: 'CHAT_OFFLINE' });
    const { sender, sent } = recordingSender((n) => (n === 1 ? offline : null));
    const w = worker(sender);
    expect(await w.sendOne()).toBe('held');
    const [row] = await db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: 'WeChat is not logged in' });
    expect(await w.sendOne()).toBe('sent');
    expect(sent.map((s) => s.text)).toEqual(['掉线时']);
  });

  it('keeps recording a sent message while the database is away, and never sends it twice', async () => {
    await enqueue('已发出');
    const repo = createOutboxRepo(db.db);
    let refusals = 2;
    const flaky = {
      ...repo,
      markSent: async (...args: Parameters<typeof repo.markSent>) => {
        if (refusals-- > 0) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return repo.markSent(...args);
      },
    };
    const { sender, sent } = recordingSender();
    const slept: number[] = [];
    const w = createOutboxWorker({
      repo: flaky,
      groups: createGroupsRepo(db.db),
      sender,
      clock,
      log: silentLogger,
      policy: { intervalMs: 0, jitterMs: 0 },
      sleep: async (ms) => void slept.push(ms),
    });
    expect(await w.sendOne()).toBe('sent');
    expect(slept).toEqual([200, 400]);
    expect(await w.sendOne()).toBe('idle');
    expect(sent.map((s) => s.text)).toEqual(['已发出']);
    const [row] = await db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('backs off instead of spinning while the database is away', async () => {
    const repo = createOutboxRepo(db.db);
    const away = {
      ...repo,
      claimNext: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    };
    const slept: number[] = [];
    const w = createOutboxWorker({
      repo: away,
      groups: createGroupsRepo(db.db),
      sender: recordingSender().sender,
      clock,
      log: silentLogger,
      policy: { intervalMs: 0, jitterMs: 0, errorBaseMs: 500 },
      sleep: async (ms) => {
        slept.push(ms);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    w.start();
    while (slept.length < 8) await new Promise((r) => setTimeout(r, 5));
    await w.stop();
    expect(slept.slice(0, 8)).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000]);
  });

  it('ends its pause after a database error as soon as a new message is queued', async () => {
    const repo = createOutboxRepo(db.db);
    let away = true;
    let failures = 0;
    const flaky = {
      ...repo,
      claimNext: async (...args: Parameters<typeof repo.claimNext>) => {
        if (away) {
          failures++;
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        }
        return repo.claimNext(...args);
      },
    };
    const { sender, sent } = recordingSender();
    const w = createOutboxWorker({
      repo: flaky,
      groups: createGroupsRepo(db.db),
      sender,
      clock,
      log: silentLogger,
      policy: { intervalMs: 0, jitterMs: 0, errorBaseMs: 60_000, idlePollMs: 60_000 },
    });
    w.start();
    try {
      await waitFor(() => failures === 1, { what: 'the first failure' });
      away = false;
      await enqueue('数据库回来了');
      w.notify();
      await waitFor(() => sent.length === 1, { timeoutMs: 5_000, what: 'the message sent' });
    } finally {
      await w.stop();
    }
    expect(failures).toBe(1);
  });
});

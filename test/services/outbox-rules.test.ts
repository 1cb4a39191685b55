// The rules every outgoing message is held to (core/outgoing.ts), as the worker applies them: priority,
// the group's budget with a reserve, expiry, merged acknowledgements, one pending message an alert.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createOutboxRepo, type OutboxItem } from '../../db/repositories/outbox.js';
import { groups, outbox } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { createOutboxService } from '../../src/services/outbox.js';
import { createOutboxWorker, type OutboxPolicy, type Sender } from '../../src/services/outbox-worker.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';

let db: TestDatabase;
let residents: number;
let siteId: number;
const TOPIC = '规则观察点住户群';

beforeAll(async () => {
  db = await createTestDatabase();
  const site = await addSite(db.db, { name: '规则观察点', kind: 'quarantine' }, [
    { topic: TOPIC, role: 'residents' },
    { topic: '规则观察点工作群', role: 'staff' },
  ]);
  siteId = site.siteId;
  residents = site.groupIds[0] as number;
  await db.db.update(groups).set({ roomId: 'rules@chatroom' }).where(eq(groups.id, residents));
  await db.db
    .update(groups)
    .set({ roomId: 'rules-staff@chatroom' })
    .where(eq(groups.id, site.groupIds[1] as number));
});
afterAll(() => db.close());
// Each test starts at 10:00 in Shanghai (a simulated clock never runs backwards).
let clock = createSimulatedClock(new Date('2020-02-15T02:00:00Z'));
beforeEach(async () => {
  await db.db.delete(outbox);
  clock = createSimulatedClock(new Date('2020-02-15T02:00:00Z'));
});

function recording() {
  const sent: string[] = [];
  const sender: Sender = {
    async sendText(_roomId, text) {
      sent.push(text);
      return { providerId: `p-${sent.length}` };
    },
    rooms: async () => [],
  };
  return { sender, sent };
}

const worker = (sender: Sender, policy: Partial<OutboxPolicy> = {}, onCapNear?: () => Promise<void>) =>
  createOutboxWorker({
    repo: createOutboxRepo(db.db),
    groups: createGroupsRepo(db.db),
    sender,
    clock,
    log: silentLogger,
    policy: { intervalMs: 0, jitterMs: 0, ...policy },
    onCapNear,
  });
const service = () => createOutboxService({ db: db.db, clock, notify: () => {} });
const enqueue = (text: string, extra: Partial<OutboxItem> = {}) =>
  service().enqueue({ groupId: residents, topic: TOPIC, text, ...extra });
const ack = (room: string, who = room) =>
  enqueue(`@${who} 已记录：${room} 早 36.5℃`, {
    kind: 'ack',
    mergeKey: `ack:${residents}`,
    payload: { who, label: room, zone: 'Asia/Shanghai' },
  });
const statuses = async () =>
  (await db.db.select().from(outbox).orderBy(asc(outbox.id))).map((r) => [r.text, r.status]);

describe('outgoing rules', () => {
  it('sends urgent first, then answers to a person, then reminders, then acknowledgements', async () => {
    await ack('2101');
    await enqueue('今早的体温还没收到', { kind: 'nudge' });
    await enqueue('已收到您的需求', { kind: 'reply' });
    await enqueue('【告警】', { kind: 'alert', urgent: true });
    const { sender, sent } = recording();
    await worker(sender).drain();
    expect(sent).toEqual(['【告警】', '已收到您的需求', '今早的体温还没收到', '@2101 已记录：2101 早 36.5℃']);
  });

  it('keeps a reserve of the daily cap for reminders and notices; routine answers stop before it', async () => {
    for (let i = 0; i < 4; i++) await enqueue(`回复${i}`);
    await enqueue('您的需求 R-0001 已办好', { kind: 'request-done' });
    const { sender, sent } = recording();
    await worker(sender, { groupDailyCap: 4, groupDailyReserve: 2 }).drain();
    // Two routine answers fill the cap less the reserve; the notice may still use the reserve.
    expect(sent).toEqual(['回复0', '回复1', '您的需求 R-0001 已办好']);
    // The rest would be sent tomorrow, hours after they mattered: dropped.
    expect((await statuses()).filter(([, s]) => s === 'expired')).toEqual([
      ['回复2', 'expired'],
      ['回复3', 'expired'],
    ]);
  });

  it('drops a nudge whose slot has passed instead of sending it late', async () => {
    clock = createSimulatedClock(new Date('2020-02-15T01:00:00Z')); // 09:00
    await service().toSiteGroup(siteId, 'residents', {
      text: '今早的体温还没收到',
      kind: 'nudge',
      slot: 'am',
    });
    clock.set(new Date('2020-02-15T04:30:00Z')); // 12:30: the morning is over
    const { sender, sent } = recording();
    await worker(sender).drain();
    expect(sent).toEqual([]);
    expect(await statuses()).toEqual([['今早的体温还没收到', 'expired']]);
  });

  it('answers acknowledgements at once while the group is quiet, and merges them when it is busy', async () => {
    const { sender, sent } = recording();
    const w = worker(sender, { ackBurst: 2, ackWindowMs: 120_000 });
    await ack('2101');
    await w.drain();
    await ack('2103');
    await ack('2102');
    await w.drain();
    expect(sent).toEqual([
      '@2101 已记录：2101 早 36.5℃',
      '10:00 已收到 2 人的上报：2102、2103。没看到自己房号的请再发一次。',
    ]);
    // Two acknowledgement messages in the window: the next ones wait for it and go as one.
    clock.set(new Date('2020-02-15T02:01:00Z'));
    for (const room of ['2201', '2105', '2105']) await ack(room);
    await w.drain();
    expect(sent).toHaveLength(2);
    clock.set(new Date('2020-02-15T02:02:00Z'));
    await w.drain();
    expect(sent[2]).toBe('10:01 已收到 2 人的上报：2105、2201。没看到自己房号的请再发一次。');
    expect((await statuses()).map(([, s]) => s)).toEqual([
      'sent',
      'sent',
      'merged',
      'sent',
      'merged',
      'merged',
    ]);
  });

  it('keeps one pending message per alert: updates not yet sent are replaced by the latest', async () => {
    for (const t of ['38.0', '38.1', '38.2'])
      await service().toSiteGroup(siteId, 'staff', {
        text: `【告警 A-0001 更新】${t}`,
        kind: 'alert',
        urgent: true,
        mergeKey: 'alert:1:1',
      });
    const { sender, sent } = recording();
    await worker(sender).drain();
    expect(sent).toEqual(['【告警 A-0001 更新】38.2']);
  });

  it('says which message it gave up on, so staff can tell the person another way', async () => {
    await enqueue('您的需求 R-0001 已办好', { kind: 'request-done' });
    const given: string[] = [];
    const failing: Sender = {
      sendText: async () => {
        throw new Error('room gone');
      },
      rooms: async () => [],
    };
    const w = createOutboxWorker({
      repo: createOutboxRepo(db.db),
      groups: createGroupsRepo(db.db),
      sender: failing,
      clock,
      log: silentLogger,
      policy: { intervalMs: 0, jitterMs: 0, maxAttempts: 1 },
      onGivenUp: async (row) => void given.push(`${row.kind}: ${row.text}`),
    });
    await w.drain();
    expect(given).toEqual(['request-done: 您的需求 R-0001 已办好']);
  });

  it('warns staff once a group has used most of its daily cap', async () => {
    let warned = 0;
    for (let i = 0; i < 5; i++) await enqueue(`提醒${i}`, { kind: 'remind' });
    const { sender } = recording();
    await worker(sender, { groupDailyCap: 5, groupDailyReserve: 1 }, async () => {
      warned++;
    }).drain();
    expect(warned).toBeGreaterThanOrEqual(1);
  });
});

// One stored message can reach the road twice at once: the intake hands it over while the stalled-messages
// job (or a staff "read again") finds it still waiting. It is handled once: one record, one reply.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { redispatchStalledJob } from '../../src/jobs/housekeeping.js';
import { RESIDENTS, shanghai } from '../helpers/quarantine.js';
import { type ServiceSite, serviceSite } from '../helpers/quarantine-services.js';

let s: ServiceSite;
afterEach(async () => {
  await s.close();
});

/** How many times the robot read each message. */
function countReads(): Map<number, number> {
  const reads = new Map<number, number>();
  const receive = s.road.robot.receive.bind(s.road.robot);
  s.road.robot.receive = (m, tx, opts) => {
    reads.set(m.id, (reads.get(m.id) ?? 0) + 1);
    return receive(m, tx, opts);
  };
  return reads;
}

async function store(providerId: string, text: string, at: string) {
  s.clock.set(shanghai(at));
  const msg = await s.services.intake.store({
    providerId,
    roomId: `${RESIDENTS}@chatroom`,
    roomTopic: RESIDENTS,
    talkerId: 'wxid-2105高',
    talkerName: '2105高',
    kind: 'text',
    text,
    at: shanghai(at),
    mentionsSelf: false,
    mentionIds: [],
  });
  if (!msg) throw new Error('not stored');
  return msg;
}

const counts = (id: number) =>
  queryRows<{ state: string; reports: number; tickets: number; replies: number }>(
    s.db.db,
    sql`select m.state,
          (select count(*)::int from health_reports h where h.message_id = m.id) as reports,
          (select count(*)::int from requests r where r.message_id = m.id) as tickets,
          (select count(*)::int from outbox o where o.source_message_id = m.id) as replies
        from messages m where m.id = ${id}`,
  );

describe('a message handed to the road twice', () => {
  it('is handled once when both arrive in the same turn (one batch)', async () => {
    s = await serviceSite([{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }]);
    const reads = countReads();
    const msg = await store('twice-1', '36.6 需要一个体温计', '2020-02-15 07:40');
    await Promise.all([s.road.handle(msg), s.road.handle({ ...msg })]);
    // Read once: not twice in one batch (where a water booking, with nothing unique to stop it, was
    // booked twice) and then once more on its own after the batch failed.
    expect([...reads]).toEqual([[msg.id, 1]]);
    expect(await counts(msg.id)).toEqual([{ state: 'handled', reports: 1, tickets: 1, replies: 1 }]);
  });

  it('is handled once when the second comes while the first is still in hand', async () => {
    s = await serviceSite([{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }]);
    const reads = countReads();
    const msg = await store('twice-2', '36.6 需要一个体温计', '2020-02-15 07:40');
    const first = s.road.handle(msg);
    await new Promise((r) => setImmediate(r));
    await Promise.all([first, s.road.handle({ ...msg }), s.road.handle({ ...msg })]);
    expect([...reads]).toEqual([[msg.id, 1]]);
    expect(await counts(msg.id)).toEqual([{ state: 'handled', reports: 1, tickets: 1, replies: 1 }]);
  });

  it('is not stalled by the service clock until two minutes have passed, and then handled once', async () => {
    s = await serviceSite([{ name: '高某', room: '2105', wechat: '2105hist', start: '2020-02-07' }]);
    const handled: number[] = [];
    const job = redispatchStalledJob(
      s.services,
      async (m) => {
        handled.push(m.id);
        await s.road.handle(m);
      },
      'Asia/Shanghai',
      s.clock,
    );
    const msg = await store('stalled-1', '36.6 需要一个体温计', '2020-02-15 07:40');
    // The live job fires on the system clock (years after the simulated one): the service's clock decides.
    s.clock.set(shanghai('2020-02-15 07:41'));
    await job.run(new Date());
    expect(handled).toEqual([]);
    s.clock.set(shanghai('2020-02-15 07:43'));
    await Promise.all([job.run(new Date()), s.road.handle(msg)]);
    expect(handled).toEqual([msg.id]);
    expect(await counts(msg.id)).toEqual([{ state: 'handled', reports: 1, tickets: 1, replies: 1 }]);
  });
});

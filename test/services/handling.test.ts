// Messages of many rooms handled together (one transaction a batch) and, when one of them fails, each on
// its own: on the whole service, through the sandbox's Wechaty.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { localDate } from '../../src/core/time.js';
import { createSetupService } from '../../src/services/setup.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const ROOMS = 8;
const topic = (s: number) => `并批观察点${s}住户群`;
const person = (s: number) => `并批住户${s}`;
const VILLAGERS = '并批村村民群';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  const today = localDate(new Date(), 'Asia/Shanghai');
  await createSetupService({ db: t.db.db, defaultZone: 'Asia/Shanghai' }).apply({
    sites: Array.from({ length: ROOMS }, (_, s) => ({
      name: `并批观察点${s}`,
      kind: 'quarantine',
      timezone: 'Asia/Shanghai',
      observationDays: 14,
      feverThreshold: 37.3,
      reportTimes: ['08:00', '20:00'],
      groups: [
        { topic: topic(s), role: 'residents' },
        { topic: `并批观察点${s}工作群`, role: 'staff' },
      ],
      residents: [{ name: person(s), room: `${2100 + s}`, start: today, wechat: person(s) }],
    })),
  });
  await createSetupService({ db: t.db.db, defaultZone: 'Asia/Shanghai' }).apply({
    sites: [
      {
        name: '并批村',
        kind: 'village',
        timezone: 'Asia/Shanghai',
        groups: [
          { topic: VILLAGERS, role: 'villagers' },
          { topic: '并批村志愿队', role: 'volunteers' },
        ],
        households: [{ name: '刘家', group: '三组', address: '三组12号', wechat: '刘婆婆' }],
      },
    ],
  });
  // A listener that fails on one word, as a bug would.
  t.sw.robot.otherwise((res) => {
    if (res.message.body === '故障') throw new Error('injected failure');
  });
});
afterAll(async () => {
  await t.stop();
});

interface Row {
  provider_id: string;
  state: string;
  note: string | null;
  reports: number;
  replies: number;
}

/** Each message's outcome, its health reports and the replies queued for it. */
async function outcomes(ids: string[]): Promise<Row[]> {
  return queryRows<Row>(
    t.db.db,
    sql`select m.provider_id, m.state, m.note,
          (select count(*)::int from health_reports h where h.message_id = m.id) as reports,
          (select count(*)::int from outbox o where o.source_message_id = m.id and o.kind in ('reply', 'ack')) as replies
        from messages m where m.provider_id = any(${sql.param(ids)}::text[]) order by m.provider_id`,
  );
}

/** Says one message in each room at once (no waiting in between) and waits until all are handled. */
async function burst(prefix: string, text: (s: number) => string): Promise<Row[]> {
  const ids = Array.from({ length: ROOMS }, (_, s) => `${prefix}-${s}`);
  ids.forEach((id, s) => {
    t.world.say({ id, room: topic(s), from: person(s), text: text(s) });
  });
  return waitFor(
    async () => {
      const rows = await outcomes(ids);
      return rows.length === ROOMS && rows.every((r) => r.state !== 'received') ? rows : null;
    },
    { what: `the ${prefix} messages to be handled` },
  );
}

const batches = async () => {
  const metric = await t.sw.metrics.handlingBatch.get();
  const count = metric.values.find((v) => v.metricName === 'shouwang_handling_batch_messages_count');
  const sum = metric.values.find((v) => v.metricName === 'shouwang_handling_batch_messages_sum');
  return { count: count?.value ?? 0, sum: sum?.value ?? 0 };
};

describe('handling messages in batches', () => {
  it('handles messages of many rooms together: each recorded, answered and finished once', async () => {
    const rows = await burst('together', (s) => `体温36.${s}`);
    for (const r of rows) expect(r).toMatchObject({ state: 'handled', reports: 1, replies: 1 });
    // Some of them shared a transaction.
    const { count, sum } = await batches();
    expect(sum).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThan(sum);
    for (let s = 0; s < ROOMS; s++) await t.botSays(topic(s), `36.${s}`);
  });

  it('rolls a batch back when one message fails, then handles each on its own', async () => {
    const rows = await burst('apart', (s) => (s === 3 ? '故障' : `体温36.${s}，没有不舒服`));
    for (const r of rows) {
      if (r.provider_id === 'apart-3') expect(r).toMatchObject({ state: 'failed', reports: 0 });
      // Nothing of the rolled-back batch is left twice: one report and one reply each.
      else expect(r).toMatchObject({ state: 'handled', reports: 1, replies: 1 });
    }
    expect(rows.find((r) => r.provider_id === 'apart-3')?.note).toContain('injected failure');
  });

  it('looks up each resident’s own open tickets when requests arrive together', async () => {
    const replies = async (ids: string[]) =>
      queryRows<{ provider_id: string; text: string }>(
        t.db.db,
        sql`select m.provider_id, o.text from outbox o join messages m on m.id = o.source_message_id
            where o.kind in ('reply', 'ack') and m.provider_id = any(${sql.param(ids)}::text[]) order by m.provider_id`,
      );
    // Every other resident already has a ticket open for a thermometer.
    await burst('ask1', (s) => (s % 2 === 0 ? '需要一个体温计' : '要一床被子'));
    const second = await burst('ask2', () => '需要一个体温计');
    for (const r of second) expect(r).toMatchObject({ state: 'handled', replies: 1 });
    const said = await replies(second.map((r) => r.provider_id));
    for (const { provider_id, text } of said) {
      const s = Number(provider_id.split('-')[1]);
      // Each site numbers its own tickets: the first is R-0001 there.
      if (s % 2 === 0)
        expect(text, provider_id).toBe('您的需求 R-0001（体温计）还在处理中，工作人员会尽快办好。');
      else expect(text, provider_id).toContain('已收到您的需求，工单 R-0002（体温计 1个）');
    }
    const tickets = await queryRows<{ site: string; n: number }>(
      t.db.db,
      sql`select s.name as site, count(*)::int as n from requests r join sites s on s.id = r.site_id
          where s.name like '并批观察点%' group by s.name order by s.name`,
    );
    expect(tickets).toEqual(
      Array.from({ length: ROOMS }, (_, s) => ({ site: `并批观察点${s}`, n: s % 2 === 0 ? 1 : 2 })),
    );
  });

  it('handles a village order arriving together with the sites’ reports', async () => {
    t.world.say({ id: 'mixed-village', room: VILLAGERS, from: '刘婆婆', text: '要两袋化肥' });
    const rows = await burst('mixed', (s) => `体温36.${s}`);
    for (const r of rows) expect(r).toMatchObject({ state: 'handled', reports: 1, replies: 1 });
    const order = await waitFor(
      async () =>
        (
          await queryRows<{ state: string; orders: number }>(
            t.db.db,
            sql`select m.state, (select count(*)::int from orders o where o.message_id = m.id) as orders
                from messages m where m.provider_id = 'mixed-village' and m.state <> 'received'`,
          )
        )[0],
      { what: 'the village order to be handled' },
    );
    expect(order).toEqual({ state: 'handled', orders: 1 });
    await t.botSays(VILLAGERS, '化肥');
  });
});

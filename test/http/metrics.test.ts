// GET /metrics on the whole service: messages through the real chat pipeline, sends, job runs and the
// database's states, in Prometheus text format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import { usingPostgres } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const RESIDENTS = '五指山观察点住户群';
let t: TestService;
beforeAll(async () => {
  t = await startTestService({ jobs: false });
  await addSite(t.db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: RESIDENTS, role: 'residents' },
  ]);
  await t.sw.syncRooms();
});
afterAll(() => t.stop());

/** The value of one series in the exposition text. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async () => {
  const res = await t.sw.app.inject('/metrics');
  expect(res.statusCode).toBe(200);
  return res;
};

describe('GET /metrics', () => {
  it('answers without a token, in the Prometheus text format', async () => {
    const res = await scrape();
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toContain('# TYPE shouwang_messages_received_total counter');
    expect(res.body).toContain('# TYPE shouwang_outbox_backlog gauge');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(value(res.body, 'shouwang_db_up')).toBe(1);
    if (usingPostgres) {
      expect(value(res.body, 'shouwang_db_pool_size')).toBe(5);
      expect(res.body).toMatch(/^shouwang_db_connections\{state="(active|idle)"\} [1-9]/m);
    } else {
      expect(value(res.body, 'shouwang_db_pool_size')).toBe(1);
      expect(value(res.body, 'shouwang_db_connections{state="open"}')).toBe(1);
    }
  });

  it('counts messages received and their outcomes, and the replies queued and sent', async () => {
    const id = t.world.say({ room: RESIDENTS, from: '2105高', text: '#帮助' });
    expect(await t.sw.waitProcessed(id)).toBe(true);
    const before = await scrape();
    expect(value(before.body, 'shouwang_messages_received_total')).toBe(1);
    expect(value(before.body, 'shouwang_messages_processed_total{state="handled"}')).toBe(1);
    expect(value(before.body, 'shouwang_outbox_backlog')).toBe(1);
    expect(await t.sw.outboxWorker.drain()).toBe(1);
    const after = await scrape();
    expect(value(after.body, 'shouwang_outbox_backlog')).toBe(0);
    expect(value(after.body, 'shouwang_outbox_sent_total')).toBe(1);
  });

  it('reads unplaced messages from the database', async () => {
    const repo = createMessagesRepo(t.db.db);
    const ids = await repo.insert(
      [
        {
          message: {
            providerId: 'unplaced-1',
            roomId: 'x@chatroom',
            roomTopic: RESIDENTS,
            talkerId: 'wxid_9',
            talkerName: '某人',
            kind: 'text',
            text: '???',
            at: new Date(),
            mentionsSelf: false,
            mentionIds: [],
          },
          groupId: null,
        },
      ],
      new Date(),
    );
    await repo.finish([{ id: ids.get('unplaced-1') as number, state: 'unplaced', note: null }], new Date());
    expect(value((await scrape()).body, 'shouwang_messages_unplaced')).toBe(1);
    expect(value((await scrape()).body, 'shouwang_alerts_open')).toBe(0);
    expect(value((await scrape()).body, 'shouwang_records{type="health"}')).toBe(0);
  });

  it('counts failed sends', async () => {
    await t.sw.services.outbox.enqueue({ groupId: null, topic: '没有这个群', text: '你好' });
    await t.sw.outboxWorker.sendOne();
    const res = await scrape();
    expect(value(res.body, 'shouwang_outbox_send_failures_total{final="false"}')).toBe(1);
  });

  it('counts job runs and failures by kind of job', async () => {
    const from = new Date('2020-02-14T12:00:00Z');
    t.sw.scheduler.add({
      name: 'site1:metrics-ok',
      daily: '08:00',
      timeZone: 'Asia/Shanghai',
      run: async () => {},
    });
    t.sw.scheduler.add({
      name: 'site1:metrics-broken',
      daily: '09:00',
      timeZone: 'Asia/Shanghai',
      run: async () => {
        throw new Error('boom');
      },
    });
    expect(await t.sw.scheduler.runDue(from, new Date('2020-02-16T12:00:00Z'))).toBe(4);
    const res = await waitFor(async () => {
      const r = await scrape();
      return value(r.body, 'shouwang_job_failures_total{job="metrics-broken"}') === 2 ? r : null;
    });
    expect(value(res.body, 'shouwang_job_runs_total{job="metrics-ok"}')).toBe(2);
    expect(value(res.body, 'shouwang_job_runs_total{job="metrics-broken"}')).toBe(2);
    expect(value(res.body, 'shouwang_job_failures_total{job="metrics-ok"}')).toBeUndefined();
  });
});

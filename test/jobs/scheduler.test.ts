import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunsRepo } from '../../db/repositories/job-runs.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { waitFor } from '../helpers/wait.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const clock = createSimulatedClock(new Date('2020-02-15T00:00:00Z'));
function scheduler(instance: string, fired: string[]) {
  const s = createScheduler({ jobRuns: createJobRunsRepo(db.db, instance), clock, log: silentLogger });
  s.add({
    name: 'morning-reminder',
    cron: '0 8 * * *',
    timeZone: 'Asia/Shanghai',
    run: async (at) => {
      fired.push(`${instance}@${at.toISOString()}`);
    },
  });
  return s;
}

describe('the scheduler in simulated time', () => {
  it('fires a job at its local wall-clock time, once per day', async () => {
    const fired: string[] = [];
    const n = await scheduler('a', fired).runDue(
      new Date('2020-02-14T16:00:00Z'),
      new Date('2020-02-16T16:00:00Z'),
    );
    expect(n).toBe(2);
    // 08:00 in Shanghai is 00:00 UTC.
    expect(fired).toEqual(['a@2020-02-15T00:00:00.000Z', 'a@2020-02-16T00:00:00.000Z']);
  });

  it('fires each fire once across two instances on one database', async () => {
    const fired: string[] = [];
    const from = new Date('2020-02-29T12:00:00Z');
    const to = new Date('2020-03-03T12:00:00Z');
    await Promise.all([scheduler('a', fired).runDue(from, to), scheduler('b', fired).runDue(from, to)]);
    const times = fired.map((f) => f.split('@')[1]).sort();
    expect(times).toEqual([
      '2020-03-01T00:00:00.000Z',
      '2020-03-02T00:00:00.000Z',
      '2020-03-03T00:00:00.000Z',
    ]);
    const runs = await createJobRunsRepo(db.db, 'x').list('morning-reminder');
    expect(runs.filter((r) => r.firedAt >= from && r.firedAt <= to)).toHaveLength(3);
  });

  it('records a failing job and goes on', async () => {
    const s = createScheduler({ jobRuns: createJobRunsRepo(db.db, 'c'), clock, log: silentLogger });
    let after = 0;
    s.add({
      name: 'broken',
      cron: '*/30 * * * *',
      timeZone: 'UTC',
      run: async () => Promise.reject(new Error('boom')),
    });
    s.add({ name: 'fine', cron: '*/30 * * * *', timeZone: 'UTC', run: async () => void after++ });
    await s.runDue(new Date('2020-04-01T00:00:00Z'), new Date('2020-04-01T01:00:00Z'));
    expect(after).toBe(2);
    const runs = await createJobRunsRepo(db.db, 'c').list('broken');
    expect(runs.map((r) => r.error)).toEqual(['boom', 'boom']);
  });
});

describe('daily jobs in simulated time', () => {
  it('fire at the local time of their zone across days, in time order with other jobs', async () => {
    const fired: string[] = [];
    const s = createScheduler({ jobRuns: createJobRunsRepo(db.db, 'd'), clock, log: silentLogger });
    s.add({
      name: 'evening',
      daily: '20:00',
      timeZone: 'Asia/Shanghai',
      run: async (at) => void fired.push(`evening ${at.toISOString()}`),
    });
    s.add({
      name: 'morning',
      daily: '08:00',
      timeZone: 'Asia/Shanghai',
      run: async (at) => void fired.push(`morning ${at.toISOString()}`),
    });
    s.add({
      name: 'housekeeping',
      cron: '* * * * *',
      timeZone: 'UTC',
      liveOnly: true,
      run: async () => void fired.push('never'),
    });
    await s.runDue(new Date('2020-05-01T01:00:00Z'), new Date('2020-05-02T12:00:00Z'));
    expect(fired).toEqual([
      'evening 2020-05-01T12:00:00.000Z',
      'morning 2020-05-02T00:00:00.000Z',
      'evening 2020-05-02T12:00:00.000Z',
    ]);
  });

  it('can be replaced at run time (a site changed its report times)', async () => {
    const fired: string[] = [];
    const s = createScheduler({ jobRuns: createJobRunsRepo(db.db, 'e'), clock, log: silentLogger });
    s.add({
      name: 'site9:remind-am',
      daily: '08:00',
      timeZone: 'Asia/Shanghai',
      run: async () => void fired.push('old'),
    });
    await s.replace('site9:', [
      {
        name: 'site9:remind-am',
        daily: '07:30',
        timeZone: 'Asia/Shanghai',
        run: async (at) => void fired.push(at.toISOString()),
      },
    ]);
    await s.runDue(new Date('2020-06-01T16:00:00Z'), new Date('2020-06-02T16:00:00Z'));
    expect(fired).toEqual(['2020-06-01T23:30:00.000Z']);
    expect(() => s.add({ name: 'bad', daily: '25:00', timeZone: 'UTC', run: async () => {} })).toThrow(
      /HH:MM/,
    );
  });
});

describe('the scheduler live', () => {
  it('waits out a short database outage at a fire instead of skipping it', async () => {
    const repo = createJobRunsRepo(db.db, 'live');
    let refusals = 2;
    let claims = 0;
    let firstFire: Date | null = null;
    const jobRuns = {
      ...repo,
      claim: async (...args: Parameters<typeof repo.claim>) => {
        claims++;
        firstFire ??= args[2];
        if (refusals-- > 0) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return repo.claim(...args);
      },
    };
    const s = createScheduler({ jobRuns, clock, log: silentLogger });
    const fired: Date[] = [];
    s.add({ name: 'tick', cron: '* * * * * *', timeZone: 'UTC', run: async (at) => void fired.push(at) });
    s.start();
    try {
      await waitFor(() => fired.length > 0, { timeoutMs: 10_000, what: 'the first fire' });
    } finally {
      await s.stop();
    }
    expect(claims).toBeGreaterThanOrEqual(3);
    // The fire that met the outage ran (late), not a later one.
    expect(fired[0]?.toISOString()).toBe((firstFire as Date | null)?.toISOString());
    const runs = await repo.list('tick');
    expect(runs.map((r) => r.firedAt.toISOString())).toContain(fired[0]?.toISOString());
  });
});

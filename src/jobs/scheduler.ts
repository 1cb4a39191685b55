// The scheduler: the only importer of node-cron. Jobs are plain values (name, cron expression, zone,
// run); live, node-cron fires them with a Postgres-backed run coordinator so that each fire runs once
// across instances; in simulated time (replay, tests) `runDue` fires every job due in an interval.
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { JobRunsRepo } from '../../db/repositories/job-runs.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';

export interface Job {
  name: string;
  /** Five-field cron expression (minute hour day month weekday), in `timeZone`. */
  cron: string;
  timeZone: string;
  run(fireAt: Date): Promise<void>;
}

export interface SchedulerDeps {
  jobRuns: JobRunsRepo;
  clock: Clock;
  log: Logger;
  /** Simulated time: called before each fire (replay moves its clock to the fire time). */
  onSimulatedFire?: (at: Date) => Promise<void> | void;
}

const MINUTE = 60_000;

export function createScheduler(deps: SchedulerDeps) {
  const { log, jobRuns } = deps;
  const jobs = new Map<string, Job>();
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  // Matchers for simulated time: node-cron tasks that are never started, used only for `match`.
  const matchers = new Map<string, ScheduledTask>();

  async function fire(job: Job, fireAt: Date, key: string): Promise<void> {
    const started = Date.now();
    let error: string | null = null;
    try {
      await job.run(fireAt);
    } catch (err) {
      error = (err as Error).message ?? String(err);
      log.error({ err, job: job.name, fireAt }, 'job failed');
    }
    await jobRuns.finish(key, deps.clock.now(), error).catch(() => {});
    log.debug({ job: job.name, fireAt, ms: Date.now() - started }, 'job ran');
  }

  const coordinator = (job: Job): RunCoordinator => ({
    shouldRun: (key) => jobRuns.claim(key, job.name, new Date(key.slice(job.name.length + 1))),
  });

  return {
    add(job: Job) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} already scheduled`);
      if (!cron.validate(job.cron)) throw new Error(`job ${job.name}: invalid cron expression ${job.cron}`);
      jobs.set(job.name, job);
    },
    jobs: () => [...jobs.values()],

    /** Live scheduling on the system clock. */
    start() {
      for (const job of jobs.values()) {
        const task = cron.schedule(
          job.cron,
          async (ctx) => {
            const key = `${job.name}:${ctx.date.toISOString()}`;
            const p = fire(job, ctx.date, key);
            running.add(p);
            await p.finally(() => running.delete(p));
          },
          {
            name: job.name,
            timezone: job.timeZone,
            noOverlap: true,
            distributed: true,
            runCoordinator: coordinator(job),
          },
        );
        tasks.push(task);
      }
    },

    /** Stops firing and waits for running jobs to finish. Safe to call twice. */
    async stop() {
      for (const t of tasks.splice(0)) await t.destroy();
      await Promise.allSettled([...running]);
    },

    /**
     * Simulated time: runs, in time order, every fire of every job in (from, to]. Each fire is claimed
     * through the same coordinator table as live fires, so a fire never runs twice.
     */
    async runDue(from: Date, to: Date): Promise<number> {
      let count = 0;
      const start = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
      for (let t = start; t <= to.getTime(); t += MINUTE) {
        const at = new Date(t);
        for (const job of jobs.values()) {
          if (!matcher(job).match(at)) continue;
          const key = `${job.name}:${at.toISOString()}`;
          if (!(await jobRuns.claim(key, job.name, at))) continue;
          if (deps.onSimulatedFire) await deps.onSimulatedFire(at);
          await fire(job, at, key);
          count++;
        }
      }
      return count;
    },
  };

  function matcher(job: Job): ScheduledTask {
    let m = matchers.get(job.name);
    if (!m) {
      m = cron.createTask(job.cron, () => {}, { timezone: job.timeZone });
      matchers.set(job.name, m);
    }
    return m;
  }
}

export type Scheduler = ReturnType<typeof createScheduler>;

// The scheduler: the only importer of node-cron. Jobs are plain values (name, cron expression, zone,
// run); live, node-cron fires them with a Postgres-backed run coordinator so that each fire runs once
// across instances; in simulated time (replay, tests) `runDue` fires every job due in an interval.
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import { isConnectionError } from '../../db/errors.js';
import type { JobRunsRepo } from '../../db/repositories/job-runs.js';
import { backoffMs } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import { addDays, eachDay, localDate, zonedInstant } from '../core/time.js';
import type { Logger } from '../log.js';

export interface Job {
  name: string;
  /** Five-field cron expression (minute hour day month weekday), in `timeZone`… */
  cron?: string;
  /** …or once a day at this local HH:MM. */
  daily?: string;
  timeZone: string;
  /** Housekeeping that has no meaning in simulated time. */
  liveOnly?: boolean;
  run(fireAt: Date): Promise<void>;
}

function cronOf(job: Job): string {
  if (job.cron) return job.cron;
  const [h, m] = (job.daily ?? '').split(':').map(Number);
  return `${m} ${h} * * *`;
}

export interface SchedulerDeps {
  jobRuns: JobRunsRepo;
  clock: Clock;
  log: Logger;
}

export interface SimulatedHooks {
  /** Before each fire (replay moves its clock to the fire time). */
  before?: (at: Date) => Promise<void> | void;
  /** After each fire (replay sends what the job queued). */
  after?: (at: Date) => Promise<void> | void;
}

const MINUTE = 60_000;
// How long a fire waits for a database that is away before it is skipped (node-cron fails closed).
const CLAIM_PATIENCE_MS = 30_000;

export function createScheduler(deps: SchedulerDeps) {
  const { log, jobRuns } = deps;
  const jobs = new Map<string, Job>();
  const tasks = new Map<string, ScheduledTask>();
  let live = false;
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

  /** Claims a live fire; a short database outage delays the fire instead of losing it. */
  async function claimLive(job: Job, key: string): Promise<boolean> {
    const firedAt = new Date(key.slice(job.name.length + 1));
    const giveUpAt = Date.now() + CLAIM_PATIENCE_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await jobRuns.claim(key, job.name, firedAt);
      } catch (err) {
        if (!isConnectionError(err) || !live || Date.now() > giveUpAt) {
          log.error({ err, job: job.name, firedAt }, 'could not claim a job fire; skipped');
          return false;
        }
        await new Promise((r) => setTimeout(r, backoffMs(attempt, 250, 5_000)));
      }
    }
  }

  const coordinator = (job: Job): RunCoordinator => ({
    shouldRun: (key) => claimLive(job, key),
  });

  return {
    add(job: Job) {
      validate(job);
      jobs.set(job.name, job);
      if (live) schedule(job);
    },
    /** Replaces every job whose name starts with `prefix` (a site's timetable after its settings changed). */
    async replace(prefix: string, next: Job[]) {
      for (const name of [...jobs.keys()]) {
        if (!name.startsWith(prefix)) continue;
        jobs.delete(name);
        await tasks.get(name)?.destroy();
        tasks.delete(name);
      }
      for (const job of next) this.add(job);
    },
    jobs: () => [...jobs.values()],

    /** Live scheduling on the system clock. */
    start() {
      live = true;
      for (const job of jobs.values()) schedule(job);
    },

    /** Stops firing and waits for running jobs to finish. Safe to call twice. */
    async stop() {
      live = false;
      for (const t of tasks.values()) await t.destroy();
      tasks.clear();
      await Promise.allSettled([...running]);
    },

    /**
     * Simulated time: runs, in time order, every fire of every job in (from, to]. Each fire is claimed
     * through the same coordinator table as live fires, so a fire never runs twice.
     */
    async runDue(from: Date, to: Date, hooks: SimulatedHooks = {}): Promise<number> {
      const fires: { at: Date; job: Job; order: number }[] = [];
      let order = 0;
      for (const job of jobs.values()) {
        order++;
        if (job.liveOnly) continue;
        for (const at of job.daily ? dailyFires(job, from, to) : cronFires(job, from, to))
          fires.push({ at, job, order });
      }
      fires.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
      let count = 0;
      for (const { at, job } of fires) {
        const key = `${job.name}:${at.toISOString()}`;
        if (!(await jobRuns.claim(key, job.name, at))) continue;
        await hooks.before?.(at);
        await fire(job, at, key);
        await hooks.after?.(at);
        count++;
      }
      return count;
    },
  };

  function validate(job: Job) {
    if (jobs.has(job.name)) throw new Error(`job ${job.name} already scheduled`);
    if (!job.cron === !job.daily) throw new Error(`job ${job.name}: give either cron or daily`);
    if (job.daily && !/^([01]\d|2[0-3]):[0-5]\d$/.test(job.daily))
      throw new Error(`job ${job.name}: daily must be HH:MM, not ${job.daily}`);
    if (!cron.validate(cronOf(job))) throw new Error(`job ${job.name}: invalid cron expression ${job.cron}`);
  }

  function schedule(job: Job) {
    const task = cron.schedule(
      cronOf(job),
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
    tasks.set(job.name, task);
  }

  function cronFires(job: Job, from: Date, to: Date): Date[] {
    let m = matchers.get(job.name);
    if (!m) {
      m = cron.createTask(cronOf(job), () => {}, { timezone: job.timeZone });
      matchers.set(job.name, m);
    }
    const out: Date[] = [];
    for (let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE; t <= to.getTime(); t += MINUTE) {
      if (m.match(new Date(t))) out.push(new Date(t));
    }
    return out;
  }
}

export type Scheduler = ReturnType<typeof createScheduler>;

/** The instants in (from, to] at which the local clock of the job's zone shows its daily time. */
function dailyFires(job: Job, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const first = addDays(localDate(from, job.timeZone), -1);
  const last = localDate(to, job.timeZone);
  for (const d of eachDay(first, last, Number.MAX_SAFE_INTEGER)) {
    const at = zonedInstant(d, job.daily as string, job.timeZone);
    if (at > from && at <= to) out.push(at);
  }
  return out;
}

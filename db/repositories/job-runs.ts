import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { jobRuns } from '../schema.js';

/**
 * The run coordinator behind node-cron's `distributed` tasks: one row per job fire, so of several
 * instances on one database exactly one wins each fire (the insert that does not conflict).
 */
export function createJobRunsRepo(db: Executor, instance: string) {
  return {
    /** Claims the fire `key` (`job:ISO-time`). True for the one caller that gets it. */
    async claim(key: string, job: string, firedAt: Date): Promise<boolean> {
      const rows = await db
        .insert(jobRuns)
        .values({ key, job, firedAt, instance })
        .onConflictDoNothing({ target: jobRuns.key })
        .returning({ key: jobRuns.key });
      return rows.length === 1;
    },
    async finish(key: string, at: Date, error: string | null) {
      await db.update(jobRuns).set({ finishedAt: at, error }).where(eq(jobRuns.key, key));
    },
    async list(job?: string) {
      return db
        .select()
        .from(jobRuns)
        .where(job ? eq(jobRuns.job, job) : undefined)
        .orderBy(jobRuns.firedAt);
    },
    async prune(before: Date) {
      await db.delete(jobRuns).where(and(lt(jobRuns.firedAt, before)));
    },
  };
}

export type JobRunsRepo = ReturnType<typeof createJobRunsRepo>;

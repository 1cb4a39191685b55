// Jobs that keep the pipeline whole: messages stored but never handled (the process died between the
// two) are handled again, and old coordinator rows are pruned.
import type { JobRunsRepo } from '../../db/repositories/job-runs.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage } from '../core/domain.js';
import type { Services } from '../services/index.js';
import { chatMessageOf } from '../services/stored-message.js';
import type { Job } from './scheduler.js';

const STALL_MS = 2 * 60_000;
const MAX_ATTEMPTS = 3;

export function redispatchStalledJob(
  services: Pick<Services, 'messages' | 'groups'>,
  handle: (msg: ChatMessage) => Promise<void>,
  timeZone: string,
  clock: Clock,
): Job {
  return {
    name: 'redispatch-stalled-messages',
    cron: '* * * * *',
    timeZone,
    liveOnly: true,
    // Measured on the service's clock, which stamped `receivedAt` (the same as the system's, live; a
    // simulated one in the sandbox and tests, where the fire's own time would find every message stalled).
    async run() {
      const stalled = await services.messages.stalled(
        new Date(clock.now().getTime() - STALL_MS),
        MAX_ATTEMPTS,
        100,
      );
      for (const row of stalled) await handle(await chatMessageOf(row, services.groups));
    },
  };
}

export function pruneJobRunsJob(jobRuns: JobRunsRepo, timeZone: string): Job {
  return {
    name: 'prune-job-runs',
    cron: '17 3 * * *',
    timeZone,
    liveOnly: true,
    async run(fireAt) {
      await jobRuns.prune(new Date(fireAt.getTime() - 30 * 86_400_000));
    },
  };
}

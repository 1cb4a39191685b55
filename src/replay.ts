// `shouwang replay`: a chat log through the same pipeline as live traffic (the sandbox's mock puppet,
// Wechaty, intake, robot, bots, outbox) with a simulated clock that follows the messages. Before each
// message every scheduled job due by then runs; after the last, jobs run up to `until`.
import type { Database } from '../db/client.js';
import { createSandboxWorld } from './chat/sandbox.js';
import type { Config } from './config.js';
import { createSimulatedClock } from './core/clock.js';
import type { ReplayEvent } from './core/replay-file.js';
import type { Logger } from './log.js';
import { createShouwang } from './shouwang.js';

export interface ReplayResult {
  messages: number;
  jobsRun: number;
  sent: number;
  unprocessed: number;
}

export async function replay(opts: {
  config: Config;
  database: Database;
  log: Logger;
  events: ReplayEvent[];
  until?: Date;
}): Promise<ReplayResult> {
  const { events } = opts;
  const first = events[0]?.at ?? opts.until;
  if (!first) return { messages: 0, jobsRun: 0, sent: 0, unprocessed: 0 };
  const clock = createSimulatedClock(first);
  const world = createSandboxWorld(opts.config.chat.botName);
  const sw = await createShouwang({
    config: opts.config,
    database: opts.database,
    log: opts.log,
    clock,
    world,
    ignoreBeforeLogin: false,
  });
  const result: ReplayResult = { messages: 0, jobsRun: 0, sent: 0, unprocessed: 0 };
  await sw.start({ listen: false, jobs: false });
  try {
    let prev = new Date(first.getTime() - 1);
    const advanceTo = async (to: Date) => {
      if (to.getTime() <= prev.getTime()) return;
      result.jobsRun += await sw.scheduler.runDue(prev, to, {
        before: (at) => clock.set(at),
        after: async () => {
          result.sent += await sw.outboxWorker.drain();
        },
      });
      clock.set(to);
      result.sent += await sw.outboxWorker.drain();
      prev = to;
    };
    for (const e of events) {
      await advanceTo(e.at);
      clock.set(e.at);
      const id = world.say({ room: e.room, from: e.from, text: e.text, at: e.at, mentions: e.mentions });
      if (!(await sw.waitProcessed(id))) {
        result.unprocessed++;
        opts.log.warn({ line: e.line }, 'replayed message was not processed in time');
      }
      result.messages++;
      result.sent += await sw.outboxWorker.drain();
    }
    if (opts.until) await advanceTo(opts.until);
  } finally {
    await sw.stop();
  }
  return result;
}

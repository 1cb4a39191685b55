// The whole service as one value: database → services → robot and bots → chat → HTTP → jobs.
// Building has no side effects beyond the objects; start() brings the parts up in order and stop()
// takes them down in the reverse order (chat, jobs, HTTP, database). Used by main.ts, the CLI and tests.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { createJobRunsRepo } from '../db/repositories/job-runs.js';
import { createOutboxRepo } from '../db/repositories/outbox.js';
import { createRegistryRepo } from '../db/repositories/registry.js';
import { createChatTransport } from './chat/puppets.js';
import { createRoomSync } from './chat/room-sync.js';
import type { SandboxWorld } from './chat/sandbox.js';
import type { ChatTransport } from './chat/types.js';
import type { Config } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import { capWarning, noticeFailedText, PERSONAL_NOTICES } from './core/outgoing.js';
import { buildApp } from './http/app.js';
import { pruneJobRunsJob, redispatchStalledJob } from './jobs/housekeeping.js';
import { createScheduler } from './jobs/scheduler.js';
import { timetableJobs } from './jobs/timetable.js';
import type { Logger } from './log.js';
import { createRoad } from './road.js';
import { createAccountGuard } from './services/account-guard.js';
import { watchEventLoop } from './services/event-loop.js';
import { createServices } from './services/index.js';
import { createFileSpool } from './services/intake-spool.js';
import { createMetrics, instrumentJobRuns, instrumentOutboxRepo } from './services/metrics.js';
import { createOutboxWorker, type OutboxPolicy } from './services/outbox-worker.js';
import { sandboxHistory } from './services/sandbox-history.js';
import { chatMessageOf } from './services/stored-message.js';

export interface ShouwangOptions {
  config: Config;
  database: Database;
  log: Logger;
  clock?: Clock;
  /** A transport of the caller's (tests); by default the puppet service when configured, else the sandbox. */
  transport?: ChatTransport;
  /** The sandbox world to use when running on the mock puppet (tests pass theirs to drive it). */
  world?: SandboxWorld;
  outboxPolicy?: Partial<OutboxPolicy>;
  /** Drop messages older than login (default true; replay turns it off). */
  ignoreBeforeLogin?: boolean;
  instanceId?: string;
  /** A file for messages that wait for the database (taken again at the next start); none by default. */
  intakeSpool?: string;
  /** Bad API tokens allowed per address within the window (tests lower it). */
  authFailures?: { max: number; windowMs: number };
}

export async function createShouwang(opts: ShouwangOptions) {
  const { config, database, log } = opts;
  const clock = opts.clock ?? systemClock;
  const instanceId = opts.instanceId ?? randomUUID();

  const { transport: chat, world } = opts.transport
    ? { transport: opts.transport, world: null }
    : createChatTransport(config.chat, log.child({ part: 'chat' }), opts);

  /** The bot user this instance's WeChat is logged in as (null before login). */
  const accountOf = () => chat.self()?.id ?? null;

  const metrics = createMetrics();
  const eventLoop = watchEventLoop();
  let worker: ReturnType<typeof createOutboxWorker> | null = null;
  const services = createServices({
    database,
    clock,
    log,
    defaultZone: config.timeZone,
    // Called after a commit: messages handled in a unit of work wake the worker once the unit commits.
    notifyOutbox: () => worker?.notify(),
    batchSize: config.batchSize,
    account: accountOf,
    intakeSpool: opts.intakeSpool
      ? createFileSpool(opts.intakeSpool, log.child({ part: 'intake' }))
      : undefined,
  });
  worker = createOutboxWorker({
    repo: instrumentOutboxRepo(createOutboxRepo(database.db), metrics),
    groups: services.groups,
    sender: chat,
    clock,
    log: log.child({ part: 'outbox' }),
    defaultZone: config.timeZone,
    // One instance per WeChat account on a shared database: each sends only its own groups' messages.
    account: accountOf,
    onGivenUp: async (row) => {
      if (!PERSONAL_NOTICES.has(row.kind) || !row.groupId) return;
      const group = await services.groups.byId(row.groupId);
      if (!group?.siteId) return;
      await services.outbox.toSiteGroup(group.siteId, group.siteKind === 'village' ? 'volunteers' : 'staff', {
        text: noticeFailedText(group.topic, row.text),
        kind: 'notice-failed',
        urgent: true,
      });
    },
    onCapNear: async ({ group, sent, cap, day }) => {
      if (!group.siteId || !group.role) return;
      const staffRole = group.siteKind === 'village' ? 'volunteers' : 'staff';
      await services.outbox.toSiteGroup(group.siteId, staffRole, {
        text: capWarning(group.topic, sent, cap),
        kind: 'cap-warning',
        dedupeKey: `cap:${group.id}:${day.toISOString()}`,
      });
    },
    policy: {
      intervalMs: config.outbox.sendIntervalMs,
      jitterMs: config.outbox.sendJitterMs,
      groupDailyCap: config.outbox.groupDailyCap,
      ...opts.outboxPolicy,
    },
  });
  const outboxWorker = worker;

  const { robot, handle } = createRoad({
    db: database.db,
    clock,
    log,
    services,
    committed: (states) => {
      for (const state of states) metrics.messagesProcessed.inc({ state });
      metrics.handlingBatch.observe(states.length);
      outboxWorker.notify();
    },
    maxBatch: config.batchSize,
    // Half the pool: each may hold a transaction and still query; two batches may be open as well.
    soloConcurrency: Math.max(1, Math.floor(database.poolSize / 2) - 2),
  });
  // A message staff fixed in 待处理消息 is read again on the road, with what the fix taught.
  services.admin.review.onReadAgain(async (id) => {
    const row = await services.messages.byId(id);
    if (row) await handle(await chatMessageOf(row, services.groups));
  });
  services.intake.onStored(async (msg) => {
    metrics.messagesReceived.inc();
    await handle(msg);
  });

  const jobRuns = instrumentJobRuns(createJobRunsRepo(database.db, instanceId), metrics);
  const scheduler = createScheduler({ jobRuns, clock, log: log.child({ part: 'jobs' }) });
  scheduler.add(redispatchStalledJob(services, handle, config.timeZone, clock));
  scheduler.add(pruneJobRunsJob(jobRuns, config.timeZone));

  /** Every site's timetable (reminders, nudges, digests, volunteers' lists) from its current settings. */
  async function loadTimetable(): Promise<void> {
    const sites = await createRegistryRepo(database.db).listSites();
    const deps = { quarantine: services.quarantine.timetable, village: services.village.timetable };
    await scheduler.replace(
      'site',
      sites.flatMap((site) => timetableJobs(site, deps)),
    );
  }
  // Sites and groups may also change from another process (`shouwang setup`): look again now and then.
  scheduler.add({
    name: 'reload-timetable',
    cron: '*/5 * * * *',
    timeZone: config.timeZone,
    liveOnly: true,
    run: async () => {
      await loadTimetable();
      await syncRooms();
    },
  });

  // Called after a site is created or its settings change through the API (the timetable is rebuilt).
  const siteListeners: (() => Promise<void> | void)[] = [loadTimetable];
  const app = await buildApp({
    log: log.child({ part: 'http' }),
    trustProxy: config.http.trustProxy,
    metrics: { metrics, database },
    api: {
      services,
      clock,
      defaultZone: config.timeZone,
      onSitesChanged: async () => {
        for (const listener of siteListeners) await listener();
      },
      authFailures: opts.authFailures,
      sandbox: world ?? undefined,
      outboxBudget: {
        cap: outboxWorker.policy.groupDailyCap,
        reserve: outboxWorker.policy.groupDailyReserve,
      },
    },
    health: async () => {
      let state: 'up' | 'down' = 'up';
      try {
        await database.ping();
      } catch {
        state = 'down';
      }
      return {
        database: { driver: database.driver, state },
        chat: { puppet: chat.kind, state: chat.state(), user: chat.self()?.name ?? null },
        eventLoop: eventLoop.read(),
      };
    },
  });

  const syncRooms = createRoomSync({ groups: services.groups, chat, world, account: accountOf });

  /** Waits until a delivered message has been stored and handled (replay and tests). */
  async function waitProcessed(providerId: string, timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 2; Date.now() < deadline; pause = Math.min(pause * 2, 50)) {
      const row = await services.messages.byProviderId(providerId);
      if (row && row.state !== 'received') return true;
      await new Promise((r) => setTimeout(r, pause));
    }
    return false;
  }

  let started = { http: false, chat: false, jobs: false };
  const accountGuard = createAccountGuard({
    database,
    log,
    // Another instance took the account: this one stops sending until the account is free again.
    onLost: () => (started.jobs ? outboxWorker.stop() : Promise.resolve()),
    onRegained: () => (started.jobs ? outboxWorker.start() : undefined),
  });
  return {
    config,
    database,
    clock,
    services,
    robot,
    chat,
    world,
    scheduler,
    outboxWorker,
    app,
    metrics,
    syncRooms,
    loadTimetable,
    waitProcessed,
    checkAccountLock: () => accountGuard.check(),
    /** Runs `listener` after a site is created or its settings change through the admin API. */
    onSitesChanged(listener: () => Promise<void> | void) {
      siteListeners.push(listener);
    },

    /** Brings the service up: HTTP (when `listen`), chat (waits for login), rooms, outbox worker, scheduler. */
    async start(startOpts: { listen?: boolean; jobs?: boolean } = {}) {
      if (startOpts.listen !== false) {
        await app.listen({ host: config.http.host, port: config.http.port });
        started.http = true;
      } else {
        await app.ready();
      }
      // What an earlier run wrote down while the database was away goes first, before anything new.
      await services.intake.recover();
      await chat.start((incoming) => services.intake.accept(incoming));
      started.chat = true;
      const account = accountOf();
      if (account) {
        try {
          await accountGuard.take(account);
        } catch (err) {
          started.chat = false;
          await chat.stop();
          await services.intake.stop();
          throw err;
        }
      }
      await syncRooms();
      // The simulated WeChat starts empty: put back what its groups said before a restart.
      if (world)
        for (const h of await sandboxHistory(database.db, config.chat.botName)) world.restore(h.topic, h);
      await loadTimetable();
      if (startOpts.jobs !== false) {
        outboxWorker.start();
        scheduler.start();
        started.jobs = true;
      }
    },

    /** Ordered shutdown; safe to call twice. The database is the caller's to close. */
    async stop() {
      const s = started;
      started = { http: false, chat: false, jobs: false };
      if (s.chat) await chat.stop();
      await services.intake.stop();
      if (s.jobs) {
        await scheduler.stop();
        await outboxWorker.stop();
      }
      await accountGuard.release();
      await app.close();
      eventLoop.stop();
    },
  };
}

export type Shouwang = Awaited<ReturnType<typeof createShouwang>>;

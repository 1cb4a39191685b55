// Prometheus metrics (prom-client) of one process, in a registry of its own. Events are counted as they
// happen (messages, sends, job runs); states are read from the database at scrape time (unplaced
// messages, open alerts, outbox backlog), so they agree across instances and survive restarts.

import { sql } from 'drizzle-orm';
import client from 'prom-client';
import { type Database, queryRows } from '../../db/client.js';
import type { JobRunsRepo } from '../../db/repositories/job-runs.js';
import type { OutboxRepo } from '../../db/repositories/outbox.js';
import { groupBudgets } from '../../db/repositories/outbox-admin.js';

export function createMetrics(opts: { defaultMetrics?: boolean } = {}) {
  const registry = new client.Registry();
  if (opts.defaultMetrics !== false) client.collectDefaultMetrics({ register: registry });
  const r = { registers: [registry] };

  const m = {
    messagesReceived: new client.Counter({
      name: 'shouwang_messages_received_total',
      help: 'Group messages stored (each once, duplicates not counted)',
      ...r,
    }),
    messagesProcessed: new client.Counter({
      name: 'shouwang_messages_processed_total',
      help: 'Messages handled by the bot, by outcome',
      labelNames: ['state'] as const,
      ...r,
    }),
    handlingBatch: new client.Histogram({
      name: 'shouwang_handling_batch_messages',
      help: 'Messages handled together in one transaction (1: on their own)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      ...r,
    }),
    unplaced: new client.Gauge({
      name: 'shouwang_messages_unplaced',
      help: 'Messages waiting for staff review',
      ...r,
    }),
    records: new client.Gauge({
      name: 'shouwang_records',
      help: 'Records in the database, by type',
      labelNames: ['type'] as const,
      ...r,
    }),
    alertsOpen: new client.Gauge({ name: 'shouwang_alerts_open', help: 'Alerts not yet acknowledged', ...r }),
    outboxBacklog: new client.Gauge({
      name: 'shouwang_outbox_backlog',
      help: 'Messages waiting to be sent (pending or being sent)',
      ...r,
    }),
    outboxFailed: new client.Gauge({
      name: 'shouwang_outbox_failed',
      help: 'Messages that failed for good and wait for a retry by staff',
      ...r,
    }),
    sent: new client.Counter({ name: 'shouwang_outbox_sent_total', help: 'Messages sent to WeChat', ...r }),
    sendFailures: new client.Counter({
      name: 'shouwang_outbox_send_failures_total',
      help: 'Failed sends; final="true" when the message was given up',
      labelNames: ['final'] as const,
      ...r,
    }),
    jobRuns: new client.Counter({
      name: 'shouwang_job_runs_total',
      help: 'Scheduled job fires run by this instance',
      labelNames: ['job'] as const,
      ...r,
    }),
    jobFailures: new client.Counter({
      name: 'shouwang_job_failures_total',
      help: 'Scheduled job fires that failed',
      labelNames: ['job'] as const,
      ...r,
    }),
    groupSentToday: new client.Gauge({
      name: 'shouwang_group_sent_today',
      help: "Messages sent to a group since the start of its site's local day (the daily cap counts these)",
      labelNames: ['group'] as const,
      ...r,
    }),
    groupHeld: new client.Gauge({
      name: 'shouwang_group_held',
      help: 'Messages of a group waiting past their time, by why (cap, merge window, quiet hours)',
      labelNames: ['group', 'why'] as const,
      ...r,
    }),
    dbUp: new client.Gauge({ name: 'shouwang_db_up', help: '1 when the database answered the scrape', ...r }),
    dbPoolSize: new client.Gauge({
      name: 'shouwang_db_pool_size',
      help: 'Most database connections this process opens',
      ...r,
    }),
    dbConnections: new client.Gauge({
      name: 'shouwang_db_connections',
      help: "The service's database connections by state (Postgres: all instances; PGlite: its one)",
      labelNames: ['state'] as const,
      ...r,
    }),
  };

  /** Reads the database states into the gauges; a database that does not answer gives shouwang_db_up 0. */
  async function refresh(database: Database): Promise<void> {
    m.dbPoolSize.set(database.poolSize);
    try {
      const [c] = await queryRows<Record<string, number>>(
        database.db,
        sql`select
          (select count(*)::int from messages where state = 'unplaced') as unplaced,
          (select count(*)::int from alerts where status = 'open') as alerts_open,
          (select count(*)::int from outbox where status in ('pending', 'sending')) as backlog,
          (select count(*)::int from outbox where status = 'failed') as failed,
          (select count(*)::int from health_reports) as health,
          (select count(*)::int from requests) as request,
          (select count(*)::int from orders) as "order",
          (select count(*)::int from water_bookings) as water,
          (select count(*)::int from alerts) as alert`,
      );
      const n = (k: string) => Number(c?.[k] ?? 0);
      m.unplaced.set(n('unplaced'));
      m.alertsOpen.set(n('alerts_open'));
      m.outboxBacklog.set(n('backlog'));
      m.outboxFailed.set(n('failed'));
      for (const type of ['health', 'request', 'order', 'water', 'alert']) m.records.set({ type }, n(type));
      const budgets = await groupBudgets(database.db, new Date());
      m.groupSentToday.reset();
      m.groupHeld.reset();
      for (const b of budgets) {
        m.groupSentToday.set({ group: b.topic }, b.sentToday);
        for (const [why, n] of Object.entries(b.held)) if (n) m.groupHeld.set({ group: b.topic, why }, n);
      }
      m.dbConnections.reset();
      if (database.driver === 'pglite') m.dbConnections.set({ state: 'open' }, 1);
      else {
        const rows = await queryRows<{ state: string | null; n: number }>(
          database.db,
          sql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
              where datname = current_database() and application_name = 'shouwang' group by 1`,
        );
        for (const row of rows) m.dbConnections.set({ state: row.state ?? 'unknown' }, Number(row.n));
      }
      m.dbUp.set(1);
    } catch {
      m.dbUp.set(0);
    }
  }

  return {
    ...m,
    registry,
    contentType: registry.contentType,
    /** The text exposition, after reading the database states. */
    async scrape(database: Database): Promise<string> {
      await refresh(database);
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The outbox repository as the worker sees it, counting sends and failed sends. */
export function instrumentOutboxRepo(repo: OutboxRepo, metrics: Metrics): OutboxRepo {
  return {
    ...repo,
    async markSent(...args) {
      await repo.markSent(...args);
      metrics.sent.inc();
    },
    async reschedule(id, notBefore, reason, countAttempt = true) {
      await repo.reschedule(id, notBefore, reason, countAttempt);
      // Holds (daily cap) are not failures.
      if (countAttempt) metrics.sendFailures.inc({ final: 'false' });
    },
    async markFailed(...args) {
      await repo.markFailed(...args);
      metrics.sendFailures.inc({ final: 'true' });
    },
  };
}

/** The job-run coordinator as the scheduler sees it, counting the fires this instance ran. */
export function instrumentJobRuns(repo: JobRunsRepo, metrics: Metrics): JobRunsRepo {
  const claimed = new Map<string, string>();
  // One series per kind of job, not per site: `site12:remind-am` counts as `remind-am`.
  const label = (job: string) => job.replace(/^site\d+:/, '');
  return {
    ...repo,
    async claim(key, job, firedAt) {
      const won = await repo.claim(key, job, firedAt);
      if (won) claimed.set(key, job);
      return won;
    },
    async finish(key, at, error) {
      await repo.finish(key, at, error);
      const job = claimed.get(key);
      if (job === undefined) return;
      claimed.delete(key);
      metrics.jobRuns.inc({ job: label(job) });
      if (error !== null) metrics.jobFailures.inc({ job: label(job) });
    },
  };
}

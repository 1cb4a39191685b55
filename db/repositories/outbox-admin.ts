// The outbox as the admin API lists it and retries failed messages.
import { and, asc, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { OutboxState } from '../../src/core/domain.js';
import { DEFAULT_ZONE } from '../../src/core/time.js';
import type { Executor } from '../client.js';
import { groups, outbox, sites } from '../schema.js';
import { type Keyset, localDateWithin } from './filters.js';

export interface OutboxFilter extends Keyset {
  scope: number[] | null;
  siteId?: number;
  /** A room's topic. */
  room?: string;
  status?: OutboxState;
  from?: string;
  to?: string;
  defaultZone: string;
}

export function createOutboxAdminRepo(db: Executor) {
  const select = () =>
    db
      .select({
        id: outbox.id,
        siteId: groups.siteId,
        timeZone: sites.timeZone,
        groupId: outbox.groupId,
        topic: outbox.topic,
        text: outbox.text,
        mentions: outbox.mentions,
        kind: outbox.kind,
        urgent: outbox.urgent,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        notBefore: outbox.notBefore,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
        sourceMessageId: outbox.sourceMessageId,
      })
      .from(outbox)
      .leftJoin(groups, eq(groups.id, outbox.groupId))
      .leftJoin(sites, eq(sites.id, groups.siteId));

  return {
    async list(f: OutboxFilter) {
      const zone = sql`coalesce(${sites.timeZone}, ${f.defaultZone})`;
      const where: (SQL | undefined)[] = [];
      if (f.scope !== null) where.push(inArray(groups.siteId, f.scope.length ? f.scope : [-1]));
      if (f.siteId !== undefined) where.push(eq(groups.siteId, f.siteId));
      if (f.room) where.push(eq(outbox.topic, f.room));
      if (f.status) where.push(eq(outbox.status, f.status));
      where.push(...localDateWithin(outbox.createdAt, zone, f.from, f.to));
      if (f.afterId !== undefined) where.push(gt(outbox.id, f.afterId));
      return select()
        .where(and(...where))
        .orderBy(asc(outbox.id))
        .limit(f.limit);
    },

    /**
     * What the bot relayed of one kind into the site's groups between two instants, oldest first: one row per
     * source message (a relay to two groups of one role is one relay).
     */
    async relayed(siteId: number, kind: string, from: Date, to: Date) {
      const rows = await db
        .select({
          id: outbox.id,
          createdAt: outbox.createdAt,
          text: outbox.text,
          urgent: outbox.urgent,
          payload: outbox.payload,
          sourceMessageId: outbox.sourceMessageId,
        })
        .from(outbox)
        .innerJoin(groups, eq(groups.id, outbox.groupId))
        .where(
          and(
            eq(groups.siteId, siteId),
            eq(outbox.kind, kind),
            gte(outbox.createdAt, from),
            lt(outbox.createdAt, to),
          ),
        )
        .orderBy(asc(outbox.createdAt), asc(outbox.id));
      const seen = new Set<number>();
      return rows.filter((r) => {
        if (r.sourceMessageId === null) return true;
        if (seen.has(r.sourceMessageId)) return false;
        seen.add(r.sourceMessageId);
        return true;
      });
    },

    async byId(id: number) {
      const [r] = await select().where(eq(outbox.id, id)).limit(1);
      return r ?? null;
    },

    /** A failed row back to pending, due `at`, with a fresh count of attempts; null unless it had failed. */
    async retry(id: number, at: Date) {
      const [r] = await db
        .update(outbox)
        .set({ status: 'pending', notBefore: at, attempts: 0, claimExpiresAt: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
        .returning({ id: outbox.id });
      return r ?? null;
    },
  };
}

export type OutboxAdminRepo = ReturnType<typeof createOutboxAdminRepo>;
export type OutboxAdminRow = NonNullable<Awaited<ReturnType<OutboxAdminRepo['byId']>>>;

export interface GroupBudget {
  groupId: number;
  siteId: number | null;
  topic: string;
  /** Messages sent since the start of the site's local day. */
  sentToday: number;
  /** Messages waiting past their time, by why. */
  held: { cap: number; merge: number; quiet: number };
}

/**
 * Every group's use of its day and what waits: what /metrics and the console show of the outbox's budget.
 * One statement; the local day is the site's.
 */
export async function groupBudgets(
  db: Executor,
  now: Date,
  defaultZone = DEFAULT_ZONE,
): Promise<GroupBudget[]> {
  const zone = sql`coalesce(${sites.timeZone}, ${defaultZone})`;
  const dayStart = sql`(date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${zone}) at time zone ${zone})`;
  const rows = await db
    .select({
      groupId: groups.id,
      siteId: groups.siteId,
      topic: groups.topic,
      sentToday: sql<number>`(select count(*)::int from ${outbox} o where o.group_id = ${groups.id}
        and o.status = 'sent' and o.sent_at >= ${dayStart})`,
      cap: sql<number>`(select count(*)::int from ${outbox} o where o.group_id = ${groups.id}
        and o.status = 'pending' and o.last_error = 'daily cap reached')`,
      merge: sql<number>`(select count(*)::int from ${outbox} o where o.group_id = ${groups.id}
        and o.status = 'pending' and o.last_error like 'waiting to be merged%')`,
      quiet: sql<number>`(select count(*)::int from ${outbox} o where o.group_id = ${groups.id}
        and o.status = 'pending' and o.last_error is null and o.not_before > ${now.toISOString()}::timestamptz)`,
    })
    .from(groups)
    .leftJoin(sites, eq(sites.id, groups.siteId))
    .orderBy(asc(groups.id));
  return rows.map((r) => ({
    groupId: r.groupId,
    siteId: r.siteId,
    topic: r.topic,
    sentToday: Number(r.sentToday),
    held: { cap: Number(r.cap), merge: Number(r.merge), quiet: Number(r.quiet) },
  }));
}

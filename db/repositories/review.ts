// Stored messages as staff review them: those the bot could not place (and those that failed), with
// their group and site.
import { and, asc, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { MessageState } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { groups, messages, sites } from '../schema.js';
import { type Keyset, localDateWithin } from './filters.js';

export interface MessageFilter extends Keyset {
  scope: number[] | null;
  siteId?: number;
  groupId?: number;
  states: MessageState[];
  from?: string;
  to?: string;
  defaultZone: string;
}

export function createReviewRepo(db: Executor) {
  const select = () =>
    db
      .select({
        id: messages.id,
        siteId: groups.siteId,
        siteKind: sites.kind,
        timeZone: sites.timeZone,
        groupId: messages.groupId,
        groupRole: groups.role,
        topic: groups.topic,
        talkerName: messages.talkerName,
        text: messages.text,
        sentAt: messages.sentAt,
        state: messages.state,
        note: messages.note,
        processedAt: messages.processedAt,
      })
      .from(messages)
      .leftJoin(groups, eq(groups.id, messages.groupId))
      .leftJoin(sites, eq(sites.id, groups.siteId));

  const unplacedOf = (siteId: number, from?: Date, to?: Date) =>
    and(
      eq(groups.siteId, siteId),
      eq(messages.state, 'unplaced'),
      from ? gte(messages.sentAt, from) : undefined,
      to ? lt(messages.sentAt, to) : undefined,
    );

  return {
    /** Unplaced messages of a site's groups, oldest first; within [from, to) when given. */
    async unplaced(siteId: number, range: { from?: Date; to?: Date } = {}) {
      return db
        .select({
          id: messages.id,
          topic: groups.topic,
          talkerName: messages.talkerName,
          text: messages.text,
          sentAt: messages.sentAt,
          note: messages.note,
        })
        .from(messages)
        .innerJoin(groups, eq(groups.id, messages.groupId))
        .where(unplacedOf(siteId, range.from, range.to))
        .orderBy(asc(messages.sentAt), asc(messages.id));
    },

    async countUnplaced(siteId: number, range: { from?: Date; to?: Date } = {}): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .innerJoin(groups, eq(groups.id, messages.groupId))
        .where(unplacedOf(siteId, range.from, range.to));
      return r?.n ?? 0;
    },

    async list(f: MessageFilter) {
      const zone = sql`coalesce(${sites.timeZone}, ${f.defaultZone})`;
      const where: (SQL | undefined)[] = [inArray(messages.state, f.states)];
      if (f.scope !== null) where.push(inArray(groups.siteId, f.scope.length ? f.scope : [-1]));
      if (f.siteId !== undefined) where.push(eq(groups.siteId, f.siteId));
      if (f.groupId !== undefined) where.push(eq(messages.groupId, f.groupId));
      where.push(...localDateWithin(messages.sentAt, zone, f.from, f.to));
      if (f.afterId !== undefined) where.push(gt(messages.id, f.afterId));
      return select()
        .where(and(...where))
        .orderBy(asc(messages.id))
        .limit(f.limit);
    },

    async byId(id: number) {
      const [r] = await select().where(eq(messages.id, id)).limit(1);
      return r ?? null;
    },

    /** Puts a message back to be read again (a staff fix taught what it needed); null when it was not waiting. */
    async readAgain(id: number, from: MessageState[], note: string | null) {
      const [r] = await db
        .update(messages)
        .set({ state: 'received', processedAt: null, ...(note !== null ? { note } : {}) })
        .where(and(eq(messages.id, id), inArray(messages.state, from)))
        .returning({ id: messages.id });
      return r ?? null;
    },

    /** Marks a message reviewed if it is still in one of `from` states; null when it was not. */
    async markReviewed(id: number, from: MessageState[], at: Date, note: string | null) {
      const [r] = await db
        .update(messages)
        .set({ state: 'reviewed', processedAt: at, ...(note !== null ? { note } : {}) })
        .where(and(eq(messages.id, id), inArray(messages.state, from)))
        .returning({ id: messages.id });
      return r ?? null;
    },
  };
}

export type ReviewRepo = ReturnType<typeof createReviewRepo>;
export type ReviewRow = NonNullable<Awaited<ReturnType<ReviewRepo['byId']>>>;

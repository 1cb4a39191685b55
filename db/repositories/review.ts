// Messages the bot could not place, kept for staff review.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { groups, messages } from '../schema.js';

export function createReviewRepo(db: Executor) {
  const where = (siteId: number, from?: Date, to?: Date) =>
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
        .where(where(siteId, range.from, range.to))
        .orderBy(asc(messages.sentAt), asc(messages.id));
    },
    async countUnplaced(siteId: number, range: { from?: Date; to?: Date } = {}): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(messages)
        .innerJoin(groups, eq(groups.id, messages.groupId))
        .where(where(siteId, range.from, range.to));
      return r?.n ?? 0;
    },
  };
}

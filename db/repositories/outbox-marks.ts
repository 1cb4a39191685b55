// What becomes of queued messages once claimed (sent, merged, held, rescheduled, failed, expired) and what the
// outbox is asked about them (told since, sent times and counts, a list for the console). The queueing and
// claiming are in outbox.ts, which spreads these into the one outbox repository.
import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { groups, outbox } from '../schema.js';
import type { OutboxRow } from './outbox.js';

export function createOutboxMarks(db: Executor) {
  return {
    /** Whether `talkerId` was @mentioned in a message of this kind to the group since `since`. */
    async toldSince(groupId: number, talkerId: string, kind: string, since: Date): Promise<boolean> {
      const [r] = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.groupId, groupId),
            gte(outbox.createdAt, since),
            eq(outbox.kind, kind),
            sql`${outbox.mentions} @> ${JSON.stringify([{ id: talkerId }])}::jsonb`,
          ),
        )
        .limit(1);
      return r !== undefined;
    },

    /** When rows of this merge key were sent since `since`, latest first (at most `limit`). */
    async sentTimesOf(groupId: number, mergeKey: string, since: Date, limit: number): Promise<Date[]> {
      const rows = await db
        .select({ at: outbox.sentAt })
        .from(outbox)
        .where(
          and(
            eq(outbox.groupId, groupId),
            eq(outbox.status, 'sent'),
            eq(outbox.mergeKey, mergeKey),
            gte(outbox.sentAt, since),
          ),
        )
        .orderBy(desc(outbox.sentAt))
        .limit(limit);
      return rows.map((r) => r.at as Date);
    },

    /** The claimed `head` and the pending rows of its merge key wait until `until` (a merge window). */
    async holdMerged(head: OutboxRow, until: Date, reason: string) {
      if (!head.mergeKey) return;
      await db
        .update(outbox)
        .set({ status: 'pending', notBefore: until, lastError: reason, claimExpiresAt: null })
        .where(and(eq(outbox.mergeKey, head.mergeKey), eq(outbox.status, 'pending')));
      await db
        .update(outbox)
        .set({
          status: 'pending',
          notBefore: until,
          lastError: reason,
          claimExpiresAt: null,
          attempts: sql`${outbox.attempts} - 1`,
        })
        .where(eq(outbox.id, head.id));
    },

    /** Rows delivered inside another row's message (merged acknowledgements). */
    async markMerged(ids: readonly number[], into: number, at: Date) {
      if (ids.length === 0) return;
      await db
        .update(outbox)
        .set({ status: 'merged', sentAt: at, claimExpiresAt: null, lastError: `merged into ${into}` })
        .where(inArray(outbox.id, [...ids]));
    },

    /** A message that no longer makes sense (held past its expiry): never sent. */
    async markExpired(id: number, reason: string) {
      await db
        .update(outbox)
        .set({ status: 'expired', lastError: reason, claimExpiresAt: null })
        .where(eq(outbox.id, id));
    },

    async markSent(id: number, at: Date, providerMessageId: string | null) {
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: at, providerMessageId, claimExpiresAt: null, lastError: null })
        .where(eq(outbox.id, id));
    },

    /** Puts a claimed row back to wait until `notBefore`; `countAttempt: false` for holds that are not failures. */
    async reschedule(id: number, notBefore: Date, reason: string, countAttempt = true) {
      await db
        .update(outbox)
        .set({
          status: 'pending',
          notBefore,
          lastError: reason,
          claimExpiresAt: null,
          ...(countAttempt ? {} : { attempts: sql`${outbox.attempts} - 1` }),
        })
        .where(eq(outbox.id, id));
    },

    async markFailed(id: number, reason: string) {
      await db
        .update(outbox)
        .set({ status: 'failed', lastError: reason, claimExpiresAt: null })
        .where(eq(outbox.id, id));
    },

    async sentSince(groupId: number, since: Date): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.groupId, groupId), eq(outbox.status, 'sent'), gte(outbox.sentAt, since)));
      return r?.n ?? 0;
    },

    /** Oldest first, optionally for one room (by topic). */
    async list(filter: { topic?: string; limit?: number } = {}) {
      const where: SQL[] = [];
      if (filter.topic) where.push(eq(outbox.topic, filter.topic));
      return db
        .select()
        .from(outbox)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(outbox.createdAt), asc(outbox.id))
        .limit(filter.limit ?? 100_000);
    },

    async byId(id: number) {
      const [r] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
      return r ?? null;
    },

    async roomIdForGroup(groupId: number): Promise<string | null> {
      const [r] = await db
        .select({ roomId: groups.roomId })
        .from(groups)
        .where(eq(groups.id, groupId))
        .limit(1);
      return r?.roomId ?? null;
    },
  };
}

// Every step taken to reach a resident who has not reported (contact_attempts): what the ladder did and
// what staff's calls and visits came to.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { contactAttempts } from '../schema.js';

export type AttemptRow = typeof contactAttempts.$inferSelect;
export type NewAttempt = Omit<typeof contactAttempts.$inferInsert, 'id'>;

export function createContactAttemptsRepo(db: Executor) {
  return {
    /** Records attempts; a bot step (nudge, private, call-list) already recorded for the slot is kept once. */
    async add(rows: readonly NewAttempt[]): Promise<void> {
      if (rows.length)
        await db
          .insert(contactAttempts)
          .values([...rows])
          .onConflictDoNothing({
            target: [
              contactAttempts.residentId,
              contactAttempts.day,
              contactAttempts.slot,
              contactAttempts.step,
            ],
            where: sql`step in ('nudge', 'private', 'call-list')`,
          });
    },
    /** The attempts of a site's slot, oldest first. */
    async ofSlot(siteId: number, day: string, slot: 'am' | 'pm'): Promise<AttemptRow[]> {
      return db
        .select()
        .from(contactAttempts)
        .where(
          and(
            eq(contactAttempts.siteId, siteId),
            eq(contactAttempts.day, day),
            eq(contactAttempts.slot, slot),
          ),
        )
        .orderBy(asc(contactAttempts.at), asc(contactAttempts.id));
    },
    /** A site's attempts over days (for repeat non-reporters and the digest). */
    async between(
      siteId: number,
      from: string,
      to: string,
      residentIds?: readonly number[],
    ): Promise<AttemptRow[]> {
      return db
        .select()
        .from(contactAttempts)
        .where(
          and(
            eq(contactAttempts.siteId, siteId),
            gte(contactAttempts.day, from),
            lte(contactAttempts.day, to),
            residentIds
              ? inArray(contactAttempts.residentId, residentIds.length ? [...residentIds] : [-1])
              : undefined,
          ),
        )
        .orderBy(asc(contactAttempts.at), asc(contactAttempts.id));
    },
  };
}

// Doubtful records waiting for their sender's 对 (or a correction): pending_confirmations.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { ParsedRecord } from '../../src/core/records.js';
import type { Executor } from '../client.js';
import { pendingConfirmations } from '../schema.js';

export type PendingRow = typeof pendingConfirmations.$inferSelect & { records: ParsedRecord[] };

export function createConfirmationsRepo(db: Executor) {
  return {
    async add(v: {
      groupId: number;
      talkerId: string;
      messageId: number;
      records: ParsedRecord[];
      at: Date;
      ttlMs: number;
    }) {
      await db.insert(pendingConfirmations).values({
        groupId: v.groupId,
        talkerId: v.talkerId,
        messageId: v.messageId,
        records: v.records,
        createdAt: v.at,
        expiresAt: new Date(v.at.getTime() + v.ttlMs),
      });
    },
    /** The sender's latest question still waiting for an answer at `now`. */
    async open(groupId: number, talkerId: string, now: Date): Promise<PendingRow | null> {
      const [r] = await db
        .select()
        .from(pendingConfirmations)
        .where(
          and(
            eq(pendingConfirmations.groupId, groupId),
            eq(pendingConfirmations.talkerId, talkerId),
            eq(pendingConfirmations.status, 'pending'),
            gt(pendingConfirmations.expiresAt, now),
          ),
        )
        .orderBy(desc(pendingConfirmations.id))
        .limit(1);
      return (r as PendingRow | undefined) ?? null;
    },
    async settle(id: number, status: 'confirmed' | 'corrected' | 'dropped') {
      await db.update(pendingConfirmations).set({ status }).where(eq(pendingConfirmations.id, id));
    },
  };
}

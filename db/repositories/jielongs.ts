// 接龙 lists: one row per list (site, header, local day), the orders of its lines keyed by line number.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { jielongs, messages, orders } from '../schema.js';

export type JielongRow = typeof jielongs.$inferSelect;

export function createJielongsRepo(db: Executor) {
  return {
    async find(siteId: number, header: string, day: string): Promise<JielongRow | null> {
      const [r] = await db
        .select()
        .from(jielongs)
        .where(
          and(
            eq(jielongs.siteId, siteId),
            sql`md5(${jielongs.header}) = md5(${header})`,
            eq(jielongs.header, header),
            eq(jielongs.day, day),
          ),
        )
        .limit(1);
      return r ?? null;
    },

    /** Creates the list, or returns the one another message created first. */
    async create(values: typeof jielongs.$inferInsert): Promise<JielongRow> {
      await db.insert(jielongs).values(values).onConflictDoNothing();
      return (await this.find(values.siteId, values.header, values.day)) as JielongRow;
    },

    async touch(id: number, lastMessageId: number, at: Date) {
      await db.update(jielongs).set({ lastMessageId, updatedAt: at }).where(eq(jielongs.id, id));
    },

    /** The text of the list's last post, to count its lines. */
    async lastPostText(j: JielongRow): Promise<string | null> {
      if (j.lastMessageId === null) return null;
      const [r] = await db
        .select({ text: messages.text })
        .from(messages)
        .where(eq(messages.id, j.lastMessageId));
      return r?.text ?? null;
    },

    /** Orders standing for a line of the list (lines removed from it have no number any more). */
    async lineOrders(jielongId: number) {
      return db
        .select()
        .from(orders)
        .where(and(eq(orders.jielongId, jielongId), isNotNull(orders.jielongSeq)))
        .orderBy(asc(orders.jielongSeq));
    },

    async setSeq(orderId: number, seq: number | null, line?: string) {
      await db
        .update(orders)
        .set({ jielongSeq: seq, ...(line !== undefined ? { jielongLine: line } : {}) })
        .where(eq(orders.id, orderId));
    },
  };
}

export type JielongsRepo = ReturnType<typeof createJielongsRepo>;

// Village households: who is writing (by WeChat id, group nickname or household name) and who a
// 接龙 line names.
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { households } from '../schema.js';

export type HouseholdRow = typeof households.$inferSelect;

export function createHouseholdsRepo(db: Executor) {
  const first = async (where: SQL | undefined) => {
    const [r] = await db.select().from(households).where(where).orderBy(asc(households.id)).limit(1);
    return r ?? null;
  };
  return {
    /**
     * The sender's household: by WeChat id; else by group nickname (binding the id, unless the household
     * is already bound to someone else); else by household name.
     */
    async ofSender(siteId: number, talkerId: string, talkerName: string): Promise<HouseholdRow | null> {
      const bound = await first(and(eq(households.siteId, siteId), eq(households.wechatId, talkerId)));
      if (bound) return bound;
      const byNick = await first(
        and(
          eq(households.siteId, siteId),
          eq(households.wechatName, talkerName),
          isNull(households.wechatId),
        ),
      );
      if (byNick) {
        const [r] = await db
          .update(households)
          .set({ wechatId: talkerId })
          .where(eq(households.id, byNick.id))
          .returning();
        return r ?? byNick;
      }
      return first(and(eq(households.siteId, siteId), eq(households.name, talkerName)));
    },

    /** The household a name on a 接龙 line (or 帮刘婆婆买) stands for: its name, else its nickname. */
    async byName(siteId: number, name: string): Promise<HouseholdRow | null> {
      const exact = await first(and(eq(households.siteId, siteId), eq(households.name, name)));
      return exact ?? first(and(eq(households.siteId, siteId), eq(households.wechatName, name)));
    },

    async byId(id: number): Promise<HouseholdRow | null> {
      const [r] = await db.select().from(households).where(eq(households.id, id)).limit(1);
      return r ?? null;
    },
  };
}

export type HouseholdsRepo = ReturnType<typeof createHouseholdsRepo>;

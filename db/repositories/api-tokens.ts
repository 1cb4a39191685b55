// Admin API tokens, stored by hash.
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { apiTokens } from '../schema.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Touching `last_used_at` at most once a minute per token keeps authentication to one read mostly. */
export const TOUCH_EVERY_MS = 60_000;

export function createApiTokensRepo(db: Executor) {
  return {
    async insert(values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
      const [row] = await db.insert(apiTokens).values(values).returning();
      return row as ApiTokenRow;
    },

    /** The live (not revoked) token with this hash. */
    async liveByHash(hash: string): Promise<ApiTokenRow | null> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
        .limit(1);
      return row ?? null;
    },

    async byId(id: number): Promise<ApiTokenRow | null> {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
      return row ?? null;
    },

    async liveByName(name: string): Promise<ApiTokenRow | null> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
        .limit(1);
      return row ?? null;
    },

    /** The live token of this name, else the one revoked last. */
    async byName(name: string): Promise<ApiTokenRow | null> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.name, name))
        .orderBy(desc(isNull(apiTokens.revokedAt)), desc(apiTokens.revokedAt))
        .limit(1);
      return row ?? null;
    },

    async touch(id: number, at: Date): Promise<void> {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: at })
        .where(
          and(
            eq(apiTokens.id, id),
            or(
              isNull(apiTokens.lastUsedAt),
              lt(apiTokens.lastUsedAt, new Date(at.getTime() - TOUCH_EVERY_MS)),
            ),
          ),
        );
    },

    async revoke(id: number, at: Date): Promise<ApiTokenRow | null> {
      const [row] = await db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning();
      return row ?? null;
    },

    /** Oldest first, after `afterId`; revoked tokens only when asked. */
    async list(opts: { afterId?: number; limit: number; includeRevoked?: boolean }): Promise<ApiTokenRow[]> {
      const where: SQL[] = [];
      if (opts.afterId !== undefined) where.push(gt(apiTokens.id, opts.afterId));
      if (!opts.includeRevoked) where.push(isNull(apiTokens.revokedAt));
      return db
        .select()
        .from(apiTokens)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(apiTokens.id))
        .limit(opts.limit);
    },

    async all(): Promise<ApiTokenRow[]> {
      return db
        .select()
        .from(apiTokens)
        .orderBy(desc(isNull(apiTokens.revokedAt)), asc(apiTokens.id));
    },
  };
}

export type ApiTokensRepo = ReturnType<typeof createApiTokensRepo>;

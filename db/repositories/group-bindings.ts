// WeChat groups as the admin API binds them to sites and roles.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { GroupRole } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { groups } from '../schema.js';
import type { Keyset } from './filters.js';

export type GroupRow = typeof groups.$inferSelect;

export function createGroupBindingsRepo(db: Executor) {
  return {
    async list(f: Keyset & { scope: number[] | null; siteId?: number; role?: GroupRole }) {
      const where: (SQL | undefined)[] = [];
      if (f.scope !== null) where.push(inArray(groups.siteId, f.scope.length ? f.scope : [-1]));
      if (f.siteId !== undefined) where.push(eq(groups.siteId, f.siteId));
      if (f.role) where.push(eq(groups.role, f.role));
      if (f.afterId !== undefined) where.push(gt(groups.id, f.afterId));
      return db
        .select()
        .from(groups)
        .where(and(...where))
        .orderBy(asc(groups.id))
        .limit(f.limit);
    },
    /** The group row locked for a change in this transaction. */
    async lock(id: number): Promise<GroupRow | null> {
      const [r] = await db.select().from(groups).where(eq(groups.id, id)).limit(1).for('update');
      return r ?? null;
    },
    async insert(values: typeof groups.$inferInsert): Promise<GroupRow> {
      const [r] = await db.insert(groups).values(values).returning();
      return r as GroupRow;
    },
    async update(id: number, set: Partial<typeof groups.$inferInsert>): Promise<GroupRow | null> {
      const [r] = await db.update(groups).set(set).where(eq(groups.id, id)).returning();
      return r ?? null;
    },
    async remove(id: number): Promise<void> {
      await db.delete(groups).where(eq(groups.id, id));
    },
  };
}

// The audit log: one row per write through the admin API or the token commands, written in the same
// transaction as the write.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { auditLog } from '../schema.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  siteId?: number;
  actorTokenId?: number;
  from?: Date;
  /** Exclusive. */
  until?: Date;
  /** Newest first: rows with an id below this one. */
  beforeId?: number;
  limit: number;
}

export function createAuditLogRepo(db: Executor) {
  return {
    async insert(entry: AuditEntry): Promise<AuditRow> {
      const [row] = await db.insert(auditLog).values(entry).returning();
      return row as AuditRow;
    },

    async list(f: AuditFilter): Promise<AuditRow[]> {
      const where: SQL[] = [];
      if (f.entity) where.push(eq(auditLog.entity, f.entity));
      if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
      if (f.siteId !== undefined) where.push(eq(auditLog.siteId, f.siteId));
      if (f.actorTokenId !== undefined) where.push(eq(auditLog.actorTokenId, f.actorTokenId));
      if (f.from) where.push(gte(auditLog.at, f.from));
      if (f.until) where.push(lt(auditLog.at, f.until));
      if (f.beforeId !== undefined) where.push(lt(auditLog.id, f.beforeId));
      return db
        .select()
        .from(auditLog)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(f.limit);
    },
  };
}

export type AuditLogRepo = ReturnType<typeof createAuditLogRepo>;

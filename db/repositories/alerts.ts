// Fever and symptom alerts that staff must acknowledge, numbered per site (A-0003).
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Slot } from '../../src/core/records.js';
import type { Executor } from '../client.js';
import { alerts, healthReports } from '../schema.js';

export type AlertRow = typeof alerts.$inferSelect;

export function createAlertsRepo(db: Executor) {
  return {
    async add(values: typeof alerts.$inferInsert): Promise<AlertRow> {
      const [row] = await db.insert(alerts).values(values).returning();
      return row as AlertRow;
    },
    async update(id: number, set: Partial<typeof alerts.$inferInsert>): Promise<void> {
      await db.update(alerts).set(set).where(eq(alerts.id, id));
    },
    /** `lock`: hold the row until the transaction ends, so two staff acting at once act one after the other. */
    async byNumber(siteId: number, number: number, opts: { lock?: boolean } = {}): Promise<AlertRow | null> {
      const query = db
        .select()
        .from(alerts)
        .where(and(eq(alerts.siteId, siteId), eq(alerts.number, number)))
        .limit(1);
      const [r] = opts.lock ? await query.for('update') : await query;
      return r ?? null;
    },
    /**
     * The open alert of a resident's (or, before they registered, a sender's) day and slot: one per
     * slot, found through the report that raised it.
     */
    async openForSlot(
      siteId: number,
      who: { residentId: number | null; talkerId: string },
      day: string,
      slot: Slot,
    ): Promise<AlertRow | null> {
      const [r] = await db
        .select({ alert: alerts })
        .from(alerts)
        .innerJoin(healthReports, eq(healthReports.id, alerts.reportId))
        .where(
          and(
            eq(alerts.siteId, siteId),
            eq(alerts.status, 'open'),
            eq(healthReports.day, day),
            eq(healthReports.slot, slot),
            who.residentId
              ? eq(alerts.residentId, who.residentId)
              : and(isNull(alerts.residentId), eq(healthReports.talkerId, who.talkerId)),
          ),
        )
        .orderBy(asc(alerts.id))
        .limit(1);
      return r?.alert ?? null;
    },
    /** A registering sender's alerts become their resident's. */
    async attach(siteId: number, talkerId: string, residentId: number): Promise<void> {
      await db
        .update(alerts)
        .set({ residentId })
        .where(
          and(
            eq(alerts.siteId, siteId),
            isNull(alerts.residentId),
            sql`${alerts.reportId} in (select ${healthReports.id} from ${healthReports} where ${healthReports.talkerId} = ${talkerId})`,
          ),
        );
    },
    /** Alerts open at `at` (opened by then, not acknowledged by then). */
    async countOpenAt(siteId: number, at: Date): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(alerts)
        .where(
          and(
            eq(alerts.siteId, siteId),
            lte(alerts.openedAt, at),
            or(isNull(alerts.ackAt), gt(alerts.ackAt, at)),
          ),
        );
      return r?.n ?? 0;
    },
  };
}

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;

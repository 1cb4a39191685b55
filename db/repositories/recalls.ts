// What a message made, for withdrawing it when its sender recalls it (撤回) in WeChat: the records that
// nobody has acted on yet are withdrawn; the rest are reported.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { alerts, healthReports, orders, requests, waterBookings } from '../schema.js';

export function createRecallsRepo(db: Executor) {
  return {
    /** Every record the message made, with its state. */
    async madeBy(messageId: number) {
      const [reqs, ords, water, reports] = await Promise.all([
        db.select().from(requests).where(eq(requests.messageId, messageId)),
        db.select().from(orders).where(eq(orders.messageId, messageId)),
        db.select().from(waterBookings).where(eq(waterBookings.messageId, messageId)),
        db.select().from(healthReports).where(eq(healthReports.messageId, messageId)),
      ]);
      const alertRows = reports.length
        ? await db
            .select()
            .from(alerts)
            .where(
              inArray(
                alerts.reportId,
                reports.map((r) => r.id),
              ),
            )
        : [];
      return { requests: reqs, orders: ords, water, reports, alerts: alertRows };
    },

    async cancelRequest(id: number, at: Date) {
      await db.update(requests).set({ status: 'cancelled', closedAt: at }).where(eq(requests.id, id));
    },
    async cancelOrder(id: number, at: Date) {
      await db.update(orders).set({ status: 'cancelled', cancelledAt: at }).where(eq(orders.id, id));
    },
    async cancelWater(id: number) {
      await db.update(waterBookings).set({ status: 'cancelled' }).where(eq(waterBookings.id, id));
    },

    /**
     * A recalled report no longer counts: it stops being its slot's current report and the latest other
     * report of that slot (if any) counts again.
     */
    async withdrawReport(report: typeof healthReports.$inferSelect) {
      if (!report.current) return;
      await db.update(healthReports).set({ current: false }).where(eq(healthReports.id, report.id));
      if (report.residentId === null) return;
      const [previous] = await db
        .select({ id: healthReports.id })
        .from(healthReports)
        .where(
          and(
            eq(healthReports.residentId, report.residentId),
            eq(healthReports.day, report.day),
            eq(healthReports.slot, report.slot),
            ne(healthReports.id, report.id),
          ),
        )
        .orderBy(desc(healthReports.reportedAt), desc(healthReports.id))
        .limit(1);
      if (previous)
        await db.update(healthReports).set({ current: true }).where(eq(healthReports.id, previous.id));
    },
  };
}

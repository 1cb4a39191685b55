// Fever and symptom alerts that staff must acknowledge, numbered per site (A-0003).
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Slot } from '../../src/core/records.js';
import { tupleIn } from '../bulk.js';
import type { Executor } from '../client.js';
import { alerts, healthReports } from '../schema.js';
import { coalesce } from '../unit.js';

export type AlertRow = typeof alerts.$inferSelect;

interface Key {
  siteId: number;
  residentId: number | null;
  talkerId: string;
  day: string;
  slot: Slot;
}

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
      const key: Key = { siteId, residentId: who.residentId, talkerId: who.talkerId, day, slot };
      // Asked for every health report: the asks of a batch of messages go in one query (db/unit.ts).
      return coalesce(db, 'alerts.openForSlot', key, async (keys) => {
        const rows = await db
          .select({
            alert: alerts,
            day: healthReports.day,
            slot: healthReports.slot,
            talkerId: healthReports.talkerId,
          })
          .from(alerts)
          .innerJoin(healthReports, eq(healthReports.id, alerts.reportId))
          .where(
            and(
              eq(alerts.status, 'open'),
              or(
                // Residents' alerts by resident; alerts of senders not yet registered by sender.
                ...[keys.filter((k) => k.residentId), keys.filter((k) => !k.residentId)]
                  .filter((ks) => ks.length > 0)
                  .map((ks) =>
                    tupleIn<Key>(
                      [
                        [alerts.siteId, 'integer', (k) => k.siteId],
                        [healthReports.day, 'date', (k) => k.day],
                        [healthReports.slot, 'text', (k) => k.slot],
                        ks[0]?.residentId
                          ? [alerts.residentId, 'integer', (k) => k.residentId]
                          : [healthReports.talkerId, 'text', (k) => k.talkerId],
                      ],
                      ks,
                    ),
                  ),
              ),
            ),
          )
          .orderBy(asc(alerts.id));
        return keys.map(
          (k) =>
            rows.find(
              (r) =>
                r.alert.siteId === k.siteId &&
                r.day === k.day &&
                r.slot === k.slot &&
                (k.residentId
                  ? r.alert.residentId === k.residentId
                  : r.alert.residentId === null && r.talkerId === k.talkerId),
            )?.alert ?? null,
        );
      });
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

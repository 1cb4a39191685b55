// Temperature and symptom reports. Every report is kept; `current` marks the one that counts for a
// resident, day and slot. Reports of senders not yet bound wait with resident_id null.
import { and, asc, desc, eq, gte, inArray, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Slot, SymptomCode } from '../../src/core/records.js';
import { byRoom } from '../../src/core/text.js';
import { insertMany, tupleIn } from '../bulk.js';
import type { Executor } from '../client.js';
import { healthReports, residents, rooms, sites } from '../schema.js';
import { coalesce } from '../unit.js';

export type HealthReportRow = typeof healthReports.$inferSelect;

interface SlotKey {
  residentId: number;
  day: string;
  slot: Slot;
}

const slotIn = (keys: SlotKey[]) =>
  tupleIn<SlotKey>(
    [
      [healthReports.residentId, 'integer', (k) => k.residentId],
      [healthReports.day, 'date', (k) => k.day],
      [healthReports.slot, 'text', (k) => k.slot],
    ],
    keys,
  );
const sameSlot = (r: HealthReportRow, k: SlotKey) =>
  r.residentId === k.residentId && r.day === k.day && r.slot === k.slot;

export function createHealthReportsRepo(db: Executor) {
  return {
    /**
     * Stores a report. For a bound resident it becomes the current one of its day and slot (unless
     * `asCurrent` is false: history only), and the report it replaces (kept, no longer current) is returned.
     * `noneCurrent`: the caller has just seen (in this transaction) that the slot has no current report.
     */
    async add(
      values: Omit<typeof healthReports.$inferInsert, 'current' | 'id'>,
      opts: { asCurrent?: boolean; noneCurrent?: boolean } = {},
    ): Promise<{ report: HealthReportRow; replaced: HealthReportRow | null }> {
      const asCurrent = opts.asCurrent ?? true;
      const residentId = values.residentId;
      let replaced: HealthReportRow | null = null;
      if (residentId && asCurrent && !opts.noneCurrent) {
        // The reports of a batch of messages: one update, one insert (see db/unit.ts).
        replaced = await coalesce(
          db,
          'healthReports.replace',
          { residentId, day: values.day, slot: values.slot },
          (keys) =>
            db
              .update(healthReports)
              .set({ current: false })
              .where(and(eq(healthReports.current, true), slotIn(keys)))
              .returning()
              .then((rows) => keys.map((k) => rows.find((r) => sameSlot(r, k)) ?? null)),
        );
      }
      const row: Omit<HealthReportRow, 'id'> = {
        siteId: values.siteId,
        residentId: values.residentId ?? null,
        talkerId: values.talkerId,
        messageId: values.messageId ?? null,
        day: values.day,
        slot: values.slot,
        temperature: values.temperature ?? null,
        symptoms: values.symptoms ?? [],
        fever: values.fever ?? false,
        current: asCurrent,
        reportedAt: values.reportedAt,
        via: values.via ?? null,
        givenBy: values.givenBy ?? null,
      };
      const report = await coalesce(db, 'healthReports.insert', row, async (rows) => {
        const ids = await insertMany<Omit<HealthReportRow, 'id'>, { id: number | string }>(
          db,
          healthReports,
          [
            [healthReports.siteId, 'integer', (r) => r.siteId],
            [healthReports.residentId, 'integer', (r) => r.residentId],
            [healthReports.talkerId, 'text', (r) => r.talkerId],
            [healthReports.messageId, 'bigint', (r) => r.messageId],
            [healthReports.day, 'date', (r) => r.day],
            [healthReports.slot, 'text', (r) => r.slot],
            [healthReports.temperature, 'real', (r) => r.temperature],
            [healthReports.symptoms, 'jsonb', (r) => r.symptoms],
            [healthReports.fever, 'boolean', (r) => r.fever],
            [healthReports.current, 'boolean', (r) => r.current],
            [healthReports.reportedAt, 'timestamptz', (r) => r.reportedAt],
            [healthReports.via, 'text', (r) => r.via],
            [healthReports.givenBy, 'text', (r) => r.givenBy],
          ],
          rows,
          sql`returning id`,
        );
        // Ids are drawn in the order of the rows.
        const sorted = ids.map((r) => Number(r.id)).sort((a, b) => a - b);
        return rows.map((r, k) => ({ ...r, id: sorted[k] as number }));
      });
      return { report, replaced };
    },

    /** Adds symptoms to a report (a later message in its slot named them). */
    async addSymptoms(id: number, symptoms: readonly SymptomCode[]): Promise<void> {
      if (symptoms.length === 0) return;
      const [row] = await db
        .select({ s: healthReports.symptoms })
        .from(healthReports)
        .where(eq(healthReports.id, id));
      const merged = [...new Set([...(row?.s ?? []), ...symptoms])];
      await db.update(healthReports).set({ symptoms: merged }).where(eq(healthReports.id, id));
    },

    /** A resident's current report of a day and slot. */
    async currentIn(residentId: number, day: string, slot: Slot): Promise<HealthReportRow | null> {
      return coalesce(db, 'healthReports.currentIn', { residentId, day, slot }, async (keys) => {
        const rows = await db
          .select()
          .from(healthReports)
          .where(and(eq(healthReports.current, true), slotIn(keys)));
        return keys.map((k) => rows.find((r) => sameSlot(r, k)) ?? null);
      });
    },

    /** A resident's current reports of a day. */
    async currentOf(residentId: number, day: string): Promise<HealthReportRow[]> {
      return db
        .select()
        .from(healthReports)
        .where(
          and(
            eq(healthReports.residentId, residentId),
            eq(healthReports.day, day),
            eq(healthReports.current, true),
          ),
        )
        .orderBy(asc(healthReports.slot));
    },

    /** Reports of a sender not yet bound to a resident. */
    async pendingOf(siteId: number, talkerId: string): Promise<HealthReportRow[]> {
      return db
        .select()
        .from(healthReports)
        .where(
          and(
            eq(healthReports.siteId, siteId),
            eq(healthReports.talkerId, talkerId),
            isNull(healthReports.residentId),
          ),
        )
        .orderBy(asc(healthReports.reportedAt), asc(healthReports.id));
    },

    /**
     * Gives a sender's waiting reports to the resident they registered as. Per day and slot the latest
     * report (theirs or an earlier one) becomes current; the others stay as history.
     */
    async attach(siteId: number, talkerId: string, residentId: number): Promise<number> {
      const pending = await this.pendingOf(siteId, talkerId);
      if (pending.length === 0) return 0;
      await db
        .update(healthReports)
        .set({ residentId, current: false })
        .where(
          inArray(
            healthReports.id,
            pending.map((p) => p.id),
          ),
        );
      const keys = new Set(pending.map((p) => `${p.day}|${p.slot}`));
      for (const key of keys) {
        const [day, slot] = key.split('|') as [string, Slot];
        const where = and(
          eq(healthReports.residentId, residentId),
          eq(healthReports.day, day),
          eq(healthReports.slot, slot),
        );
        await db.update(healthReports).set({ current: false }).where(where);
        const [latest] = await db
          .select({ id: healthReports.id })
          .from(healthReports)
          .where(where)
          .orderBy(desc(healthReports.reportedAt), desc(healthReports.id))
          .limit(1);
        if (latest)
          await db.update(healthReports).set({ current: true }).where(eq(healthReports.id, latest.id));
      }
      return pending.length;
    },

    /** The current reports of a site's residents for a day, with who and where. */
    async currentOfSiteDay(siteId: number, day: string) {
      return (
        db
          .select({
            residentId: healthReports.residentId,
            name: residents.name,
            room: rooms.number,
            slot: healthReports.slot,
            temperature: healthReports.temperature,
            symptoms: healthReports.symptoms,
            reportedAt: healthReports.reportedAt,
            via: healthReports.via,
            givenBy: healthReports.givenBy,
          })
          .from(healthReports)
          // Site conditions on the joins are implied but keep the planner to the site's residents and rooms.
          .innerJoin(
            residents,
            and(eq(residents.id, healthReports.residentId), eq(residents.siteId, healthReports.siteId)),
          )
          .leftJoin(rooms, and(eq(rooms.id, residents.roomId), eq(rooms.siteId, residents.siteId)))
          .where(
            and(
              eq(healthReports.siteId, siteId),
              eq(healthReports.day, day),
              eq(healthReports.current, true),
            ),
          )
          .orderBy(asc(healthReports.reportedAt), asc(healthReports.id))
      );
    },

    /**
     * Everyone observing on `day`, at every observation site, with no current report in `slot`: the
     * district's "who has not reported" list, by site and room. Walks residents by status, then probes
     * the current-report index per resident (see README, Performance).
     */
    async missingOfDistrict(day: string, slot: Slot) {
      const reported = db
        .select({ one: healthReports.id })
        .from(healthReports)
        .where(
          and(
            eq(healthReports.residentId, residents.id),
            eq(healthReports.day, day),
            eq(healthReports.slot, slot),
            eq(healthReports.current, true),
          ),
        );
      const rows = await db
        .select({
          siteId: residents.siteId,
          site: sites.name,
          residentId: residents.id,
          name: residents.name,
          room: rooms.number,
        })
        .from(residents)
        .innerJoin(sites, eq(sites.id, residents.siteId))
        .leftJoin(rooms, and(eq(rooms.id, residents.roomId), eq(rooms.siteId, residents.siteId)))
        .where(
          and(
            eq(sites.kind, 'quarantine'),
            eq(residents.status, 'observing'),
            lte(residents.startDate, day),
            gte(residents.plannedEndDate, day),
            notExists(reported),
          ),
        )
        .orderBy(asc(residents.siteId), asc(rooms.number), asc(residents.id));
      // Rooms in human order within each site (1-101, 1-201, 10-103).
      return rows.sort((a, b) => a.siteId - b.siteId || byRoom(a, b));
    },
  };
}

export type HealthReportsRepo = ReturnType<typeof createHealthReportsRepo>;

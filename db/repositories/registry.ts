// Sites, rooms, residents and households: the registry staff set up and the bots look people up in.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SiteSchedule } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { counters, groups, households, residents, rooms, sites } from '../schema.js';

export type SiteRow = typeof sites.$inferSelect;
export type ResidentRow = typeof residents.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

export function createRegistryRepo(db: Executor) {
  return {
    async siteByName(name: string) {
      const [r] = await db.select().from(sites).where(eq(sites.name, name)).limit(1);
      return r ?? null;
    },
    async siteById(id: number) {
      const [r] = await db.select().from(sites).where(eq(sites.id, id)).limit(1);
      return r ?? null;
    },
    async listSites() {
      return db.select().from(sites).orderBy(asc(sites.id));
    },

    async upsertSite(s: {
      name: string;
      kind: SiteRow['kind'];
      timeZone: string;
      observationDays?: number;
      feverThreshold?: number;
      reportTimes?: string[];
      schedule?: Partial<SiteSchedule>;
      demo?: boolean;
    }): Promise<SiteRow> {
      const set = {
        kind: s.kind,
        timeZone: s.timeZone,
        ...(s.observationDays !== undefined ? { observationDays: s.observationDays } : {}),
        ...(s.feverThreshold !== undefined ? { feverThreshold: s.feverThreshold } : {}),
        ...(s.reportTimes !== undefined ? { reportTimes: s.reportTimes } : {}),
        ...(s.schedule !== undefined ? { schedule: s.schedule } : {}),
        ...(s.demo !== undefined ? { demo: s.demo } : {}),
      };
      const [row] = await db
        .insert(sites)
        .values({ name: s.name, ...set })
        .onConflictDoUpdate({ target: sites.name, set })
        .returning();
      return row as SiteRow;
    },

    /** Binds a group topic to a site and role; the WeChat room id is kept. */
    async upsertGroup(
      siteId: number,
      topic: string,
      role: NonNullable<(typeof groups.$inferSelect)['role']>,
    ) {
      await db
        .insert(groups)
        .values({ siteId, topic, role })
        .onConflictDoUpdate({ target: groups.topic, set: { siteId, role } });
    },

    async ensureRoom(siteId: number, number: string): Promise<number> {
      const [row] = await db
        .insert(rooms)
        .values({ siteId, number })
        .onConflictDoUpdate({ target: [rooms.siteId, rooms.number], set: { number } })
        .returning({ id: rooms.id });
      return (row as { id: number }).id;
    },

    async residentByKey(siteId: number, roomId: number, name: string) {
      const [r] = await db
        .select()
        .from(residents)
        .where(and(eq(residents.siteId, siteId), eq(residents.roomId, roomId), eq(residents.name, name)))
        .limit(1);
      return r ?? null;
    },

    async insertResident(values: typeof residents.$inferInsert) {
      const [r] = await db.insert(residents).values(values).returning();
      return r as ResidentRow;
    },

    async updateResident(id: number, set: Partial<typeof residents.$inferInsert>) {
      const [r] = await db.update(residents).set(set).where(eq(residents.id, id)).returning();
      return r ?? null;
    },

    async upsertHousehold(values: typeof households.$inferInsert) {
      const { siteId: _s, name: _n, ...set } = values;
      await db
        .insert(households)
        .values(values)
        .onConflictDoUpdate({ target: [households.siteId, households.name], set });
    },

    /** The next number of a per-site sequence (R-, O-, A-, W-), atomically. */
    async nextNumber(siteId: number, kind: string): Promise<number> {
      const [row] = await db
        .insert(counters)
        .values({ siteId, kind, value: 1 })
        .onConflictDoUpdate({
          target: [counters.siteId, counters.kind],
          set: { value: sql`${counters.value} + 1` },
        })
        .returning({ value: counters.value });
      return (row as { value: number }).value;
    },
  };
}

export type RegistryRepo = ReturnType<typeof createRegistryRepo>;

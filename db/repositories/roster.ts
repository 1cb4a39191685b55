// Rooms, residents and households as the admin API lists and edits them.
import { and, asc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ResidentStatus } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { households, residents, rooms } from '../schema.js';
import type { Keyset } from './filters.js';

export type RoomRow = typeof rooms.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

/** Sites a list is limited to: null for every site. */
type Scope = number[] | null;

const siteIn = (col: typeof residents.siteId | typeof rooms.siteId | typeof households.siteId, s: Scope) =>
  s === null ? undefined : inArray(col, s.length ? s : [-1]);

/** `%q%` for ILIKE, with the pattern characters of q taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const residentColumns = {
  id: residents.id,
  siteId: residents.siteId,
  roomId: residents.roomId,
  room: rooms.number,
  name: residents.name,
  phone: residents.phone,
  birthYear: residents.birthYear,
  wechatName: residents.wechatName,
  wechatId: residents.wechatId,
  startDate: residents.startDate,
  plannedEndDate: residents.plannedEndDate,
  status: residents.status,
  statusAt: residents.statusAt,
  createdAt: residents.createdAt,
};

export function createRosterRepo(db: Executor) {
  const selectResidents = () =>
    db.select(residentColumns).from(residents).leftJoin(rooms, eq(rooms.id, residents.roomId));

  return {
    async rooms(f: Keyset & { scope: Scope; siteId?: number }) {
      const observing = db
        .select({ roomId: residents.roomId, n: sql<number>`count(*)::int`.as('n') })
        .from(residents)
        .where(eq(residents.status, 'observing'))
        .groupBy(residents.roomId)
        .as('observing');
      const where = [siteIn(rooms.siteId, f.scope)];
      if (f.siteId !== undefined) where.push(eq(rooms.siteId, f.siteId));
      if (f.afterId !== undefined) where.push(gt(rooms.id, f.afterId));
      return db
        .select({
          id: rooms.id,
          siteId: rooms.siteId,
          number: rooms.number,
          observing: sql<number>`coalesce(${observing.n}, 0)`,
        })
        .from(rooms)
        .leftJoin(observing, eq(observing.roomId, rooms.id))
        .where(and(...where))
        .orderBy(asc(rooms.id))
        .limit(f.limit);
    },

    async roomByNumber(siteId: number, number: string) {
      const [r] = await db
        .select()
        .from(rooms)
        .where(and(eq(rooms.siteId, siteId), eq(rooms.number, number)))
        .limit(1);
      return r ?? null;
    },

    async insertRoom(siteId: number, number: string): Promise<RoomRow> {
      const [r] = await db.insert(rooms).values({ siteId, number }).returning();
      return r as RoomRow;
    },

    async residents(
      f: Keyset & { scope: Scope; siteId?: number; status?: ResidentStatus; room?: string; q?: string },
    ) {
      const where: (SQL | undefined)[] = [siteIn(residents.siteId, f.scope)];
      if (f.siteId !== undefined) where.push(eq(residents.siteId, f.siteId));
      if (f.status) where.push(eq(residents.status, f.status));
      if (f.room) where.push(eq(rooms.number, f.room));
      if (f.q) {
        const p = contains(f.q);
        where.push(or(ilike(residents.name, p), ilike(residents.wechatName, p), ilike(residents.phone, p)));
      }
      if (f.afterId !== undefined) where.push(gt(residents.id, f.afterId));
      return selectResidents()
        .where(and(...where))
        .orderBy(asc(residents.id))
        .limit(f.limit);
    },

    async resident(id: number) {
      const [r] = await selectResidents().where(eq(residents.id, id)).limit(1);
      return r ?? null;
    },

    async households(f: Keyset & { scope: Scope; siteId?: number; q?: string }) {
      const where: (SQL | undefined)[] = [siteIn(households.siteId, f.scope)];
      if (f.siteId !== undefined) where.push(eq(households.siteId, f.siteId));
      if (f.q) {
        const p = contains(f.q);
        where.push(
          or(
            ilike(households.name, p),
            ilike(households.villageGroup, p),
            ilike(households.address, p),
            ilike(households.wechatName, p),
            ilike(households.phone, p),
          ),
        );
      }
      if (f.afterId !== undefined) where.push(gt(households.id, f.afterId));
      return db
        .select()
        .from(households)
        .where(and(...where))
        .orderBy(asc(households.id))
        .limit(f.limit);
    },

    async household(id: number): Promise<HouseholdRow | null> {
      const [r] = await db.select().from(households).where(eq(households.id, id)).limit(1);
      return r ?? null;
    },

    async insertHousehold(values: typeof households.$inferInsert): Promise<HouseholdRow> {
      const [r] = await db.insert(households).values(values).returning();
      return r as HouseholdRow;
    },

    async updateHousehold(id: number, set: Partial<typeof households.$inferInsert>) {
      const [r] = await db.update(households).set(set).where(eq(households.id, id)).returning();
      return r ?? null;
    },
  };
}

export type RosterRepo = ReturnType<typeof createRosterRepo>;
export type ResidentView = NonNullable<Awaited<ReturnType<RosterRepo['resident']>>>;

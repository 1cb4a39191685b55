// Orders, 接龙 lists and water bookings as the admin API lists them: filtered by the token's sites, site,
// status and local day (each site's own zone), paged by id, with their households.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { auditLog, households, jielongs, orders, sites, waterBookings } from '../schema.js';
import { type Keyset, localDateWithin } from './filters.js';
import { createOrdersRepo, type OrderStatus, type OrderWithItems } from './orders.js';
import type { WaterRow } from './water.js';

type Scope = number[] | null;
type SiteColumn = typeof orders.siteId | typeof waterBookings.siteId | typeof jielongs.siteId;

const within = (col: SiteColumn, scope: Scope, siteId?: number): SQL[] => {
  const out: SQL[] = [];
  if (scope !== null) out.push(inArray(col, scope.length ? scope : [-1]));
  if (siteId !== undefined) out.push(eq(col, siteId));
  return out;
};

export interface OrderFilter extends Keyset {
  scope: Scope;
  siteId?: number;
  statuses?: OrderStatus[];
  /** Local days of creation, inclusive. */
  from?: string;
  to?: string;
}

export interface WaterFilter extends Keyset {
  scope: Scope;
  siteId?: number;
  status?: WaterRow['status'];
  /** The day of delivery. */
  day?: string;
}

export type HouseholdBrief = { name: string; villageGroup: string | null; phone: string | null } | null;
export type OrderView = OrderWithItems & { household: HouseholdBrief; note: string | null };
export type WaterView = WaterRow & { household: HouseholdBrief };

const householdBrief = {
  name: households.name,
  villageGroup: households.villageGroup,
  phone: households.phone,
};

export function createVillageAdminRepo(db: Executor) {
  const ordersRepo = createOrdersRepo(db);

  /** The latest note given through the admin API for each of these records (kept in the audit log). */
  async function notes(entity: string, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([auditLog.entityId], {
        entityId: auditLog.entityId,
        note: sql<string>`${auditLog.after}->>'note'`,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, entity),
          inArray(auditLog.entityId, ids.map(String)),
          isNotNull(sql`${auditLog.after}->>'note'`),
        ),
      )
      .orderBy(auditLog.entityId, desc(auditLog.id));
    return new Map(rows.map((r) => [Number(r.entityId), r.note]));
  }

  async function ordersWhere(where: SQL[], limit: number): Promise<OrderView[]> {
    const rows = await db
      .select({ order: orders, household: householdBrief })
      .from(orders)
      .innerJoin(sites, eq(sites.id, orders.siteId))
      .leftJoin(households, eq(households.id, orders.householdId))
      .where(and(...where))
      .orderBy(asc(orders.id))
      .limit(limit);
    const full = await ordersRepo.withItems(rows.map((r) => r.order));
    const noted = await notes(
      'order',
      full.map((o) => o.id),
    );
    return full.map((o, i) => ({
      ...o,
      household: rows[i]?.household?.name ? (rows[i]?.household as HouseholdBrief) : null,
      note: noted.get(o.id) ?? null,
    }));
  }

  async function waterWhere(where: SQL[], limit: number): Promise<WaterView[]> {
    const rows = await db
      .select({ booking: waterBookings, household: householdBrief })
      .from(waterBookings)
      .leftJoin(households, eq(households.id, waterBookings.householdId))
      .where(and(...where))
      .orderBy(asc(waterBookings.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.booking, household: r.household?.name ? r.household : null }));
  }

  return {
    /** Holds an order (or water booking) until the transaction ends, so two marks do not both pass. */
    async lockOrder(id: number) {
      await db.select({ id: orders.id }).from(orders).where(eq(orders.id, id)).for('update');
    },
    async lockBooking(id: number) {
      await db
        .select({ id: waterBookings.id })
        .from(waterBookings)
        .where(eq(waterBookings.id, id))
        .for('update');
    },

    async orders(f: OrderFilter): Promise<OrderView[]> {
      const where = within(orders.siteId, f.scope, f.siteId);
      if (f.statuses?.length) where.push(inArray(orders.status, f.statuses));
      where.push(...localDateWithin(orders.createdAt, sql`${sites.timeZone}`, f.from, f.to));
      if (f.afterId !== undefined) where.push(gt(orders.id, f.afterId));
      return ordersWhere(where, f.limit);
    },

    async order(id: number): Promise<OrderView | null> {
      return (await ordersWhere([eq(orders.id, id)], 1))[0] ?? null;
    },

    async water(f: WaterFilter): Promise<WaterView[]> {
      const where = within(waterBookings.siteId, f.scope, f.siteId);
      if (f.status) where.push(eq(waterBookings.status, f.status));
      if (f.day) where.push(eq(waterBookings.day, f.day));
      if (f.afterId !== undefined) where.push(gt(waterBookings.id, f.afterId));
      return waterWhere(where, f.limit);
    },

    async booking(id: number): Promise<WaterView | null> {
      return (await waterWhere([eq(waterBookings.id, id)], 1))[0] ?? null;
    },

    /** 接龙 lists with the number of lines they have now. */
    async jielongs(f: Keyset & { scope: Scope; siteId?: number; id?: number }) {
      const where = within(jielongs.siteId, f.scope, f.siteId);
      if (f.id !== undefined) where.push(eq(jielongs.id, f.id));
      if (f.afterId !== undefined) where.push(gt(jielongs.id, f.afterId));
      const lines = db
        .select({ jielongId: orders.jielongId, n: count().as('n') })
        .from(orders)
        .where(and(isNotNull(orders.jielongId), isNotNull(orders.jielongSeq)))
        .groupBy(orders.jielongId)
        .as('lines');
      return db
        .select({
          id: jielongs.id,
          siteId: jielongs.siteId,
          header: jielongs.header,
          product: jielongs.product,
          day: jielongs.day,
          createdAt: jielongs.createdAt,
          updatedAt: jielongs.updatedAt,
          lines: sql<number>`coalesce(${lines.n}, 0)::int`,
        })
        .from(jielongs)
        .leftJoin(lines, eq(lines.jielongId, jielongs.id))
        .where(and(...where))
        .orderBy(asc(jielongs.id))
        .limit(f.limit);
    },
  };
}

export type VillageAdminRepo = ReturnType<typeof createVillageAdminRepo>;
export type JielongView = Awaited<ReturnType<VillageAdminRepo['jielongs']>>[number];

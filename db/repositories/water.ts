// Drinking-water bookings (W-0005): a day, a part of the day, an amount and a place.
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { households, waterBookings } from '../schema.js';
import type { OrderOwner } from './orders.js';

export type WaterRow = typeof waterBookings.$inferSelect;

export function createWaterRepo(db: Executor) {
  return {
    async insert(values: typeof waterBookings.$inferInsert): Promise<WaterRow> {
      const [r] = await db.insert(waterBookings).values(values).returning();
      return r as WaterRow;
    },

    async byNumber(siteId: number, number: number): Promise<WaterRow | null> {
      const [r] = await db
        .select()
        .from(waterBookings)
        .where(and(eq(waterBookings.siteId, siteId), eq(waterBookings.number, number)))
        .limit(1);
      return r ?? null;
    },

    async update(id: number, set: Partial<typeof waterBookings.$inferInsert>) {
      await db.update(waterBookings).set(set).where(eq(waterBookings.id, id));
    },

    /** Bookings for a day in these states, with their household, in booking order. */
    async forDay(siteId: number, day: string, statuses: WaterRow['status'][]) {
      return db
        .select({ booking: waterBookings, household: households })
        .from(waterBookings)
        .leftJoin(households, eq(households.id, waterBookings.householdId))
        .where(
          and(
            eq(waterBookings.siteId, siteId),
            eq(waterBookings.day, day),
            inArray(waterBookings.status, statuses),
          ),
        )
        .orderBy(asc(waterBookings.number));
    },

    /** The owner's bookings still to deliver, latest first. */
    async bookedOf(siteId: number, owner: OrderOwner): Promise<WaterRow[]> {
      const who: SQL[] = [eq(waterBookings.talkerId, owner.talkerId)];
      if (owner.householdId !== null) who.push(eq(waterBookings.householdId, owner.householdId));
      if (owner.names.length) who.push(inArray(waterBookings.customer, owner.names));
      return db
        .select()
        .from(waterBookings)
        .where(and(eq(waterBookings.siteId, siteId), eq(waterBookings.status, 'booked'), or(...who)))
        .orderBy(desc(waterBookings.createdAt), desc(waterBookings.number));
    },
  };
}

export type WaterRepo = ReturnType<typeof createWaterRepo>;

// What the lists and the digest count over orders: items still to buy, orders placed, pending and
// delivered, money advanced. With `asOf`, orders are taken as they stood at that instant (the end of a
// past day), from the times their status moved.
import { and, asc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { households, orderItems, orders } from '../schema.js';

export function createOrderReportsRepo(db: Executor) {
  return {
    /** Items of orders not yet bought, cancelled items left out; as they stood at `asOf` when given. */
    async purchaseEntries(siteId: number, asOf?: Date) {
      return db
        .select({
          orderId: orders.id,
          canonical: orderItems.canonical,
          qty: orderItems.qty,
          unit: orderItems.unit,
        })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(
          and(
            eq(orders.siteId, siteId),
            eq(orderItems.cancelled, false),
            asOf ? openAt(asOf) : eq(orders.status, 'open'),
          ),
        )
        .orderBy(asc(orders.number), asc(orderItems.id));
    },

    /** Orders created in [from, to) that were not cancelled by `to`. */
    async countCreated(siteId: number, from: Date, to: Date) {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(
          and(
            eq(orders.siteId, siteId),
            gte(orders.createdAt, from),
            lt(orders.createdAt, to),
            notCancelledAt(to),
          ),
        );
      return r?.n ?? 0;
    },

    /** Orders placed by `asOf` and neither delivered nor cancelled then, by state. */
    async pendingAt(siteId: number, asOf: Date) {
      const [r] = await db
        .select({
          open: sql<number>`count(*) filter (where ${orders.boughtAt} is null or ${orders.boughtAt} >= ${asOf.toISOString()}::timestamptz)::int`,
          total: sql<number>`count(*)::int`,
        })
        .from(orders)
        .where(
          and(
            eq(orders.siteId, siteId),
            lt(orders.createdAt, asOf),
            notCancelledAt(asOf),
            or(isNull(orders.deliveredAt), gte(orders.deliveredAt, asOf)),
          ),
        );
      return { open: r?.open ?? 0, bought: (r?.total ?? 0) - (r?.open ?? 0), undelivered: r?.total ?? 0 };
    },

    /** What volunteers paid for orders delivered by `asOf`, per household (or customer). */
    async advancedBy(siteId: number, asOf: Date) {
      return db
        .select({
          who: sql<string>`coalesce(${households.name}, ${orders.customer})`,
          fen: sql<number>`sum(${orders.costFen})::int`,
          orders: sql<number>`count(*)::int`,
        })
        .from(orders)
        .leftJoin(households, eq(households.id, orders.householdId))
        .where(and(eq(orders.siteId, siteId), isNotNull(orders.costFen), lt(orders.deliveredAt, asOf)))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`, sql`1`);
    },
  };
}

function notCancelledAt(at: Date): SQL {
  return or(isNull(orders.cancelledAt), gte(orders.cancelledAt, at)) as SQL;
}

/** Placed before `at` and, at `at`, neither bought nor cancelled. */
function openAt(at: Date): SQL {
  return and(
    lt(orders.createdAt, at),
    notCancelledAt(at),
    or(isNull(orders.boughtAt), gte(orders.boughtAt, at)),
    or(isNull(orders.deliveredAt), gte(orders.deliveredAt, at)),
  ) as SQL;
}

export type OrderReportsRepo = ReturnType<typeof createOrderReportsRepo>;

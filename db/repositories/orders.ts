// Orders (O-0031) and their items. Status moves open → bought → delivered, or to cancelled; the times of
// those moves let the digest look at a past day as it stood at its end.
import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Item } from '../../src/core/records.js';
import type { Executor } from '../client.js';
import { households, messages, type ORDER_STATUSES, orderItems, orders } from '../schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export interface OrderWithItems extends OrderRow {
  items: OrderItemRow[];
}

export type NewItem = Item & { canonical: string; cancelled?: boolean };

/** Whose orders a message may touch: the sender's, their household's, or ones in their name. */
export interface OrderOwner {
  talkerId: string;
  householdId: number | null;
  names: string[];
}

export function createOrdersRepo(db: Executor) {
  async function withItems(rows: OrderRow[]): Promise<OrderWithItems[]> {
    if (rows.length === 0) return [];
    const items = await db
      .select()
      .from(orderItems)
      .where(
        inArray(
          orderItems.orderId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(orderItems.id));
    return rows.map((r) => ({ ...r, items: items.filter((i) => i.orderId === r.id) }));
  }

  async function insertItems(orderId: number, items: readonly NewItem[]) {
    if (items.length === 0) return;
    await db.insert(orderItems).values(
      items.map((i) => ({
        orderId,
        name: i.name,
        canonical: i.canonical,
        qty: i.qty,
        unit: i.unit,
        cancelled: i.cancelled ?? false,
      })),
    );
  }

  return {
    withItems,

    async insert(values: typeof orders.$inferInsert, items: readonly NewItem[]): Promise<OrderWithItems> {
      const [row] = await db.insert(orders).values(values).returning();
      const order = row as OrderRow;
      await insertItems(order.id, items);
      return (await withItems([order]))[0] as OrderWithItems;
    },

    async replaceItems(orderId: number, items: readonly NewItem[]) {
      await db.delete(orderItems).where(eq(orderItems.orderId, orderId));
      await insertItems(orderId, items);
    },

    async cancelItems(itemIds: number[]) {
      if (itemIds.length)
        await db.update(orderItems).set({ cancelled: true }).where(inArray(orderItems.id, itemIds));
    },

    async update(id: number, set: Partial<typeof orders.$inferInsert>) {
      await db.update(orders).set(set).where(eq(orders.id, id));
    },

    async byNumber(siteId: number, number: number): Promise<OrderWithItems | null> {
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.siteId, siteId), eq(orders.number, number)))
        .limit(1);
      return (await withItems(rows))[0] ?? null;
    },

    async byStatus(siteId: number, statuses: OrderStatus[]): Promise<OrderWithItems[]> {
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.siteId, siteId), inArray(orders.status, statuses)))
        .orderBy(asc(orders.number));
      return withItems(rows);
    },

    /** The owner's orders in these states, latest first. */
    async ofOwner(siteId: number, owner: OrderOwner, statuses: OrderStatus[]): Promise<OrderWithItems[]> {
      const who: SQL[] = [eq(orders.talkerId, owner.talkerId)];
      if (owner.householdId !== null) who.push(eq(orders.householdId, owner.householdId));
      if (owner.names.length) who.push(inArray(orders.customer, owner.names));
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.siteId, siteId), inArray(orders.status, statuses), or(...who)))
        .orderBy(desc(orders.createdAt), desc(orders.number));
      return withItems(rows);
    },

    /** The sender's free-text order from the very same text since `since` (a message sent twice). */
    async sameTextSince(siteId: number, talkerId: string, text: string, since: Date) {
      const [r] = await db
        .select({ number: orders.number })
        .from(orders)
        .innerJoin(messages, eq(messages.id, orders.messageId))
        .where(
          and(
            eq(orders.siteId, siteId),
            eq(orders.talkerId, talkerId),
            isNull(orders.jielongId),
            eq(messages.text, text),
            gte(orders.createdAt, since),
            inArray(orders.status, ['open', 'bought']),
          ),
        )
        .limit(1);
      return r?.number ?? null;
    },

    /** Orders bought and not yet delivered, with their household. */
    async toDeliver(siteId: number) {
      const rows = await db
        .select({ order: orders, household: households })
        .from(orders)
        .leftJoin(households, eq(households.id, orders.householdId))
        .where(and(eq(orders.siteId, siteId), eq(orders.status, 'bought')))
        .orderBy(asc(orders.number));
      const full = await withItems(rows.map((r) => r.order));
      return full.map((o, i) => ({ ...o, household: rows[i]?.household ?? null }));
    },
  };
}

export type OrdersRepo = ReturnType<typeof createOrdersRepo>;

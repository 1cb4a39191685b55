// Village orders, 接龙 lists and water bookings through the admin API. Marking an order bought or
// delivered, or water delivered, does what the volunteers' #已买 / #送达 do in chat (the villager is
// told of a delivery in their group), in one transaction with its audit row.
import type { Db, Executor } from '../../../db/client.js';
import { createJielongsRepo } from '../../../db/repositories/jielongs.js';
import { createOrdersRepo } from '../../../db/repositories/orders.js';
import {
  createVillageAdminRepo,
  type OrderFilter,
  type OrderView,
  type WaterFilter,
  type WaterView,
} from '../../../db/repositories/village-admin.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { orderNo, waterNo } from '../../core/village/format.js';
import type { OutboxService } from '../outbox.js';
import { villageRepos } from '../village/context.js';
import { deliverOrder, deliverWater, markBought } from '../village/volunteers.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

const STATE_TEXT = {
  open: 'not bought yet',
  bought: 'already bought',
  delivered: 'already delivered',
  cancelled: 'cancelled',
  booked: 'still booked',
} as const;

export function createVillageAdminService(deps: { db: Db; clock: Clock; outbox: OutboxService }) {
  const { db, clock } = deps;
  const repo = createVillageAdminRepo(db);

  /** The order, checked against the guard, inside `tx`. */
  async function orderIn(tx: Executor, id: number, guard: Guard) {
    const r = createVillageAdminRepo(tx);
    await r.lockOrder(id);
    const o = await r.order(id);
    if (!o) throw new NotFoundError(`order ${id} not found`);
    guard(o.siteId);
    return o;
  }

  async function orderWrite(
    actor: Actor,
    id: number,
    guard: Guard,
    action: 'bought' | 'delivered',
    note: string | undefined,
    work: (tx: Executor, o: OrderView) => Promise<void>,
  ): Promise<OrderView> {
    const after = await db.transaction(async (tx) => {
      const before = await orderIn(tx, id, guard);
      await work(tx, before);
      const row = (await createVillageAdminRepo(tx).order(id)) as OrderView;
      const { household: _h, note: _n, ...stored } = row;
      const { household: _bh, note: _bn, ...storedBefore } = before;
      await recordAudit(tx, clock, actor, {
        action,
        entity: 'order',
        entityId: id,
        siteId: row.siteId,
        before: storedBefore,
        after: { ...stored, note: note ?? null },
      });
      return row;
    });
    deps.outbox.notify();
    return { ...after, note: note ?? after.note };
  }

  return {
    orders: (f: OrderFilter) => repo.orders(f),
    order: (id: number) => repo.order(id),

    /** `#已买` for one order; with what was paid when given (yuan). */
    bought(actor: Actor, id: number, input: { cost?: number; note?: string }, guard: Guard) {
      return orderWrite(actor, id, guard, 'bought', input.note, async (tx, o) => {
        if (o.status !== 'open')
          throw new ConflictError(
            `${orderNo(o.number)} is ${STATE_TEXT[o.status]}; only open orders are bought`,
          );
        const costFen = input.cost === undefined ? undefined : Math.round(input.cost * 100);
        await markBought(villageRepos(tx), o, { at: clock.now(), volunteer: actor.name, costFen });
      });
    },

    /** `#送达` for one order: delivered (bought too, if it was not), the villager told. */
    delivered(actor: Actor, id: number, input: { note?: string }, guard: Guard) {
      return orderWrite(actor, id, guard, 'delivered', input.note, async (tx, o) => {
        if (o.status !== 'open' && o.status !== 'bought')
          throw new ConflictError(`${orderNo(o.number)} is ${STATE_TEXT[o.status]}`);
        const full = await createOrdersRepo(tx).byNumber(o.siteId, o.number);
        if (!full) throw new NotFoundError(`order ${id} not found`);
        await deliverOrder(deps.outbox, tx, full, {
          at: clock.now(),
          costFen: full.costFen,
          volunteer: actor.name,
        });
      });
    },

    water: (f: WaterFilter) => repo.water(f),
    booking: (id: number) => repo.booking(id),

    /** `#送达 W-0005`: the water delivered, the villager told. */
    async waterDelivered(actor: Actor, id: number, guard: Guard): Promise<WaterView> {
      const after = await db.transaction(async (tx) => {
        const r = createVillageAdminRepo(tx);
        await r.lockBooking(id);
        const before = await r.booking(id);
        if (!before) throw new NotFoundError(`water booking ${id} not found`);
        guard(before.siteId);
        if (before.status !== 'booked')
          throw new ConflictError(`${waterNo(before.number)} is ${STATE_TEXT[before.status]}`);
        const { household: _h, ...stored } = before;
        await deliverWater(deps.outbox, tx, stored, { at: clock.now() });
        const row = (await r.booking(id)) as WaterView;
        const { household: _a, ...storedAfter } = row;
        await recordAudit(tx, clock, actor, {
          action: 'delivered',
          entity: 'water',
          entityId: id,
          siteId: row.siteId,
          before: stored,
          after: storedAfter,
        });
        return row;
      });
      deps.outbox.notify();
      return after;
    },

    jielongs: (f: Parameters<typeof repo.jielongs>[0]) => repo.jielongs(f),

    /** One 接龙 list with its lines (the orders standing for them now), or null. */
    async jielong(id: number) {
      const [list] = await repo.jielongs({ scope: null, id, limit: 1 });
      if (!list) return null;
      const orders = createOrdersRepo(db);
      const lines = await orders.withItems(await createJielongsRepo(db).lineOrders(id));
      return { ...list, orders: lines };
    },
  };
}

export type VillageAdminService = ReturnType<typeof createVillageAdminService>;

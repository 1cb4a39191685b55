// The volunteers' lists from the records: what to buy, what to deliver to whom, where water goes.
import type { Executor } from '../../../db/client.js';
import type { HouseholdRow } from '../../../db/repositories/households.js';
import type { WaterRow } from '../../../db/repositories/water.js';
import type { OrderStop, WaterStop } from '../../core/village/lists.js';
import { type PurchaseLine, purchaseList } from '../../core/village/purchase.js';
import { villageRepos } from './context.js';

const stopOf = (customer: string, deliverTo: string | null, h: HouseholdRow | null) => ({
  who: h?.name ?? customer,
  villageGroup: h?.villageGroup ?? null,
  deliverTo,
  phone: h?.phone ?? null,
});

export function waterStop(b: WaterRow, h: HouseholdRow | null): WaterStop {
  return { ...stopOf(b.customer, b.deliverTo, h), number: b.number, qty: b.qty, unit: b.unit, part: b.part };
}

export function createVillageLists(db: Executor) {
  const repos = villageRepos(db);
  return {
    /** Everything not yet bought (as it stood at `asOf` when given), summed per item and unit. */
    async purchase(siteId: number, asOf?: Date): Promise<PurchaseLine[]> {
      return purchaseList(await repos.reports.purchaseEntries(siteId, asOf));
    },

    /** Orders bought and not yet delivered. */
    async orderStops(siteId: number): Promise<OrderStop[]> {
      const rows = await repos.orders.toDeliver(siteId);
      return rows.map((o) => ({
        ...stopOf(o.customer, o.deliverTo, o.household),
        number: o.number,
        items: o.items.filter((i) => !i.cancelled),
      }));
    },

    /** Water bookings for a day: still to deliver, or (`all`) every one not cancelled. */
    async waterStops(siteId: number, day: string, all = false): Promise<WaterStop[]> {
      const rows = await repos.water.forDay(siteId, day, all ? ['booked', 'delivered'] : ['booked']);
      return rows.map((r) => waterStop(r.booking, r.household));
    },
  };
}

export type VillageLists = ReturnType<typeof createVillageLists>;

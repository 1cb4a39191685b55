// The delivery list as data: one stop per household (or customer) and place, walked village group by
// village group (一组, 二组 …, then the rest), with the orders and the water to bring there. The same
// order as the text the volunteers get (lists.ts).
import type { Item } from '../records.js';
import type { OrderStop, Stop, WaterStop } from './lists.js';
import { villageGroupOf, villageGroupRank } from './places.js';

export interface DeliveryStop {
  who: string;
  /** The stop's 组 as written on the list (from the household, else the place); null when unknown. */
  villageGroup: string | null;
  place: string | null;
  phone: string | null;
  orders: { number: number; items: Item[] }[];
  water: { number: number; qty: number | null; unit: string | null; part: WaterStop['part'] }[];
}

const groupOf = (s: Stop) => villageGroupOf(s.villageGroup) ?? villageGroupOf(s.deliverTo) ?? s.villageGroup;

export function deliveryStops(orders: readonly OrderStop[], water: readonly WaterStop[]): DeliveryStop[] {
  const stops = new Map<string, DeliveryStop>();
  const at = (s: Stop): DeliveryStop => {
    const key = `${s.who}\u0000${s.deliverTo ?? ''}`;
    let stop = stops.get(key);
    if (!stop) {
      stop = {
        who: s.who,
        villageGroup: groupOf(s),
        place: s.deliverTo,
        phone: s.phone,
        orders: [],
        water: [],
      };
      stops.set(key, stop);
    }
    stop.phone ??= s.phone;
    return stop;
  };
  for (const o of orders) at(o).orders.push({ number: o.number, items: o.items });
  for (const w of water) at(w).water.push({ number: w.number, qty: w.qty, unit: w.unit, part: w.part });
  const rank = (s: DeliveryStop) => (s.villageGroup ? villageGroupRank(s.villageGroup) : 20_000);
  // A stable sort keeps the order orders and water came in within a group.
  return [...stops.values()].sort(
    (a, b) => rank(a) - rank(b) || (a.villageGroup ?? '').localeCompare(b.villageGroup ?? '', 'zh'),
  );
}

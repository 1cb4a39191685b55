// The village timetable (src/services/timetable.ts): the evening-before lists and the morning delivery
// list, to the volunteers' group. Idempotent per site and day (dedupe keys); silent when there is nothing
// to do.
import { addDays } from '../../core/time.js';
import { deliveryListText, eveningListsText } from '../../core/village/lists.js';
import type { OutboxService } from '../outbox.js';
import type { VillageTimetable } from '../timetable.js';
import type { VillageLists } from './lists.js';

export function createVillageTimetable(deps: {
  lists: VillageLists;
  outbox: OutboxService;
}): VillageTimetable {
  const { lists, outbox } = deps;
  return {
    async eveningLists(siteId, day) {
      const tomorrow = addDays(day, 1);
      const text = eveningListsText(
        tomorrow,
        await lists.waterStops(siteId, tomorrow),
        await lists.purchase(siteId),
      );
      if (!text) return;
      await outbox.toSiteGroup(siteId, 'volunteers', {
        text,
        kind: 'evening-lists',
        dedupeKey: `evening-lists:${siteId}:${day}`,
      });
    },

    async morningDeliveries(siteId, day) {
      const orders = await lists.orderStops(siteId);
      const water = await lists.waterStops(siteId, day);
      if (orders.length === 0 && water.length === 0) return;
      await outbox.toSiteGroup(siteId, 'volunteers', {
        text: deliveryListText(day, orders, water),
        kind: 'morning-deliveries',
        dedupeKey: `morning-deliveries:${siteId}:${day}`,
      });
    },
  };
}

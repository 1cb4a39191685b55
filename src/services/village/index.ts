// The village side as one service: villagers' messages, volunteers' reports, the lists, the digest and
// the timetable. Built once per process; every use runs in its own transaction.
import type { Db, Executor } from '../../../db/client.js';
import { readDayArg } from '../../core/village/commands.js';
import { digestText } from '../../core/village/digest.js';
import { deliveryListText, purchaseListText, waterListText } from '../../core/village/lists.js';
import type { OutboxService } from '../outbox.js';
import { createVillageDigest } from './digest.js';
import { createVillageLists } from './lists.js';
import { createVillageTimetable } from './timetable.js';
import { createVillagersIntake } from './villagers.js';
import { createVolunteerActions } from './volunteers.js';

export interface VillageServiceDeps {
  db: Db;
  outbox: OutboxService;
}

export function createVillageService(deps: VillageServiceDeps) {
  const lists = createVillageLists(deps.db);
  const digests = createVillageDigest({ db: deps.db });
  const volunteers = createVolunteerActions(deps);
  return {
    /** A message in a villagers' group; says what became of it. */
    villagerMessage: createVillagersIntake(deps),
    bought: volunteers.bought,
    delivered: volunteers.delivered,

    /** The lists volunteers ask for, read in the caller's transaction (a chat turn's). */
    async purchaseListText(tx: Executor, siteId: number): Promise<string> {
      return purchaseListText(await createVillageLists(tx).purchase(siteId));
    },
    /** What to deliver now: bought orders, and the water booked for `day`. */
    async deliveryListText(tx: Executor, siteId: number, day: string): Promise<string> {
      const l = createVillageLists(tx);
      return deliveryListText(day, await l.orderStops(siteId), await l.waterStops(siteId, day));
    },
    /** `#送水单 [日期]`: the day named (`today` by default), or null when it cannot be read. */
    async waterListText(tx: Executor, siteId: number, arg: string | undefined, today: string) {
      const day = readDayArg(arg, today);
      return day ? waterListText(day, await createVillageLists(tx).waterStops(siteId, day)) : null;
    },

    digest: digests.digest,
    digestText,
    timetable: createVillageTimetable({ lists, outbox: deps.outbox }),
  };
}

export type VillageService = ReturnType<typeof createVillageService>;

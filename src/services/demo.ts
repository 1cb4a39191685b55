// The sandbox's demo: loaded into an empty database so that a newcomer sees a working site and village.
import type { Db } from '../../db/client.js';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import type { Clock } from '../core/clock.js';
import { demoSetup } from '../core/demo.js';
import { localDate } from '../core/time.js';
import { createSetupService } from './setup.js';

/** Loads the demo when the database has no sites yet. Returns whether it did. */
export async function loadDemoIfEmpty(deps: { db: Db; clock: Clock; timeZone: string }): Promise<boolean> {
  if ((await createRegistryRepo(deps.db).listSites()).length > 0) return false;
  const today = localDate(deps.clock.now(), deps.timeZone);
  await createSetupService({ db: deps.db, defaultZone: deps.timeZone }).apply(demoSetup(today), {
    demo: true,
  });
  return true;
}

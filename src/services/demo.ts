// The sandbox's demo: loaded into an empty database so that a newcomer sees a working site and village.
import type { Db } from '../../db/client.js';
import { createApiTokensRepo } from '../../db/repositories/api-tokens.js';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import type { Clock } from '../core/clock.js';
import { demoSetup } from '../core/demo.js';
import { localDate } from '../core/time.js';
import type { TokensService } from './admin/tokens.js';
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

export const DEMO_TOKEN_NAME = '演示管理员';

/**
 * A fresh admin token for the demo, when the database holds demo sites: the previous demo token is revoked
 * and a new one made, so each sandbox start can print one (tokens are stored hashed and never shown again).
 * Null when there is no demo data (a real deployment, or SHOUWANG_DEMO=0 on an empty database).
 */
export async function issueDemoToken(deps: { db: Db; tokens: TokensService }): Promise<string | null> {
  const sites = await createRegistryRepo(deps.db).listSites();
  if (!sites.some((s) => s.demo)) return null;
  const actor = { tokenId: null, name: 'demo' };
  if (await createApiTokensRepo(deps.db).liveByName(DEMO_TOKEN_NAME))
    await deps.tokens.revoke(actor, DEMO_TOKEN_NAME);
  return (await deps.tokens.create(actor, { name: DEMO_TOKEN_NAME, role: 'admin', siteIds: null })).token;
}

// `shouwang digest --site NAME --date YYYY-MM-DD [--json]`: a site's digest for a day, as the contract's
// JSON (section 5) or as the short Chinese text the bot posts.
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { digestJson, digestText } from '../core/quarantine/digest.js';
import { isIsoDate } from '../core/time.js';
import { digestText as villageDigestText } from '../core/village/digest.js';
import { createDigestService } from '../services/quarantine/digest.js';
import { createVillageDigest } from '../services/village/digest.js';
import { type CliContext, CliError } from './context.js';

export async function digestCommand(
  ctx: CliContext,
  args: { site?: string; date?: string; json: boolean },
): Promise<string> {
  if (!args.site) throw new CliError('give --site NAME', 2);
  if (!args.date || !isIsoDate(args.date)) throw new CliError('give --date YYYY-MM-DD', 2);
  const site = await createRegistryRepo(ctx.database.db).siteByName(args.site);
  if (!site) {
    const names = (await createRegistryRepo(ctx.database.db).listSites()).map((s) => s.name);
    throw new CliError(
      `no site named ${args.site}${names.length ? ` (the sites: ${names.join(', ')})` : ' (there are no sites yet: shouwang setup FILE)'}`,
    );
  }
  if (site.kind === 'quarantine') {
    const digest = await createDigestService({ db: ctx.database.db }).digest(site.id, args.date);
    return args.json ? JSON.stringify(digestJson(digest), null, 2) : digestText(digest);
  }
  const village = createVillageDigest({ db: ctx.database.db });
  const digest = await village.digest(site.id, args.date);
  return args.json ? JSON.stringify(digest, null, 2) : villageDigestText(digest);
}

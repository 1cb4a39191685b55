// `shouwang token create --role ROLE --name LABEL [--site NAME ...]` prints a new admin API token (and
// only it) on stdout, once; `token revoke ID_OR_NAME` and `token list` manage them. Each change is in
// the audit log with the actor `cli`.
import { parseArgs } from 'node:util';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { API_ROLES, type ApiRole } from '../core/auth/permissions.js';
import { systemClock } from '../core/clock.js';
import { NotFoundError } from '../core/errors.js';
import { toZonedIso } from '../core/time.js';
import { CLI_ACTOR } from '../services/admin/audit.js';
import { createTokensService, type PublicToken } from '../services/admin/tokens.js';
import { type CliContext, CliError } from './context.js';

const USAGE =
  'usage: shouwang token create --role ROLE --name LABEL [--site NAME ...] | token revoke ID_OR_NAME | token list';

export type TokenCommand =
  | { sub: 'create'; role: ApiRole; name: string; sites: string[] }
  | { sub: 'revoke'; target: string }
  | { sub: 'list' };

/** Reads the arguments before any database is opened, so mistakes are answered at once. */
export function parseTokenArgs(argv: string[]): TokenCommand {
  const [sub, ...rest] = argv;
  if (sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        site: { type: 'string', multiple: true },
      },
    });
    if (!values.role || !(API_ROLES as readonly string[]).includes(values.role))
      throw new CliError(`give --role, one of ${API_ROLES.join(', ')}`, 2);
    if (!values.name?.trim()) throw new CliError('give --name LABEL', 2);
    return { sub, role: values.role as ApiRole, name: values.name, sites: values.site ?? [] };
  }
  if (sub === 'revoke') {
    if (rest.length !== 1 || !rest[0]) throw new CliError('usage: shouwang token revoke ID_OR_NAME', 2);
    return { sub, target: rest[0] };
  }
  if (sub === 'list') {
    if (rest.length) throw new CliError('usage: shouwang token list', 2);
    return { sub };
  }
  throw new CliError(USAGE, 2);
}

export async function tokenCommand(ctx: CliContext, cmd: TokenCommand): Promise<string> {
  const tokens = createTokensService({ db: ctx.database.db, clock: systemClock });
  const registry = createRegistryRepo(ctx.database.db);
  if (cmd.sub === 'create') {
    const siteIds: number[] = [];
    for (const name of cmd.sites) {
      const site = await registry.siteByName(name);
      if (!site) throw new CliError(`no site named ${name}`);
      siteIds.push(site.id);
    }
    const { token } = await tokens.create(CLI_ACTOR, {
      name: cmd.name,
      role: cmd.role,
      siteIds: siteIds.length ? siteIds : null,
    });
    return token;
  }
  if (cmd.sub === 'revoke') {
    const { target } = cmd;
    let revoked: PublicToken;
    try {
      revoked = await tokens.revoke(CLI_ACTOR, /^\d+$/.test(target) ? Number(target) : target);
    } catch (err) {
      // A name made of digits: try it as a name once the id is not found.
      if (!(err instanceof NotFoundError) || !/^\d+$/.test(target)) throw err;
      revoked = await tokens.revoke(CLI_ACTOR, target);
    }
    return `revoked token ${revoked.id} (${revoked.name})`;
  }
  const all = await tokens.all();
  if (!all.length) return 'no tokens';
  const sites = new Map((await registry.listSites()).map((s) => [s.id, s.name]));
  const when = (d: Date | null) => (d ? toZonedIso(d, ctx.config.timeZone) : '-');
  return all
    .map((t) =>
      [
        t.id,
        t.name,
        t.role,
        t.siteIds ? t.siteIds.map((id) => sites.get(id) ?? `#${id}`).join(',') : 'all sites',
        `${t.prefix}…`,
        `created ${when(t.createdAt)}`,
        `last used ${when(t.lastUsedAt)}`,
        t.revokedAt ? `REVOKED ${when(t.revokedAt)}` : 'live',
      ].join('\t'),
    )
    .join('\n');
}

// Admin API tokens: created (the token shown once), listed, revoked, and checked on every request.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import {
  type ApiTokenRow,
  createApiTokensRepo,
  TOUCH_EVERY_MS,
} from '../../../db/repositories/api-tokens.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import { type ApiRole, type Principal, tokenScopeProblems } from '../../core/auth/permissions.js';
import { displayPrefix, hashToken, looksLikeToken, makeToken } from '../../core/auth/tokens.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { type Actor, recordAudit } from './audit.js';

export interface NewToken {
  name: string;
  role: ApiRole;
  /** Site ids; null or absent: every site (admin only). */
  siteIds?: number[] | null;
}

/** A token as lists and the audit log show it: never the token or its hash. */
export function publicToken(row: ApiTokenRow) {
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

export type PublicToken = ReturnType<typeof publicToken>;

export function createTokensService(deps: { db: Db; clock: Clock; random?: (n: number) => Uint8Array }) {
  const random = deps.random ?? ((n: number) => randomBytes(n));
  const repo = createApiTokensRepo(deps.db);

  return {
    /** Creates a token; the returned `token` is the only time it is seen. */
    async create(actor: Actor, input: NewToken): Promise<{ token: string; row: PublicToken }> {
      const name = input.name.trim();
      if (!name) throw new ValidationError('invalid token', ['name: must not be empty']);
      const siteIds = input.siteIds ? [...new Set(input.siteIds)].sort((a, b) => a - b) : null;
      return deps.db.transaction(async (tx) => {
        const registry = createRegistryRepo(tx);
        const sites = [];
        for (const [i, id] of (siteIds ?? []).entries()) {
          const site = await registry.siteById(id);
          if (!site) throw new ValidationError('invalid token', [`sites[${i}]: no site with id ${id}`]);
          sites.push(site);
        }
        const problems = tokenScopeProblems(input.role, siteIds ? sites : null);
        if (problems.length)
          throw new ValidationError(
            'invalid token',
            problems.map((p) => `sites: ${p}`),
          );
        const tokens = createApiTokensRepo(tx);
        if (await tokens.liveByName(name)) throw new ConflictError(`a live token named ${name} exists`);
        const token = makeToken(random);
        const row = publicToken(
          await tokens.insert({
            name,
            role: input.role,
            siteIds,
            tokenHash: hashToken(token),
            prefix: displayPrefix(token),
            createdAt: deps.clock.now(),
          }),
        );
        await recordAudit(tx, deps.clock, actor, {
          action: 'create',
          entity: 'token',
          entityId: row.id,
          after: row,
        });
        return { token, row };
      });
    },

    /** Revokes a live token by id, or by name (the live token of that name). */
    async revoke(actor: Actor, idOrName: number | string): Promise<PublicToken> {
      return deps.db.transaction(async (tx) => {
        const tokens = createApiTokensRepo(tx);
        const found =
          typeof idOrName === 'number' ? await tokens.byId(idOrName) : await tokens.byName(idOrName);
        if (!found) throw new NotFoundError(`token ${idOrName} not found`);
        if (found.revokedAt) throw new ConflictError(`token ${idOrName} is already revoked`);
        const revoked = await tokens.revoke(found.id, deps.clock.now());
        if (!revoked) throw new ConflictError(`token ${idOrName} is already revoked`);
        const row = publicToken(revoked);
        await recordAudit(tx, deps.clock, actor, {
          action: 'revoke',
          entity: 'token',
          entityId: row.id,
          before: publicToken(found),
          after: row,
        });
        return row;
      });
    },

    async byId(id: number): Promise<PublicToken | null> {
      const row = await repo.byId(id);
      return row ? publicToken(row) : null;
    },

    async list(opts: { afterId?: number; limit: number; includeRevoked?: boolean }) {
      return (await repo.list(opts)).map(publicToken);
    },

    /** Live tokens first, then revoked ones (the command line's list). */
    async all() {
      return (await repo.all()).map(publicToken);
    },

    /** The principal a bearer token stands for, or null when it is malformed, unknown or revoked. */
    async authenticate(token: string): Promise<Principal | null> {
      if (!looksLikeToken(token)) return null;
      const row = await repo.liveByHash(hashToken(token));
      if (!row) return null;
      // The row just read says when it was last marked used: within the minute, no write (a busy client
      // would otherwise send an UPDATE with every request).
      const now = deps.clock.now();
      if (!row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - TOUCH_EVERY_MS)
        await repo.touch(row.id, now);
      return { tokenId: row.id, name: row.name, role: row.role, siteIds: row.siteIds ?? null };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;

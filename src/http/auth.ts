// Authentication and authorisation of the admin API. Every route under /api/v1 declares the permission
// it needs (`config.permission`); a request needs `Authorization: Bearer <token>` of a live token whose
// role has that permission (else 401 / 403, before the body is even read), and every record a route
// touches is checked against the token's sites with `requireSite` or a `guardFor` guard (403).
// Addresses that keep presenting bad tokens get 429 for their bad tokens for a while; a valid token
// is never refused for them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FailureLimiter } from '../core/auth/failure-limiter.js';
import { can, decide, type Permission, type Principal, ROLE_DESCRIPTIONS } from '../core/auth/permissions.js';
import type { Clock } from '../core/clock.js';
import type { Actor } from '../services/admin/audit.js';
import type { Guard } from '../services/admin/guard.js';
import type { TokensService } from '../services/admin/tokens.js';
import { ErrorSchema, forbidden, HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Principal | null;
  }
  interface FastifyContextConfig {
    /** What the route needs; every route under /api/v1 must say. */
    permission?: Permission;
  }
}

export interface AuthOptions {
  tokens: TokensService;
  clock: Clock;
  limiter: FailureLimiter;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/** Registers the hooks in the calling plugin's scope (the /api/v1 routes). */
export function registerAuth(app: FastifyInstance, opts: AuthOptions): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) throw new Error(`${route.method} ${route.url} declares no permission`);
    const schema = route.schema ?? {};
    const errors: Record<number, typeof ErrorSchema> = {
      401: ErrorSchema,
      403: ErrorSchema,
      429: ErrorSchema,
      503: ErrorSchema,
    };
    if (schema.body || schema.querystring || schema.params) errors[400] = ErrorSchema;
    if (schema.params) errors[404] = ErrorSchema;
    const methods = [route.method].flat();
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) errors[409] = ErrorSchema;
    route.schema = {
      ...schema,
      security: [{ bearer: [] }],
      description: [schema.description, `Needs a token with the permission \`${permission}\`.`]
        .filter(Boolean)
        .join('\n\n'),
      response: { ...errors, ...(schema.response as object) },
    };
  });

  app.addHook('onRequest', async (req, reply) => {
    const now = opts.clock.now().getTime();
    const header = req.headers.authorization;
    if (!header) {
      reply.header('www-authenticate', 'Bearer realm="shouwang"');
      throw new HttpError(401, 'UNAUTHENTICATED', 'give a token: Authorization: Bearer <token>');
    }
    const secret = BEARER.exec(header)?.[1];
    // A valid token is always let in: behind a proxy everyone may share one address, and one caller's
    // bad tokens must not lock the others out. Only bad tokens are refused more firmly.
    const principal = secret ? await opts.tokens.authenticate(secret) : null;
    if (!principal) {
      const wait = opts.limiter.retryAfterMs(req.ip, now);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new HttpError(
          429,
          'TOO_MANY_FAILURES',
          'too many bad tokens from this address; try again later',
        );
      }
      opts.limiter.fail(req.ip, now);
      reply.header('www-authenticate', 'Bearer realm="shouwang", error="invalid_token"');
      throw new HttpError(401, 'UNAUTHENTICATED', 'the token is not valid: unknown, revoked or malformed');
    }
    req.auth = principal;
    const permission = req.routeOptions.config.permission as Permission;
    if (!can(principal.role, permission))
      throw forbidden(
        `a ${principal.role} token (${ROLE_DESCRIPTIONS[principal.role]}) may not do this: it needs ${permission}`,
      );
  });
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.auth) throw new HttpError(401, 'UNAUTHENTICATED', 'give a token: Authorization: Bearer <token>');
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  const p = principalOf(req);
  return { tokenId: p.tokenId, name: p.name };
}

/** The route's own permission, unless another is named. */
const permissionOf = (req: FastifyRequest, permission?: Permission) =>
  permission ?? (req.routeOptions.config.permission as Permission);

/** Refuses (403) unless the token may use `permission` on a record of `siteId` (null: a record of no site). */
export function requireSite(req: FastifyRequest, siteId: number | null, permission?: Permission): void {
  const p = principalOf(req);
  const perm = permissionOf(req, permission);
  const d = decide(p, perm, siteId);
  if (d === 'role') throw forbidden(`a ${p.role} token may not do this: it needs ${perm}`);
  if (d === 'site')
    throw forbidden(
      siteId === null
        ? 'this record belongs to no site; only all-sites tokens may touch it'
        : `site ${siteId} is not one of this token's sites`,
    );
}

/** A guard for services to check each record they touch against the token. */
export function guardFor(req: FastifyRequest, permission?: Permission): Guard {
  return (siteId) => requireSite(req, siteId, permission);
}

/** The sites a list is limited to for this token: null for every site. */
export function scopeOf(req: FastifyRequest): number[] | null {
  return principalOf(req).siteIds;
}

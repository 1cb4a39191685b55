// /api/v1/tokens: admin tokens for the API, created (the token shown once), listed, revoked.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ROLES } from '../../core/auth/permissions.js';
import type { PublicToken } from '../../services/admin/tokens.js';
import type { Uses } from '../api.js';
import { actorOf } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, PageQuery, page, recordId, toPage } from '../schemas.js';

const Token = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(API_ROLES),
    sites: z
      .array(z.number().int())
      .nullable()
      .describe('Site ids the token is limited to; null: every site'),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });

const NewToken = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(API_ROLES),
  sites: z
    .array(recordId)
    .min(1)
    .max(100)
    .optional()
    .describe('Site ids; required for every role but admin, which spans every site'),
});

export const tokenRoutes =
  (ctx: Uses<never, 'tokens'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (t: PublicToken) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      sites: t.siteIds ?? null,
      prefix: t.prefix,
      createdAt: ctx.instant(t.createdAt),
      lastUsedAt: ctx.instantOrNull(t.lastUsedAt),
      revokedAt: ctx.instantOrNull(t.revokedAt),
    });
    const tags = ['tokens'];
    const config = { permission: 'tokens:manage' as const };

    app.get(
      '/tokens',
      {
        config,
        schema: {
          tags,
          summary: 'List API tokens (never the tokens themselves)',
          querystring: z.strictObject({
            ...PageQuery,
            revoked: z
              .enum(['true', 'false'])
              .default('false')
              .describe('Include revoked tokens')
              .transform((v) => v === 'true'),
          }),
          response: { 200: page(Token) },
        },
      },
      async (req) => {
        const { limit, cursor, revoked } = req.query;
        const rows = await ctx.services.tokens.list({
          afterId: decodeCursor(cursor),
          limit: limit + 1,
          includeRevoked: revoked,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/tokens/:id',
      { config, schema: { tags, summary: 'One API token', params: IdParams, response: { 200: Token } } },
      async (req) => {
        const row = await ctx.services.tokens.byId(req.params.id);
        if (!row) throw notFound(`token ${req.params.id}`);
        return present(row);
      },
    );

    app.post(
      '/tokens',
      {
        config,
        schema: {
          tags,
          summary: 'Create an API token; the answer holds the token, shown this once',
          body: NewToken,
          response: { 201: Token.extend({ token: z.string().describe('The bearer token; keep it safe') }) },
        },
      },
      async (req, reply) => {
        const { token, row } = await ctx.services.tokens.create(actorOf(req), {
          name: req.body.name,
          role: req.body.role,
          siteIds: req.body.sites ?? null,
        });
        return reply.code(201).send({ ...present(row), token });
      },
    );

    app.post(
      '/tokens/:id/revoke',
      {
        config,
        schema: {
          tags,
          summary: 'Revoke an API token; it stops working at once',
          params: IdParams,
          response: { 200: Token },
        },
      },
      async (req) => present(await ctx.services.tokens.revoke(actorOf(req), req.params.id)),
    );
  };

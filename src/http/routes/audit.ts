// /api/v1/audit: every write through the API (and the token commands), newest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditRow } from '../../../db/repositories/audit-log.js';
import { addDays, zonedInstant } from '../../core/time.js';
import type { Uses } from '../api.js';
import {
  DateQuery,
  dateRange,
  decodeCursor,
  PageQuery,
  page,
  recordIdParam,
  SiteQuery,
  toPage,
} from '../schemas.js';

const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({
      tokenId: z.number().int().nullable().describe('null: the command line'),
      name: z.string(),
    }),
    action: z.string().describe('create, update, delete, revoke, review, retry …'),
    entity: z.string().describe('site, group, room, resident, household, message, outbox, token …'),
    entityId: z.string(),
    siteId: z.number().int().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes =
  (ctx: Uses<never, 'audit'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (a: AuditRow) => ({
      id: a.id,
      at: ctx.instant(a.at),
      actor: { tokenId: a.actorTokenId, name: a.actorName },
      action: a.action,
      entity: a.entity,
      entityId: a.entityId,
      siteId: a.siteId,
      before: a.before,
      after: a.after,
    });

    app.get(
      '/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first',
          description: 'Dates are local days in the service’s zone.',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            entity: z.string().trim().min(1).max(50).optional(),
            entityId: z.string().trim().min(1).max(50).optional(),
            token: recordIdParam.optional().describe('Only what this token did'),
          }),
          response: { 200: page(AuditEntry) },
        },
      },
      async (req) => {
        const { limit, cursor, site, entity, entityId, token } = req.query;
        const { from, to } = dateRange(req.query);
        const rows = await ctx.services.audit.list({
          entity,
          entityId,
          siteId: site,
          actorTokenId: token,
          from: from ? zonedInstant(from, '00:00', ctx.defaultZone) : undefined,
          until: to ? zonedInstant(addDays(to, 1), '00:00', ctx.defaultZone) : undefined,
          beforeId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );
  };

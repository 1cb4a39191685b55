// /api/v1/requests: residents' requests (tickets R-0012) of observation sites; taking and closing them
// as #接单 / #完成 in the staff group do — closing tells the resident in the residents group.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import {
  booleanQuery,
  NoteBody,
  noteOf,
  presentRequest,
  REQUEST_STATUSES,
  residentNotFound,
  Ticket,
} from '../health-schemas.js';
import { decodeCursor, IdParams, PageQuery, page, recordIdParam, SiteQuery, toPage } from '../schemas.js';

export const requestRoutes =
  (ctx: Uses<'health' | 'residents'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requests'];
    const health = ctx.services.admin.health;

    app.get(
      '/requests',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags,
          summary: 'Residents’ requests, oldest first; by site, status, urgency and resident',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            status: z.enum(REQUEST_STATUSES).optional(),
            urgent: booleanQuery('true: urgent ones only; false: the others'),
            resident: recordIdParam.optional().describe('Only this resident’s (id)'),
          }),
          response: { 200: page(Ticket) },
        },
      },
      async (req) => {
        const { limit, cursor, site, resident, ...filters } = req.query;
        const scope = await ctx.listScope(req, site);
        if (resident !== undefined) {
          const r = await ctx.services.admin.residents.resident(resident);
          if (!r) throw residentNotFound(resident);
          requireSite(req, r.siteId);
        }
        const rows = await health.requests({
          ...scope,
          ...filters,
          residentId: resident,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(
          rows,
          limit,
          (r) => r.request.id,
          (r) => presentRequest(ctx, r),
        );
      },
    );

    app.get(
      '/requests/:id',
      {
        config: { permission: 'requests:read' },
        schema: { tags, summary: 'One request', params: IdParams, response: { 200: Ticket } },
      },
      async (req) => {
        const row = await health.request(req.params.id);
        if (!row) throw notFound(`request ${req.params.id}`);
        requireSite(req, row.request.siteId);
        return presentRequest(ctx, row);
      },
    );

    app.post(
      '/requests/:id/assign',
      {
        config: { permission: 'requests:write' },
        schema: {
          tags,
          summary: 'Give a request to someone (as #接单 R-0012); 409 when it is done or withdrawn',
          params: IdParams,
          body: z.strictObject({ to: z.string().trim().min(1).max(50).describe('Who takes it') }),
          response: { 200: Ticket },
        },
      },
      async (req) =>
        presentRequest(
          ctx,
          await health.ticket(actorOf(req), req.params.id, 'assign', { to: req.body.to }, guardFor(req)),
        ),
    );

    app.post(
      '/requests/:id/close',
      {
        config: { permission: 'requests:write' },
        schema: {
          tags,
          summary: 'Close a request (as #完成 R-0012 备注): the resident is told in the residents group',
          description:
            'The resident is @mentioned in the residents group through the outbox (held until the end of quiet hours). 409 when it is already done or withdrawn.',
          params: IdParams,
          body: NoteBody.nullable(),
          response: { 200: Ticket },
        },
      },
      async (req) =>
        presentRequest(
          ctx,
          await health.ticket(actorOf(req), req.params.id, 'done', { note: noteOf(req.body) }, guardFor(req)),
        ),
    );
  };

// /api/v1/alerts: fever and symptom alerts of observation sites, and acknowledging them (as #已处理 in
// the staff group does).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { ALERT_STATUSES, Alert, NoteBody, noteOf, presentAlert } from '../health-schemas.js';
import {
  DateQuery,
  dateRange,
  decodeCursor,
  IdParams,
  PageQuery,
  page,
  SiteQuery,
  toPage,
} from '../schemas.js';

export const alertRoutes =
  (ctx: Uses<'health'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['health'];
    const health = ctx.services.admin.health;

    app.get(
      '/alerts',
      {
        config: { permission: 'health:read' },
        schema: {
          tags,
          summary: 'Fever and symptom alerts, oldest first; by site, status and the day raised',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            status: z.enum(ALERT_STATUSES).optional(),
          }),
          response: { 200: page(Alert) },
        },
      },
      async (req) => {
        const { limit, cursor, site, status, ...dates } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await health.alerts({
          ...scope,
          status,
          ...dateRange(dates),
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(
          rows,
          limit,
          (r) => r.id,
          (r) => presentAlert(ctx, r),
        );
      },
    );

    app.get(
      '/alerts/:id',
      {
        config: { permission: 'health:read' },
        schema: { tags, summary: 'One alert', params: IdParams, response: { 200: Alert } },
      },
      async (req) => {
        const row = await health.alert(req.params.id);
        if (!row) throw notFound(`alert ${req.params.id}`);
        requireSite(req, row.siteId);
        return presentAlert(ctx, row);
      },
    );

    app.post(
      '/alerts/:id/ack',
      {
        config: { permission: 'health:write' },
        schema: {
          tags,
          summary: 'Acknowledge an alert (as #已处理 A-0003 in the staff group); 409 when it already is',
          params: IdParams,
          body: NoteBody.nullable(),
          response: { 200: Alert },
        },
      },
      async (req) =>
        presentAlert(
          ctx,
          await health.acknowledgeAlert(actorOf(req), req.params.id, noteOf(req.body), guardFor(req)),
        ),
    );
  };

// /api/v1/reports: residents' temperature and symptom reports — the current one of each resident, day
// and slot (a later report in the same slot replaces the earlier, which stays as history only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Uses } from '../api.js';
import { requireSite } from '../auth.js';
import { booleanQuery, presentReport, Report, residentNotFound } from '../health-schemas.js';
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

export const reportRoutes =
  (ctx: Uses<'health' | 'residents'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports',
      {
        config: { permission: 'health:read' },
        schema: {
          tags: ['health'],
          summary: 'Temperature and symptom reports (the current ones), oldest first',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            resident: recordIdParam.optional().describe('Only this resident’s (id)'),
            slot: z.enum(['am', 'pm']).optional().describe('am: the morning report, pm: the evening'),
            fever: booleanQuery('true: fevers only; false: the others'),
          }),
          response: { 200: page(Report) },
        },
      },
      async (req) => {
        const { limit, cursor, site, resident, slot, fever, ...dates } = req.query;
        const scope = await ctx.listScope(req, site);
        if (resident !== undefined) {
          const r = await ctx.services.admin.residents.resident(resident);
          if (!r) throw residentNotFound(resident);
          requireSite(req, r.siteId);
        }
        const rows = await ctx.services.admin.health.reports({
          ...scope,
          ...dateRange(dates),
          residentId: resident,
          slot,
          fever,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(
          rows,
          limit,
          (r) => r.id,
          (r) => presentReport(ctx, r),
        );
      },
    );
  };

// /api/v1/jielongs: the 接龙 lists villagers posted, each line one order.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JielongView } from '../../../db/repositories/village-admin.js';
import { ORDER_STATUSES } from '../../../db/schema.js';
import type { Uses } from '../api.js';
import { requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, instant, PageQuery, page, SiteQuery, toPage } from '../schemas.js';
import { OrderItem } from './orders.js';

const fields = {
  id: z.number().int(),
  siteId: z.number().int(),
  title: z.string().describe('The list’s header as posted'),
  product: z.string().nullable().describe('The product the whole list is for, when it names one'),
  day: z.string().describe('The local day the list was started'),
  createdAt: instant,
  updatedAt: instant.describe('Its last re-post'),
};

const Jielong = z
  .object({ ...fields, lines: z.number().int().describe('Lines (orders) it has now') })
  .meta({ id: 'Jielong' });

const JielongLine = z.object({
  n: z.number().int().describe('Line number'),
  name: z.string().describe('Who the line is for'),
  items: z.array(OrderItem),
  text: z.string().nullable().describe('The line as last posted'),
  orderId: z.number().int(),
  status: z.enum(ORDER_STATUSES),
});

const JielongDetail = z.object({ ...fields, lines: z.array(JielongLine) }).meta({ id: 'JielongDetail' });

export const jielongRoutes =
  (ctx: Uses<'village'>): FastifyPluginAsyncZod =>
  async (app) => {
    const head = (j: JielongView) => ({
      id: j.id,
      siteId: j.siteId,
      title: j.header,
      product: j.product,
      day: j.day,
      createdAt: ctx.instant(j.createdAt),
      updatedAt: ctx.instant(j.updatedAt),
    });
    const tags = ['jielongs'];
    const village = ctx.services.admin.village;

    app.get(
      '/jielongs',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: '接龙 lists by site, oldest first',
          querystring: z.strictObject({ ...PageQuery, ...SiteQuery }),
          response: { 200: page(Jielong) },
        },
      },
      async (req) => {
        const { limit, cursor, site } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await village.jielongs({ ...scope, afterId: decodeCursor(cursor), limit: limit + 1 });
        return toPage(
          rows,
          limit,
          (r) => r.id,
          (j) => ({ ...head(j), lines: j.lines }),
        );
      },
    );

    app.get(
      '/jielongs/:id',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: 'One 接龙 list with its lines',
          params: IdParams,
          response: { 200: JielongDetail },
        },
      },
      async (req) => {
        const j = await village.jielong(req.params.id);
        if (!j) throw notFound(`接龙 ${req.params.id}`);
        requireSite(req, j.siteId);
        return {
          ...head(j),
          lines: j.orders.map((o) => ({
            n: o.jielongSeq as number,
            name: o.customer,
            items: o.items.map((i) => ({ name: i.name, qty: i.qty, unit: i.unit, cancelled: i.cancelled })),
            text: o.jielongLine,
            orderId: o.id,
            status: o.status,
          })),
        };
      },
    );
  };

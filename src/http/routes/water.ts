// /api/v1/water: drinking-water bookings (W-0005) by delivery day, and marking one delivered as the
// volunteers' #送达 W-0005 does.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WaterView } from '../../../db/repositories/village-admin.js';
import { waterNo } from '../../core/village/format.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, instant, isoDate, PageQuery, page, SiteQuery, toPage } from '../schemas.js';

const WATER_STATUSES = ['booked', 'delivered', 'cancelled'] as const;

const WaterBooking = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    number: z.number().int(),
    ref: z.string().describe('As people quote it, e.g. W-0005'),
    customer: z.string(),
    household: z.string().nullable(),
    villageGroup: z.string().nullable(),
    phone: z.string().nullable(),
    deliverTo: z.string().nullable(),
    qty: z.number().nullable(),
    unit: z.string().nullable(),
    day: z.string().describe('The local day to deliver on'),
    part: z.enum(['am', 'pm', 'evening']).nullable().describe('Part of the day, when said'),
    status: z.enum(WATER_STATUSES),
    createdAt: instant,
    deliveredAt: instant.nullable(),
  })
  .meta({ id: 'WaterBooking' });

export const waterRoutes =
  (ctx: Uses<'village'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (w: WaterView) => ({
      id: w.id,
      siteId: w.siteId,
      number: w.number,
      ref: waterNo(w.number),
      customer: w.customer,
      household: w.household?.name ?? null,
      villageGroup: w.household?.villageGroup ?? null,
      phone: w.household?.phone ?? null,
      deliverTo: w.deliverTo,
      qty: w.qty,
      unit: w.unit,
      day: w.day,
      part: w.part,
      status: w.status,
      createdAt: ctx.instant(w.createdAt),
      deliveredAt: ctx.instantOrNull(w.deliveredAt),
    });
    const tags = ['water'];
    const village = ctx.services.admin.village;

    app.get(
      '/water',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: 'Water bookings by site, delivery day and status',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            date: isoDate.optional().describe('The local day of delivery, YYYY-MM-DD'),
            status: z.enum(WATER_STATUSES).optional(),
          }),
          response: { 200: page(WaterBooking) },
        },
      },
      async (req) => {
        const { limit, cursor, site, date, status } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await village.water({
          ...scope,
          day: date,
          status,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/water/:id',
      {
        config: { permission: 'orders:read' },
        schema: { tags, summary: 'One water booking', params: IdParams, response: { 200: WaterBooking } },
      },
      async (req) => {
        const row = await village.booking(req.params.id);
        if (!row) throw notFound(`water booking ${req.params.id}`);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/water/:id/delivered',
      {
        config: { permission: 'orders:write' },
        schema: {
          tags,
          summary: 'Mark water delivered (as #送达 W-0005 does); the villager is told in their group',
          description: '409 unless the booking is still to deliver.',
          params: IdParams,
          response: { 200: WaterBooking },
        },
      },
      async (req) => present(await village.waterDelivered(actorOf(req), req.params.id, guardFor(req))),
    );
  };

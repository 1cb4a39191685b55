// /api/v1/orders: villagers' orders (free text or 接龙 lines), and marking them bought or delivered as
// the volunteers' #已买 / #送达 do.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OrderView } from '../../../db/repositories/village-admin.js';
import { ORDER_STATUSES } from '../../../db/schema.js';
import { orderNo } from '../../core/village/format.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import {
  DateQuery,
  dateRange,
  decodeCursor,
  IdParams,
  instant,
  PageQuery,
  page,
  SiteQuery,
  toPage,
} from '../schemas.js';

export const OrderItem = z.object({
  name: z.string(),
  qty: z.number().nullable(),
  unit: z.string().nullable(),
  cancelled: z.boolean().describe('Withdrawn by the villager'),
});

const Order = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    number: z.number().int(),
    ref: z.string().describe('As people quote it, e.g. O-0031'),
    customer: z.string(),
    household: z.string().nullable().describe('The household’s name, when known'),
    villageGroup: z.string().nullable().describe('The household’s 组'),
    phone: z.string().nullable().describe('The household’s phone'),
    place: z.string().nullable().describe('Where to deliver'),
    items: z.array(OrderItem),
    status: z.enum(ORDER_STATUSES),
    source: z.enum(['message', 'jielong']),
    jielongId: z.number().int().nullable(),
    jielongLine: z.number().int().nullable().describe('The line number in its 接龙'),
    volunteer: z.string().nullable().describe('Who bought or delivered it'),
    createdAt: instant,
    boughtAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    cancelledAt: instant.nullable(),
    cost: z.number().nullable().describe('What the volunteer paid, in yuan'),
    note: z.string().nullable().describe('The last note given when marking it through the API'),
  })
  .meta({ id: 'Order' });

const Note = z.string().trim().min(1).max(500);

export const orderRoutes =
  (ctx: Uses<'village'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (o: OrderView) => ({
      id: o.id,
      siteId: o.siteId,
      number: o.number,
      ref: orderNo(o.number),
      customer: o.customer,
      household: o.household?.name ?? null,
      villageGroup: o.household?.villageGroup ?? null,
      phone: o.household?.phone ?? null,
      place: o.deliverTo,
      items: o.items.map((i) => ({ name: i.name, qty: i.qty, unit: i.unit, cancelled: i.cancelled })),
      status: o.status,
      source: o.jielongId === null ? ('message' as const) : ('jielong' as const),
      jielongId: o.jielongId,
      jielongLine: o.jielongSeq,
      volunteer: o.volunteer,
      createdAt: ctx.instant(o.createdAt),
      boughtAt: ctx.instantOrNull(o.boughtAt),
      deliveredAt: ctx.instantOrNull(o.deliveredAt),
      cancelledAt: ctx.instantOrNull(o.cancelledAt),
      cost: o.costFen === null ? null : o.costFen / 100,
      note: o.note,
    });
    const tags = ['orders'];
    const village = ctx.services.admin.village;

    app.get(
      '/orders',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: 'Villagers’ orders by site, status and the local day they were placed',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            status: z.enum(ORDER_STATUSES).optional(),
          }),
          response: { 200: page(Order) },
        },
      },
      async (req) => {
        const { limit, cursor, site, status } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await village.orders({
          ...scope,
          ...dateRange(req.query),
          statuses: status ? [status] : undefined,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/orders/:id',
      {
        config: { permission: 'orders:read' },
        schema: { tags, summary: 'One order', params: IdParams, response: { 200: Order } },
      },
      async (req) => {
        const row = await village.order(req.params.id);
        if (!row) throw notFound(`order ${req.params.id}`);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/orders/:id/bought',
      {
        config: { permission: 'orders:write' },
        schema: {
          tags,
          summary: 'Mark an open order bought (as #已买 does), with what was paid',
          description: '409 unless the order is open.',
          params: IdParams,
          body: z
            .strictObject({
              cost: z.number().min(0).max(1_000_000).optional().describe('What was paid, in yuan'),
              note: Note.optional(),
            })
            .nullish(),
          response: { 200: Order },
        },
      },
      async (req) =>
        present(await village.bought(actorOf(req), req.params.id, req.body ?? {}, guardFor(req))),
    );

    app.post(
      '/orders/:id/delivered',
      {
        config: { permission: 'orders:write' },
        schema: {
          tags,
          summary: 'Mark an order delivered (as #送达 does); the villager is told in their group',
          description: '409 when the order is cancelled or already delivered.',
          params: IdParams,
          body: z.strictObject({ note: Note.optional() }).nullish(),
          response: { 200: Order },
        },
      },
      async (req) =>
        present(await village.delivered(actorOf(req), req.params.id, req.body ?? {}, guardFor(req))),
    );
  };

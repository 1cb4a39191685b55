// /api/v1/sites/:id/purchase-list and /delivery-list: a village's volunteers' lists as data, the same
// lists the bot posts in the volunteers' group.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderNo, waterNo } from '../../core/village/format.js';
import type { Uses } from '../api.js';
import { guardFor } from '../auth.js';
import { IdParams, instant, isoDate } from '../schemas.js';

const Item = z.object({ name: z.string(), qty: z.number().nullable(), unit: z.string().nullable() });

const PurchaseList = z
  .object({
    site: z.string().describe('The village’s name'),
    siteId: z.number().int(),
    asOf: instant,
    items: z.array(
      z.object({
        name: z.string().describe('After the alias list (菜油 → 菜籽油)'),
        unit: z.string().nullable(),
        qty: z.number().nullable().describe('Sum of the stated quantities; null when no order stated one'),
        orders: z.number().int().describe('Orders asking for it'),
        unsized: z.number().int().describe('Of those, how many stated no quantity'),
      }),
    ),
  })
  .meta({ id: 'PurchaseList' });

const DeliveryList = z
  .object({
    site: z.string(),
    siteId: z.number().int(),
    date: z.string(),
    stops: z.array(
      z.object({
        who: z.string().describe('Household, else the customer'),
        villageGroup: z.string().nullable(),
        place: z.string().nullable(),
        phone: z.string().nullable(),
        orders: z.array(z.object({ number: z.number().int(), ref: z.string(), items: z.array(Item) })),
        water: z.array(
          z.object({
            number: z.number().int(),
            ref: z.string(),
            qty: z.number().nullable(),
            unit: z.string().nullable(),
            part: z.enum(['am', 'pm', 'evening']).nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'DeliveryList' });

export const listRoutes =
  (ctx: Uses<'lists'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['village lists'];
    const lists = ctx.services.admin.lists;

    app.get(
      '/sites/:id/purchase-list',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: 'What the volunteers still have to buy for a village, summed per item and unit',
          description: '409 for an observation site.',
          params: IdParams,
          response: { 200: PurchaseList },
        },
      },
      async (req) => {
        const l = await lists.purchase(req.params.id, guardFor(req));
        return {
          site: l.site.name,
          siteId: l.site.id,
          asOf: ctx.instant(l.asOf),
          items: l.items.map((i) => ({
            name: i.name,
            unit: i.unit,
            qty: i.qty,
            orders: i.orders,
            unsized: i.unsized,
          })),
        };
      },
    );

    app.get(
      '/sites/:id/delivery-list',
      {
        config: { permission: 'orders:read' },
        schema: {
          tags,
          summary: 'What to bring to whom: bought orders and the day’s water, stop by stop, by village group',
          description: '409 for an observation site.',
          params: IdParams,
          querystring: z.strictObject({
            date: isoDate.optional().describe('The day of the water deliveries; today by default'),
          }),
          response: { 200: DeliveryList },
        },
      },
      async (req) => {
        const l = await lists.delivery(req.params.id, req.query.date, guardFor(req));
        return {
          site: l.site.name,
          siteId: l.site.id,
          date: l.date,
          stops: l.stops.map((s) => ({
            ...s,
            orders: s.orders.map((o) => ({
              number: o.number,
              ref: orderNo(o.number),
              items: o.items.map((i) => ({ name: i.name, qty: i.qty, unit: i.unit })),
            })),
            water: s.water.map((w) => ({ ...w, ref: waterNo(w.number) })),
          })),
        };
      },
    );
  };

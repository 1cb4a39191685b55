// /api/v1/households: a village's households, who order and where goods go.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HouseholdRow } from '../../../db/repositories/roster.js';
import { plainName } from '../../core/setup-file.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, PageQuery, page, recordId, SiteQuery, toPage } from '../schemas.js';

const Household = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    name: z.string(),
    group: z.string().nullable().describe('Village group (组), e.g. 三组'),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    wechat: z.string().nullable(),
    wechatBound: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Household' });

const text = (max: number) => z.string().trim().min(1).max(max);
const fields = {
  group: plainName(50).nullable().optional(),
  address: text(200).nullable().optional(),
  phone: text(40).nullable().optional(),
  wechat: plainName(100).nullable().optional(),
};
const NewHousehold = z.strictObject({ siteId: recordId, name: plainName(100), ...fields });
const HouseholdPatch = z
  .strictObject({ name: plainName(100).optional(), ...fields })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

export const householdRoutes =
  (ctx: Uses<'households'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (h: HouseholdRow) => ({
      id: h.id,
      siteId: h.siteId,
      name: h.name,
      group: h.villageGroup,
      address: h.address,
      phone: h.phone,
      wechat: h.wechatName,
      wechatBound: h.wechatId !== null,
      createdAt: ctx.instant(h.createdAt),
    });
    const tags = ['households'];
    const households = ctx.services.admin.households;

    app.get(
      '/households',
      {
        config: { permission: 'registry:read' },
        schema: {
          tags,
          summary: 'Households of villages',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            q: text(100).optional().describe('Part of a name, group, address, nickname or phone'),
          }),
          response: { 200: page(Household) },
        },
      },
      async (req) => {
        const { limit, cursor, site, q } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await households.list({
          ...scope,
          q,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/households/:id',
      {
        config: { permission: 'registry:read' },
        schema: { tags, summary: 'One household', params: IdParams, response: { 200: Household } },
      },
      async (req) => {
        const row = await households.get(req.params.id);
        if (!row) throw notFound(`household ${req.params.id}`);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/households',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Add a household to a village',
          body: NewHousehold,
          response: { 201: Household },
        },
      },
      async (req, reply) => {
        const row = await households.create(actorOf(req), req.body, guardFor(req));
        return reply.code(201).send(present(row));
      },
    );

    app.patch(
      '/households/:id',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Change a household’s name, group, address, phone or nickname',
          params: IdParams,
          body: HouseholdPatch,
          response: { 200: Household },
        },
      },
      async (req) => present(await households.update(actorOf(req), req.params.id, req.body, guardFor(req))),
    );
  };

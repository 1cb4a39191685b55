// /api/v1/residents: people under observation at a site. Release, transfer and extension of the
// observation period are the quarantine service's and come with it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ResidentView } from '../../../db/repositories/roster.js';
import { RESIDENT_STATUSES } from '../../core/domain.js';
import { plainName, ResidentInput } from '../../core/setup-file.js';
import type { ApiContext, Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, PageQuery, page, recordId, SiteQuery, toPage } from '../schemas.js';

export const Resident = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    name: z.string(),
    room: z.string().nullable(),
    phone: z.string().nullable(),
    wechat: z.string().nullable().describe('Group nickname the resident writes under'),
    born: z.number().int().nullable().describe('Year of birth'),
    wechatBound: z.boolean().describe('Whether the bot knows the resident’s WeChat account'),
    startDate: z.string(),
    plannedEndDate: z.string().describe('Planned release date'),
    status: z.enum(RESIDENT_STATUSES),
    statusAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Resident' });

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

// The setup file's resident rules (../shared/CONTRACT.md section 3), with the site named by id.
const NewResident = z.strictObject({
  siteId: recordId,
  name: ResidentInput.shape.name,
  room: ResidentInput.shape.room,
  start: ResidentInput.shape.start.describe('First day of observation, YYYY-MM-DD'),
  days: ResidentInput.shape.days.describe('Observation days; the site’s when absent'),
  phone: optionalText(40),
  wechat: plainName(100).nullable().optional(),
  born: ResidentInput.shape.born
    .nullable()
    .describe('Year of birth (the elderly come first on the call list)'),
});

const ResidentPatch = z
  .strictObject({
    name: ResidentInput.shape.name.optional(),
    phone: optionalText(40),
    wechat: optionalText(100),
    born: ResidentInput.shape.born.nullable(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

/** A resident as the API shows one (GET /residents/:id and the answers that carry a resident). */
export const presentResident = (ctx: Pick<ApiContext, 'instant' | 'instantOrNull'>, r: ResidentView) => ({
  id: r.id,
  siteId: r.siteId,
  name: r.name,
  room: r.room,
  phone: r.phone,
  wechat: r.wechatName,
  born: r.birthYear,
  wechatBound: r.wechatId !== null,
  startDate: r.startDate,
  plannedEndDate: r.plannedEndDate,
  status: r.status,
  statusAt: ctx.instantOrNull(r.statusAt),
  createdAt: ctx.instant(r.createdAt),
});

export const residentRoutes =
  (ctx: Uses<'residents'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (r: ResidentView) => presentResident(ctx, r);
    const tags = ['residents'];
    const roster = ctx.services.admin.residents;

    app.get(
      '/residents',
      {
        config: { permission: 'registry:read' },
        schema: {
          tags,
          summary: 'The roster: residents by site, status, room, or a search of name, nickname and phone',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            status: z.enum(RESIDENT_STATUSES).optional(),
            room: z.string().trim().min(1).max(20).optional().describe('Room number'),
            q: z.string().trim().min(1).max(100).optional().describe('Part of a name, nickname or phone'),
          }),
          response: { 200: page(Resident) },
        },
      },
      async (req) => {
        const { limit, cursor, site, ...filters } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await roster.residents({
          ...scope,
          ...filters,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/residents/:id',
      {
        config: { permission: 'registry:read' },
        schema: { tags, summary: 'One resident', params: IdParams, response: { 200: Resident } },
      },
      async (req) => {
        const row = await roster.resident(req.params.id);
        if (!row) throw notFound(`resident ${req.params.id}`);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/residents',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Register a resident (the room is added when new)',
          body: NewResident,
          response: { 201: Resident },
        },
      },
      async (req, reply) => {
        const row = await roster.createResident(actorOf(req), req.body, guardFor(req));
        return reply.code(201).send(present(row));
      },
    );

    app.patch(
      '/residents/:id',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Correct a resident’s name, phone or WeChat nickname',
          params: IdParams,
          body: ResidentPatch,
          response: { 200: Resident },
        },
      },
      async (req) =>
        present(await roster.updateResident(actorOf(req), req.params.id, req.body, guardFor(req))),
    );
  };

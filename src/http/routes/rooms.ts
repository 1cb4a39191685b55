// /api/v1/rooms: the rooms of observation sites.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Uses } from '../api.js';
import { actorOf, guardFor } from '../auth.js';
import { decodeCursor, PageQuery, page, recordId, SiteQuery, toPage } from '../schemas.js';

const Room = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    number: z.string(),
    observing: z.number().int().describe('Residents under observation in the room'),
  })
  .meta({ id: 'Room' });

const NewRoom = z.strictObject({
  siteId: recordId,
  number: z.string().trim().min(1).max(20).describe('As people write it: 2105, 3-201'),
});

export const roomRoutes =
  (ctx: Uses<'residents'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['rooms'];
    const roster = ctx.services.admin.residents;

    app.get(
      '/rooms',
      {
        config: { permission: 'registry:read' },
        schema: {
          tags,
          summary: 'Rooms of observation sites',
          querystring: z.strictObject({ ...PageQuery, ...SiteQuery }),
          response: { 200: page(Room) },
        },
      },
      async (req) => {
        const { limit, cursor, site } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await roster.rooms({ ...scope, afterId: decodeCursor(cursor), limit: limit + 1 });
        return toPage(
          rows,
          limit,
          (r) => r.id,
          (r) => ({ ...r, observing: Number(r.observing) }),
        );
      },
    );

    app.post(
      '/rooms',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Add a room to an observation site',
          body: NewRoom,
          response: { 201: Room },
        },
      },
      async (req, reply) => {
        const row = await roster.createRoom(actorOf(req), req.body, guardFor(req));
        return reply.code(201).send({ ...row, observing: 0 });
      },
    );
  };

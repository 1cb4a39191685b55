// /api/v1/groups: which WeChat group (by topic) belongs to which site, in which role.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GroupRow } from '../../../db/repositories/group-bindings.js';
import { GROUP_ROLES } from '../../core/domain.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor } from '../auth.js';
import { decodeCursor, IdParams, PageQuery, page, recordId, SiteQuery, toPage } from '../schemas.js';

const Group = z
  .object({
    id: z.number().int(),
    topic: z.string().describe('The WeChat group’s name'),
    siteId: z.number().int().nullable(),
    role: z.enum(GROUP_ROLES).nullable(),
    roomId: z.string().nullable().describe('The WeChat room id, once the bot has seen the group'),
    account: z
      .string()
      .nullable()
      .describe(
        'The bot’s WeChat user id that speaks in the group (its instance sends the group’s messages)',
      ),
    createdAt: z.string(),
  })
  .meta({ id: 'Group' });

const topic = z.string().trim().min(1).max(200);
const NewGroup = z.strictObject({ topic, siteId: recordId, role: z.enum(GROUP_ROLES) });
const GroupPatch = z
  .strictObject({
    topic: topic.optional(),
    siteId: recordId.optional(),
    role: z.enum(GROUP_ROLES).optional(),
    account: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .describe('Move the group to the instance logged in as this bot account; null lets any instance send'),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

export const groupRoutes =
  (ctx: Uses<'groups'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (g: GroupRow) => ({
      id: g.id,
      topic: g.topic,
      siteId: g.siteId,
      role: g.role,
      roomId: g.roomId,
      account: g.account,
      createdAt: ctx.instant(g.createdAt),
    });
    const tags = ['groups'];
    const groups = ctx.services.admin.groups;

    app.get(
      '/groups',
      {
        config: { permission: 'groups:read' },
        schema: {
          tags,
          summary: 'WeChat groups and the site and role each is bound to',
          querystring: z.strictObject({ ...PageQuery, ...SiteQuery, role: z.enum(GROUP_ROLES).optional() }),
          response: { 200: page(Group) },
        },
      },
      async (req) => {
        const { limit, cursor, site, role } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await groups.list({ ...scope, role, afterId: decodeCursor(cursor), limit: limit + 1 });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.post(
      '/groups',
      {
        config: { permission: 'groups:write' },
        schema: {
          tags,
          summary: 'Bind a WeChat group (by its topic) to a site and a role',
          description:
            'Observation sites have residents and staff groups; villages villagers and volunteers.',
          body: NewGroup,
          response: { 201: Group },
        },
      },
      async (req, reply) => {
        const row = await groups.create(actorOf(req), req.body, guardFor(req));
        return reply.code(201).send(present(row));
      },
    );

    app.patch(
      '/groups/:id',
      {
        config: { permission: 'groups:write' },
        schema: {
          tags,
          summary: 'Change a group’s topic, site, role or bot account',
          params: IdParams,
          body: GroupPatch,
          response: { 200: Group },
        },
      },
      async (req) => present(await groups.update(actorOf(req), req.params.id, req.body, guardFor(req))),
    );

    app.delete(
      '/groups/:id',
      {
        config: { permission: 'groups:write' },
        schema: {
          tags,
          summary: 'Remove a group’s binding; its stored messages stay',
          params: IdParams,
          response: { 204: z.null().describe('Removed') },
        },
      },
      async (req, reply) => {
        await groups.remove(actorOf(req), req.params.id, guardFor(req));
        return reply.code(204).send(null);
      },
    );
  };

// /api/v1/outbox: what the bot sent or queued, and a retry of messages that failed for good.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OutboxAdminRow } from '../../../db/repositories/outbox-admin.js';
import { OUTBOX_STATES } from '../../core/domain.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
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

const OutboxMessage = z
  .object({
    id: z.number().int(),
    siteId: z.number().int().nullable(),
    groupId: z.number().int().nullable(),
    room: z.string().describe('The group’s topic'),
    text: z.string(),
    mentions: z.array(z.string()).describe('Names @mentioned'),
    kind: z.string().describe('reply, reminder, digest …'),
    urgent: z.boolean(),
    status: z.enum(OUTBOX_STATES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    notBefore: z.string().describe('Not sent before this instant (pacing, quiet hours)'),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    sourceMessageId: z.number().int().nullable().describe('The message it answers'),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxRoutes =
  (ctx: Uses<'outbox'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (o: OutboxAdminRow) => ({
      id: o.id,
      siteId: o.siteId,
      groupId: o.groupId,
      room: o.topic,
      text: o.text,
      mentions: o.mentions.map((m) => m.name),
      kind: o.kind,
      urgent: o.urgent,
      status: o.status,
      attempts: o.attempts,
      lastError: o.lastError,
      notBefore: ctx.instant(o.notBefore),
      createdAt: ctx.instant(o.createdAt),
      sentAt: ctx.instantOrNull(o.sentAt),
      sourceMessageId: o.sourceMessageId,
    });
    const tags = ['outbox'];
    const outbox = ctx.services.admin.outbox;

    app.get(
      '/outbox',
      {
        config: { permission: 'outbox:read' },
        schema: {
          tags,
          summary: 'What the bot sent or queued, oldest first',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            room: z.string().trim().min(1).max(200).optional().describe('A group’s topic'),
            status: z.enum(OUTBOX_STATES).optional(),
          }),
          response: { 200: page(OutboxMessage) },
        },
      },
      async (req) => {
        const { limit, cursor, site, room, status } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await outbox.list({
          ...scope,
          ...dateRange(req.query),
          room,
          status,
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/outbox/budget',
      {
        config: { permission: 'outbox:read' },
        schema: {
          tags,
          summary:
            "Each group's daily message budget: sent today, the cap and its reserve, and what waits and why",
          querystring: z.strictObject({ ...SiteQuery }),
          response: {
            200: z.object({
              cap: z.number().int().describe('Non-urgent messages a group may get a day'),
              reserve: z
                .number()
                .int()
                .describe('Of the cap, kept for reminders and notices to a named person'),
              items: z.array(
                z.object({
                  groupId: z.number().int(),
                  siteId: z.number().int().nullable(),
                  room: z.string(),
                  sentToday: z.number().int(),
                  held: z.object({
                    cap: z.number().int().describe('Waiting for tomorrow: the cap was reached'),
                    merge: z.number().int().describe('Acknowledgements waiting to go out merged'),
                    quiet: z.number().int().describe('Waiting for the end of quiet hours'),
                  }),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const { scope, siteId } = await ctx.listScope(req, req.query.site);
        const rows = await outbox.budgets(siteId !== undefined ? [siteId] : scope);
        return {
          cap: ctx.outboxBudget?.cap ?? 300,
          reserve: ctx.outboxBudget?.reserve ?? 60,
          items: rows.map((b) => ({
            groupId: b.groupId,
            siteId: b.siteId,
            room: b.topic,
            sentToday: b.sentToday,
            held: b.held,
          })),
        };
      },
    );

    app.get(
      '/outbox/:id',
      {
        config: { permission: 'outbox:read' },
        schema: { tags, summary: 'One outgoing message', params: IdParams, response: { 200: OutboxMessage } },
      },
      async (req) => {
        const row = await outbox.get(req.params.id);
        if (!row) throw notFound(`outbox message ${req.params.id}`);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/outbox/:id/retry',
      {
        config: { permission: 'outbox:write' },
        schema: {
          tags,
          summary: 'Send a message that failed for good once more (queued now, attempts reset)',
          params: IdParams,
          response: { 200: OutboxMessage },
        },
      },
      async (req) => present(await outbox.retry(actorOf(req), req.params.id, guardFor(req))),
    );
  };

// /api/v1/messages: what the bot could not place (or failed on), for staff review: list, mark reviewed
// with a note, and re-parse (what the parser reads in it today; nothing is written).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReviewRow } from '../../../db/repositories/review.js';
import { GROUP_ROLES, MESSAGE_STATES, SITE_KINDS } from '../../core/domain.js';
import type { ParsedRecord } from '../../core/records.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { FixedRecordSchema, ParsedRecordSchema } from '../record-schemas.js';
import {
  DateQuery,
  dateRange,
  decodeCursor,
  IdParams,
  PageQuery,
  page,
  recordIdParam,
  SiteQuery,
  toPage,
} from '../schemas.js';

const Message = z
  .object({
    id: z.number().int(),
    siteId: z.number().int().nullable(),
    groupId: z.number().int().nullable(),
    topic: z.string().nullable(),
    role: z.enum(GROUP_ROLES).nullable().describe('The role of the group it was posted in'),
    talkerName: z.string(),
    text: z.string(),
    sentAt: z.string(),
    state: z.enum(MESSAGE_STATES),
    note: z.string().nullable().describe('Why the bot could not place it, or the reviewer’s note'),
    processedAt: z.string().nullable(),
  })
  .meta({ id: 'Message' });

const REVIEW_STATES = ['unplaced', 'failed', 'reviewed'] as const;

export const messageRoutes =
  (ctx: Uses<'review'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (m: ReviewRow) => ({
      id: m.id,
      siteId: m.siteId,
      groupId: m.groupId,
      topic: m.topic,
      role: m.groupRole,
      talkerName: m.talkerName,
      text: m.text,
      sentAt: ctx.instant(m.sentAt),
      state: m.state,
      note: m.note,
      processedAt: ctx.instantOrNull(m.processedAt),
    });
    const tags = ['messages'];
    const review = ctx.services.admin.review;

    const found = async (id: number) => {
      const row = await review.get(id);
      if (!row) throw notFound(`message ${id}`);
      return row;
    };

    app.get(
      '/messages',
      {
        config: { permission: 'messages:read' },
        schema: {
          tags,
          summary: 'Messages waiting for review (the bot could not place them), oldest first',
          querystring: z.strictObject({
            ...PageQuery,
            ...SiteQuery,
            ...DateQuery,
            group: recordIdParam.optional().describe('Only this group (id)'),
            status: z
              .enum(REVIEW_STATES)
              .default('unplaced')
              .describe('unplaced (default), failed (handling failed), or reviewed'),
          }),
          response: { 200: page(Message) },
        },
      },
      async (req) => {
        const { limit, cursor, site, group, status } = req.query;
        const scope = await ctx.listScope(req, site);
        const rows = await review.list({
          ...scope,
          ...dateRange(req.query),
          groupId: group,
          states: [status],
          afterId: decodeCursor(cursor),
          limit: limit + 1,
        });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/messages/:id',
      {
        config: { permission: 'messages:read' },
        schema: { tags, summary: 'One stored message', params: IdParams, response: { 200: Message } },
      },
      async (req) => {
        const row = await found(req.params.id);
        requireSite(req, row.siteId);
        return present(row);
      },
    );

    app.post(
      '/messages/:id/review',
      {
        config: { permission: 'messages:review' },
        schema: {
          tags,
          summary: 'Mark an unplaced or failed message reviewed, with a note',
          params: IdParams,
          // No body at all is fine: the bot's note stays.
          body: z.strictObject({ note: z.string().trim().min(1).max(500).optional() }).nullable(),
          response: { 200: Message },
        },
      },
      async (req) =>
        present(
          await review.markReviewed(actorOf(req), req.params.id, req.body?.note ?? null, guardFor(req)),
        ),
    );

    app.post(
      '/messages/:id/fix',
      {
        config: { permission: 'messages:review' },
        schema: {
          tags,
          summary:
            "Say what a message the bot could not read means: the words it teaches become the site's vocabulary and the message is read again",
          params: IdParams,
          body: z.strictObject({
            records: z
              .array(FixedRecordSchema)
              .min(1)
              .max(20)
              .describe('What the message says, as the parser would give it'),
          }),
          response: {
            200: z.object({
              learned: z
                .object({
                  places: z.array(z.string()).optional(),
                  names: z.array(z.string()).optional(),
                  rooms: z.array(z.string()).optional(),
                  goods: z.record(z.string(), z.string()).optional(),
                  units: z.array(z.string()).optional(),
                })
                .describe('What the site now knows that the parser did not read on its own'),
              message: Message,
            }),
          },
        },
      },
      async (req) => {
        const { learned, message } = await review.fix(
          actorOf(req),
          req.params.id,
          req.body.records as ParsedRecord[],
          guardFor(req),
        );
        const list = (l: readonly string[] | undefined) => (l ? [...l] : undefined);
        return {
          learned: {
            places: list(learned.places),
            names: list(learned.names),
            rooms: list(learned.rooms),
            goods: learned.goods ? { ...learned.goods } : undefined,
            units: list(learned.units),
          },
          message: present(message),
        };
      },
    );

    app.post(
      '/messages/:id/reparse',
      {
        config: { permission: 'messages:read' },
        schema: {
          tags,
          summary: 'What the parser reads in a stored message today (nothing is written)',
          params: IdParams,
          response: {
            200: z.object({
              id: z.number().int(),
              context: z.enum(SITE_KINDS).nullable().describe('The kind of group it was posted in'),
              timeZone: z.string(),
              records: z.array(ParsedRecordSchema),
            }),
          },
        },
      },
      async (req) => {
        const row = await found(req.params.id);
        requireSite(req, row.siteId);
        return { id: row.id, ...review.reparse(row) };
      },
    );
  };

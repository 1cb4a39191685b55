// /api/v1/sandbox: the simulated WeChat of sandbox mode, for the console's 模拟群聊 page. Only registered
// when the service runs on the sandbox world (no WeChat token configured). A message typed here is
// delivered by the mock puppet exactly as real WeChat traffic arrives, so the bot stores it, parses it and
// answers through the outbox as it would in a real group; the transcript shows what the mock saw.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inScope } from '../../core/auth/permissions.js';
import { GROUP_ROLES } from '../../core/domain.js';
import type { Uses } from '../api.js';
import { actorOf, principalOf, requireSite } from '../auth.js';
import { invalidField, notFound } from '../errors.js';

/** What these routes need of the sandbox world (src/chat/sandbox.ts provides it). */
export interface SandboxChat {
  botName: string;
  rooms(): { id: string; topic: string; members: { id: string; name: string }[] }[];
  contactName(id: string): string | null;
  say(opts: { room: string; from: string; text: string; at?: Date; mentions?: string[] }): string;
  transcript(
    roomId: string,
    opts?: { afterSeq?: number; limit?: number },
  ): { seq: number; messageId: string | null; at: Date; from: string; fromBot: boolean; text: string }[];
}

const Member = z.object({ id: z.string(), name: z.string() });
const SandboxGroup = z
  .object({
    roomId: z.string(),
    topic: z.string(),
    siteId: z.number().int().nullable(),
    siteName: z.string().nullable(),
    role: z.enum(GROUP_ROLES).nullable(),
    members: z.array(Member).describe('Members of the simulated room, the bot included'),
  })
  .meta({ id: 'SandboxGroup' });

const Line = z.object({
  id: z.number().int().describe('Increasing; give the last one as ?after= to get only newer lines'),
  at: z.string(),
  from: z.string(),
  fromBot: z.boolean(),
  text: z.string(),
});

// The newest lines a transcript answers with at most (the page polls for what follows).
const TRANSCRIPT_LIMIT = 200;

export const sandboxRoutes =
  (ctx: Uses<never, 'audit' | 'groups'>, world: SandboxChat): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['sandbox'];

    /** The simulated rooms with the group each stands for (null for a room no site owns). */
    async function groups() {
      const known = await ctx.services.groups.list();
      return world.rooms().map((room) => {
        const g = known.find((k) => k.roomId === room.id) ?? known.find((k) => k.topic === room.topic);
        return {
          roomId: room.id,
          topic: room.topic,
          siteId: g?.siteId ?? null,
          siteName: g?.siteName ?? null,
          role: g?.role ?? null,
          members: room.members,
        };
      });
    }

    /** The room, checked against the token's sites (403), or a 404. */
    async function roomOf(req: Parameters<typeof requireSite>[0], roomId: string) {
      const room = (await groups()).find((g) => g.roomId === roomId);
      if (!room) throw notFound(`sandbox room ${roomId}`);
      requireSite(req, room.siteId);
      return room;
    }

    app.get(
      '/sandbox/groups',
      {
        config: { permission: 'sandbox:use' },
        schema: {
          tags,
          summary: 'The simulated WeChat groups (sandbox mode only) with their members',
          response: { 200: z.array(SandboxGroup) },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return (await groups()).filter((g) => inScope(p, g.siteId));
      },
    );

    app.post(
      '/sandbox/messages',
      {
        config: { permission: 'sandbox:use' },
        schema: {
          tags,
          summary: 'Say something in a simulated group, as a member (delivered by the mock puppet)',
          body: z
            .strictObject({
              roomId: z.string().min(1).max(200),
              senderId: z.string().min(1).max(200).optional().describe('An existing member (id)'),
              senderName: z
                .string()
                .trim()
                .min(1)
                .max(50)
                .optional()
                .describe('A display name; a new member of that name joins on first use'),
              text: z.string().trim().min(1).max(2000),
              mentions: z
                .array(z.string().trim().min(1).max(50))
                .max(20)
                .optional()
                .describe('Display names mentioned (the bot’s name mentions the bot)'),
            })
            .refine((b) => (b.senderId === undefined) !== (b.senderName === undefined), {
              message: 'give exactly one of senderId and senderName',
              path: ['senderId'],
            }),
          response: {
            202: z.object({
              id: z.number().int().describe('The transcript line of the message'),
              messageId: z.string().describe('The message id the puppet delivered'),
            }),
          },
        },
      },
      async (req, reply) => {
        const { roomId, senderId, senderName, text, mentions } = req.body;
        const room = await roomOf(req, roomId);
        let from = senderName;
        if (senderId !== undefined) {
          from = room.members.find((m) => m.id === senderId)?.name;
          if (!from) throw invalidField('body.senderId', `no member ${senderId} in this room`);
        }
        if (from === world.botName) throw invalidField('body.senderName', 'that is the bot’s own name');
        const messageId = world.say({
          room: room.topic,
          from: from as string,
          text,
          at: ctx.clock.now(),
          mentions,
        });
        // Audited like every write: the records the bot makes of it come from a token, not from WeChat.
        await ctx.services.audit.record(actorOf(req), {
          action: 'say',
          entity: 'sandbox-message',
          entityId: messageId,
          siteId: room.siteId,
          after: { roomId, topic: room.topic, from, text, mentions: mentions ?? [] },
        });
        const line = world.transcript(roomId).find((l) => l.messageId === messageId);
        return reply.code(202).send({ id: line?.seq ?? 0, messageId });
      },
    );

    app.get(
      '/sandbox/messages',
      {
        config: { permission: 'sandbox:use' },
        schema: {
          tags,
          summary: 'A simulated group’s transcript: members’ messages and the bot’s replies, oldest first',
          querystring: z.strictObject({
            roomId: z.string().min(1).max(200),
            after: z.coerce.number().int().min(0).optional().describe('Only lines after this id'),
          }),
          response: {
            200: z.object({
              items: z.array(Line),
              last: z.number().int().describe('The newest line id of the room (give it as ?after=)'),
            }),
          },
        },
      },
      async (req) => {
        const { roomId, after } = req.query;
        await roomOf(req, roomId);
        const lines = world.transcript(roomId, { afterSeq: after, limit: TRANSCRIPT_LIMIT });
        return {
          items: lines.map((l) => ({
            id: l.seq,
            at: ctx.instant(l.at),
            from: l.from,
            fromBot: l.fromBot,
            text: l.text,
          })),
          last: lines.at(-1)?.seq ?? after ?? 0,
        };
      },
    );
  };

// /api/v1/digests: a site's daily digest as JSON (the contract's section 5, with its extras) and as the
// Chinese text the bot posts, and "send now" into the site's staff or volunteers' group.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/auth/permissions.js';
import { SITE_KINDS } from '../../core/domain.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, principalOf } from '../auth.js';
import { isoDate, recordIdParam } from '../schemas.js';

const SiteParams = z.strictObject({ siteId: recordIdParam.describe('Site id') });

const Digest = z
  .looseObject({
    kind: z.enum(SITE_KINDS).describe('Which digest this is: an observation site’s or a village’s'),
    site: z.string(),
    date: z.string(),
    text: z.string().describe('The Chinese digest as the bot posts it'),
  })
  .describe(
    'The fields of `shouwang digest --json` (CONTRACT.md section 5). Observation sites: observing, ' +
      'reported {am,pm}, missing {am,pm}, fever [{name,room,temperature,at}], openRequests, releasesDue, ' +
      'admittedTotal, releasedTotal and extras. Villages: orders, purchaseList [{name,unit,qty}], ' +
      'water [{deliverTo,qty,part}], undelivered and extras. A token without health:read (viewer) gets an ' +
      'observation site’s digest as counts: missingCount, feverCount, releasesDueCount, overdueCount, no names.',
  )
  .meta({ id: 'Digest' });

export const digestRoutes =
  (ctx: Uses<'digests'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['digests'];
    const digests = ctx.services.admin.digests;

    app.get(
      '/digests/:siteId',
      {
        config: { permission: 'digests:read' },
        schema: {
          tags,
          summary: 'A site’s digest for a day (today in the site’s zone by default)',
          params: SiteParams,
          querystring: z.strictObject({ date: isoDate.optional().describe('The local day, YYYY-MM-DD') }),
          response: { 200: Digest },
        },
      },
      async (req) => {
        // Names and readings need health:read; a viewer sees the same digest as counts.
        const names = can(principalOf(req).role, 'health:read');
        const d = await digests.view(req.params.siteId, req.query.date, guardFor(req), names);
        return { ...d.json, kind: d.kind, text: d.text } as z.infer<typeof Digest>;
      },
    );

    app.post(
      '/digests/:siteId/send',
      {
        config: { permission: 'digests:send' },
        schema: {
          tags,
          summary: 'Post the digest now into the site’s staff group (a village: its volunteers’ group)',
          description: '409 when the site has no such group.',
          params: SiteParams,
          body: z
            .strictObject({ date: isoDate.optional().describe('The local day; today by default') })
            .nullish(),
          response: {
            202: z.object({
              queued: z.literal(true),
              outboxId: z.number().int().describe('The queued message (see /outbox/:id)'),
              outboxIds: z.array(z.number().int()).describe('One per group, when the site has several'),
              date: z.string(),
            }),
          },
        },
      },
      async (req, reply) => {
        const sent = await digests.send(actorOf(req), req.params.siteId, req.body?.date, guardFor(req));
        return reply.code(202).send({
          queued: true as const,
          outboxId: sent.outboxIds[0] as number,
          outboxIds: sent.outboxIds,
          date: sent.date,
        });
      },
    );
  };

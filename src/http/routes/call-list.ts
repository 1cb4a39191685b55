// /api/v1/sites/:id/call-list: who of an observation site has not reported in a slot after the group
// reminder, the @nudge and the private message, ranked for staff to call, with what was tried for each;
// and what a call or visit came to (as #已联系 / #未接通 / #上门 / #转院 in the staff group).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/auth/permissions.js';
import { CALL_OUTCOMES, triedText } from '../../core/quarantine/ladder.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, principalOf, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { IdParams, instant, isoDate, recordId } from '../schemas.js';

const SlotEnum = z.enum(['am', 'pm']).describe('am: the morning report, pm: the evening report');

const Attempt = z.object({
  step: z.enum(['nudge', 'private', 'call-list', 'call', 'visit']),
  outcome: z.enum(['sent', 'listed', 'reached', 'no-answer', 'visited', 'transferred']),
  at: instant,
  by: z.string().nullable().describe('Who called or visited; null for the bot’s own steps'),
});

const CallList = z
  .object({
    siteId: z.number().int(),
    date: z.string(),
    slot: SlotEnum,
    entries: z.array(
      z.object({
        residentId: z.number().int(),
        name: z.string(),
        room: z.string().nullable(),
        phone: z.string().nullable().describe('null without registry:read'),
        unwell: z.boolean().describe('A fever or symptoms in the last two days'),
        age: z
          .number()
          .int()
          .nullable()
          .describe('Age this year from the year of birth (60 and over come first)'),
        missedBefore: z.number().int().describe('Slots of the last three days on the call list already'),
        why: z.array(z.string()).describe('Why the entry is where it is, in Chinese'),
        tried: z.string().describe('What was tried, in Chinese (群里提醒、私信、电话未接通 ×2)'),
        tryAgainAt: instant.nullable().describe('After an unanswered call: not before this'),
        attempts: z.array(Attempt),
      }),
    ),
  })
  .meta({ id: 'CallList' });

export const callListRoutes =
  (ctx: Uses<'lifecycle', 'quarantine'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['residents'];
    const quarantine = ctx.services.quarantine;

    async function siteOf(siteId: number) {
      const site = await quarantine.site(siteId);
      if (!site) throw notFound(`observation site ${siteId}`);
      return site;
    }

    app.get(
      '/sites/:id/call-list',
      {
        config: { permission: 'health:read' },
        schema: {
          tags,
          summary: 'Who to call: residents still missing a report in a slot, ranked, with what was tried',
          description:
            'The same list the staff group gets two hours after each report time (#电话名单). Ranked: a ' +
            'fever or symptoms in the last two days first, then repeat non-reporters, then by room; anyone ' +
            'whose call went unanswered less than 30 minutes ago comes last. Phones need registry:read.',
          params: IdParams,
          querystring: z.strictObject({
            date: isoDate.optional().describe('The local day; today by default'),
            slot: SlotEnum.optional().describe('am by default before noon, pm after'),
          }),
          response: { 200: CallList },
        },
      },
      async (req) => {
        const siteId = req.params.id;
        requireSite(req, siteId);
        const site = await siteOf(siteId);
        const now = quarantine.slotAt(site, ctx.clock.now());
        const date = req.query.date ?? now.day;
        const slot = req.query.slot ?? now.slot;
        const entries = (await quarantine.callList(siteId, date, slot)) ?? [];
        const phones = can(principalOf(req).role, 'registry:read');
        return {
          siteId,
          date,
          slot,
          entries: entries.map((e) => ({
            residentId: e.residentId,
            name: e.name,
            room: e.room,
            phone: phones ? e.phone : null,
            unwell: e.unwell,
            age: e.age,
            missedBefore: e.missedBefore,
            why: e.why,
            tried: triedText(e.attempts),
            tryAgainAt: ctx.instantOrNull(e.tryAgainAt),
            attempts: e.attempts.map((a) => ({ ...a, at: ctx.instant(a.at) })),
          })),
        };
      },
    );

    app.get(
      '/sites/:id/night',
      {
        config: { permission: 'health:read' },
        schema: {
          tags,
          summary:
            'The night’s events as the 08:30 summary says them: fevers of last night and this morning, urgent requests',
          params: IdParams,
          querystring: z.strictObject({
            date: isoDate.optional().describe('The morning’s local day; today by default'),
          }),
          response: {
            200: z.object({ date: z.string(), text: z.string().nullable().describe('null: a quiet night') }),
          },
        },
      },
      async (req) => {
        const siteId = req.params.id;
        requireSite(req, siteId);
        const site = await siteOf(siteId);
        const date = req.query.date ?? quarantine.slotAt(site, ctx.clock.now()).day;
        return { date, text: await quarantine.timetable.nightText(siteId, date) };
      },
    );

    app.post(
      '/sites/:id/call-list/outcomes',
      {
        config: { permission: 'health:write' },
        schema: {
          tags,
          summary: 'Record what a call or visit came to (as #已联系 / #未接通 / #上门 / #转院)',
          description:
            'reached (已接通) or visited (上门) with a temperature: it becomes the slot’s report, marked as ' +
            'taken by phone or at the door and by whom, and takes the resident off the ladder. no-answer ' +
            '(未接通) puts them back on the list in 30 minutes. transferred (已转院) ends the observation ' +
            'as POST /residents/:id/transfer does (needs registry:write). 404 when the resident is not one ' +
            'of this site’s.',
          params: IdParams,
          body: z.strictObject({
            residentId: recordId,
            outcome: z.enum(CALL_OUTCOMES),
            temperature: z.number().min(34).max(43).nullish().describe('°C, as told on the phone'),
            note: z.string().trim().max(200).nullish(),
          }),
          response: {
            201: z.object({ residentId: z.number().int(), date: z.string(), slot: SlotEnum }),
          },
        },
      },
      async (req, reply) => {
        const siteId = req.params.id;
        requireSite(req, siteId);
        await siteOf(siteId);
        const { residentId, outcome } = req.body;
        if (!(await quarantine.isResidentOf(siteId, residentId)))
          throw notFound(`resident ${residentId} is not one of site ${siteId}’s`);
        if (outcome === 'transferred')
          await ctx.services.admin.lifecycle.end(
            actorOf(req),
            residentId,
            'hospital',
            { note: req.body.note ?? null, hospital: null },
            guardFor(req, 'registry:write'),
          );
        const done = await quarantine.recordCall(siteId, residentId, outcome, {
          by: principalOf(req).name,
          at: ctx.clock.now(),
          temperature: req.body.temperature ?? null,
          note: req.body.note ?? null,
        });
        if (!done) throw notFound(`resident ${residentId} is not one of site ${siteId}’s`);
        return reply.code(201).send({ residentId, date: done.day, slot: done.slot });
      },
    );
  };

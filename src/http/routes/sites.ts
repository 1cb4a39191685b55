// /api/v1/sites: observation sites and villages, their settings and timetable, and counts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SiteRow } from '../../../db/repositories/registry.js';
import { SITE_KINDS } from '../../core/domain.js';
import { siteSchedule } from '../../core/schedule.js';
import { ScheduleInput, SiteInput } from '../../core/setup-file.js';
import type { SitePatch as SitePatchInput } from '../../services/admin/sites.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { decodeCursor, IdParams, PageQuery, page, toPage } from '../schemas.js';

const hhmm = z.string();
const Schedule = z.object({
  nudgeAfterMin: z.number().int(),
  privateAfterMin: z.number().int(),
  staffMissingAfterMin: z.number().int(),
  ladderNudge: z.boolean(),
  ladderPrivate: z.boolean(),
  ladderCallList: z.boolean(),
  digestTime: hhmm,
  morningSummaryTime: hhmm,
  releaseNoticeTime: hhmm,
  volunteerEveningTime: hhmm,
  deliveryMorningTime: hhmm,
  quietStart: hhmm,
  quietEnd: hhmm,
});

const Site = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(SITE_KINDS),
    timezone: z.string(),
    observationDays: z.number().int(),
    feverThreshold: z.number(),
    reportTimes: z.array(z.string()),
    schedule: Schedule.describe('The timetable in force: the site’s own settings over the defaults'),
    createdAt: z.string(),
  })
  .meta({ id: 'Site' });

const Counts = z
  .object({
    site: z.number().int(),
    residents: z.object({
      observing: z.number().int().describe('Status observing (today, overdue and not started yet)'),
      released: z.number().int(),
      hospital: z.number().int(),
      left: z.number().int(),
      observingToday: z
        .number()
        .int()
        .optional()
        .describe('Observation sites: observing today by the digest’s definition (the digest’s `observing`)'),
      overdue: z.number().int().optional().describe('Past the planned release date and not yet released'),
      upcoming: z.number().int().optional().describe('On the roster with a start date still to come'),
    }),
    rooms: z.number().int(),
    households: z.number().int(),
    openAlerts: z.number().int(),
    openRequests: z.number().int(),
    openOrders: z.number().int(),
    waterBooked: z.number().int(),
    unplacedMessages: z.number().int(),
  })
  .meta({ id: 'SiteCounts' });

// The setup file's rules (../shared/CONTRACT.md section 3), plus: two report times come morning first.
const reportTimes = SiteInput.shape.reportTimes.refine(
  (t) => t === undefined || t.length < 2 || (t[0] as string) < (t[1] as string),
  'the morning time comes first',
);
const settings = {
  timezone: SiteInput.shape.timezone,
  observationDays: SiteInput.shape.observationDays,
  feverThreshold: SiteInput.shape.feverThreshold,
  reportTimes,
};
const NewSite = z.strictObject({
  name: SiteInput.shape.name,
  kind: SiteInput.shape.kind,
  ...settings,
  schedule: ScheduleInput.optional(),
});
// The setup file's schedule rules, each key also nullable (null resets it to the default).
const SchedulePatch = z.strictObject(
  Object.fromEntries(
    Object.entries(ScheduleInput.shape).map(([k, v]) => [k, v.unwrap().nullable().optional()]),
  ),
) as unknown as z.ZodType<NonNullable<SitePatchInput['schedule']>>;
const SitePatch = z
  .strictObject({
    name: SiteInput.shape.name.optional(),
    ...settings,
    schedule: SchedulePatch.optional().describe('Keys given replace the site’s; null resets a key'),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

export const siteRoutes =
  (ctx: Uses<'sites'>): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (s: SiteRow) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      timezone: s.timeZone,
      observationDays: s.observationDays,
      feverThreshold: s.feverThreshold,
      reportTimes: s.reportTimes,
      schedule: siteSchedule(s.schedule),
      createdAt: ctx.instant(s.createdAt),
    });
    const tags = ['sites'];
    const sites = ctx.services.admin.sites;

    const found = async (id: number) => {
      const site = await sites.get(id);
      if (!site) throw notFound(`site ${id}`);
      return site;
    };

    app.get(
      '/sites',
      {
        config: { permission: 'sites:read' },
        schema: {
          tags,
          summary: 'Sites within the token’s scope',
          querystring: z.strictObject({ ...PageQuery, kind: z.enum(SITE_KINDS).optional() }),
          response: { 200: page(Site) },
        },
      },
      async (req) => {
        const { limit, cursor, kind } = req.query;
        const { scope } = await ctx.listScope(req);
        const rows = await sites.list({ scope, kind, afterId: decodeCursor(cursor), limit: limit + 1 });
        return toPage(rows, limit, (r) => r.id, present);
      },
    );

    app.get(
      '/sites/:id',
      {
        config: { permission: 'sites:read' },
        schema: { tags, summary: 'One site with its settings', params: IdParams, response: { 200: Site } },
      },
      async (req) => {
        const site = await found(req.params.id);
        requireSite(req, site.id);
        return present(site);
      },
    );

    app.get(
      '/sites/:id/counts',
      {
        config: { permission: 'counts:read' },
        schema: {
          tags,
          summary: 'How many residents, rooms, households, open alerts, requests and orders a site has',
          params: IdParams,
          response: { 200: Counts },
        },
      },
      async (req) => {
        const site = await found(req.params.id);
        requireSite(req, site.id);
        return { site: site.id, ...(await sites.counts(site.id)) };
      },
    );

    app.post(
      '/sites',
      {
        config: { permission: 'sites:write' },
        schema: { tags, summary: 'Create a site', body: NewSite, response: { 201: Site } },
      },
      async (req, reply) => {
        const row = await sites.create(actorOf(req), req.body);
        await ctx.sitesChanged();
        return reply.code(201).send(present(row));
      },
    );

    app.patch(
      '/sites/:id',
      {
        config: { permission: 'sites:write' },
        schema: {
          tags,
          summary: 'Change a site’s name, zone, observation days, fever threshold, report times or timetable',
          description: 'The scheduler rebuilds the site’s reminders and digests at once.',
          params: IdParams,
          body: SitePatch,
          response: { 200: Site },
        },
      },
      async (req) => {
        const row = await sites.update(actorOf(req), req.params.id, req.body, guardFor(req));
        await ctx.sitesChanged();
        return present(row);
      },
    );
  };

// /api/v1/residents/:id/timeline: one resident's observation day by day — reports per slot, alerts,
// requests, and (for tokens that may read messages) what they wrote in the groups. And the end of the
// period: extend, release, transfer to hospital, leave (as #延长 / #解除 / #转院 in the staff group).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/auth/permissions.js';
import { observationDay, observationLength } from '../../core/quarantine/observation.js';
import { addDays, eachDay, localDate } from '../../core/time.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor, principalOf, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import {
  Alert,
  NoteBody,
  noteOf,
  presentAlert,
  presentRequest,
  Symptoms,
  Ticket,
} from '../health-schemas.js';
import { IdParams } from '../schemas.js';
import { presentResident, Resident } from './residents.js';

const Slot = z
  .object({
    temperature: z.number().nullable(),
    symptoms: Symptoms,
    fever: z.boolean(),
    reportedAt: z.string(),
  })
  .nullable();

const Timeline = z
  .object({
    resident: Resident.describe('phone and wechat are null without registry:read'),
    dayOfObservation: z
      .number()
      .int()
      .nullable()
      .describe('Today is day N of the observation; null when not observing'),
    observationDays: z.number().int().describe('Days of the period as planned now'),
    days: z
      .array(z.object({ day: z.string(), dayNumber: z.number().int(), am: Slot, pm: Slot }))
      .describe('From the first day of observation to today (or the day it ended), oldest first'),
    alerts: z.array(Alert),
    requests: z.array(Ticket).describe('The resident’s requests; empty without requests:read'),
    messages: z
      .array(z.object({ id: z.number().int(), at: z.string(), text: z.string() }))
      .describe('The newest 200 messages the resident wrote, newest first; empty without messages:read'),
  })
  .meta({ id: 'ResidentTimeline' });

/** Limits that keep one answer bounded (a period is weeks long). */
const MAX_ROWS = 2000;
const MAX_MESSAGES = 200;

export const residentHealthRoutes =
  (ctx: Uses<'health' | 'lifecycle' | 'residents' | 'sites'>): FastifyPluginAsyncZod =>
  async (app) => {
    const health = ctx.services.admin.health;

    app.get(
      '/residents/:id/timeline',
      {
        config: { permission: 'health:read' },
        schema: {
          tags: ['health'],
          summary: 'A resident’s observation day by day: reports, alerts, requests and messages',
          params: IdParams,
          response: { 200: Timeline },
        },
      },
      async (req) => {
        const resident = await ctx.services.admin.residents.resident(req.params.id);
        if (!resident) throw notFound(`resident ${req.params.id}`);
        requireSite(req, resident.siteId);
        const site = await ctx.services.admin.sites.get(resident.siteId);
        const zone = site?.timeZone ?? ctx.defaultZone;
        const today = localDate(ctx.clock.now(), zone);
        const one = { scope: null, residentId: resident.id, limit: MAX_ROWS };
        const [reports, alerts, requests] = await Promise.all([
          health.reports(one),
          health.alerts(one),
          health.requests(one),
        ]);

        // The days of the period so far: to today while observing, else to the day it ended; a report
        // outside that (reported late, or before the start) widens it.
        const lastPlanned = addDays(resident.plannedEndDate, -1);
        const ended =
          resident.status !== 'observing' && resident.statusAt ? localDate(resident.statusAt, zone) : null;
        let last = [today, lastPlanned, ended].filter((d): d is string => d !== null).sort()[0] as string;
        let first = resident.startDate;
        for (const r of reports) {
          if (r.day < first) first = r.day;
          if (r.day > last) last = r.day;
        }
        const slots = new Map(reports.map((r) => [`${r.day}|${r.slot}`, r]));
        const slotOf = (day: string, slot: 'am' | 'pm') => {
          const r = slots.get(`${day}|${slot}`);
          return r
            ? {
                temperature: r.temperature,
                symptoms: r.symptoms,
                fever: r.fever,
                reportedAt: ctx.instant(r.reportedAt),
              }
            : null;
        };
        const days = eachDay(first, last, MAX_ROWS).map((d) => ({
          day: d,
          dayNumber: observationDay(resident.startDate, d),
          am: slotOf(d, 'am'),
          pm: slotOf(d, 'pm'),
        }));

        // Each part follows the permission its own route needs: a medic reads health, not the
        // resident's phone and nickname (registry:read) nor their requests (requests:read).
        const role = principalOf(req).role;
        const readsMessages = can(role, 'messages:read');
        const readsRegistry = can(role, 'registry:read');
        const readsRequests = can(role, 'requests:read');
        const shown = presentResident(ctx, resident);
        const messages =
          readsMessages && resident.wechatId
            ? await health.messagesOf(resident.siteId, resident.wechatId, MAX_MESSAGES)
            : [];

        const dayN = observationDay(resident.startDate, today);
        return {
          resident: readsRegistry ? shown : { ...shown, phone: null, wechat: null },
          dayOfObservation:
            resident.status === 'observing' && dayN >= 1 && today < resident.plannedEndDate ? dayN : null,
          observationDays: observationLength(resident.startDate, resident.plannedEndDate),
          days,
          alerts: alerts.map((a) => presentAlert(ctx, a)),
          requests: readsRequests ? requests.map((q) => presentRequest(ctx, q)) : [],
          messages: messages.map((m) => ({ id: m.id, at: ctx.instant(m.at), text: m.text })),
        };
      },
    );

    const lifecycle = ctx.services.admin.lifecycle;
    const tags = ['residents'];
    const endings = [
      {
        path: 'release',
        status: 'released',
        summary: 'Release a resident (as #解除): congratulated in the residents group',
        body: NoteBody,
      },
      {
        path: 'transfer',
        status: 'hospital',
        summary: 'Transfer a resident to hospital (as #转院); nothing is said to the residents',
        body: NoteBody.extend({
          hospital: z.string().trim().min(1).max(100).optional().describe('Which hospital'),
        }),
      },
      {
        path: 'leave',
        status: 'left',
        summary: 'Record that a resident left the site otherwise',
        body: NoteBody,
      },
    ] as const;
    for (const e of endings)
      app.post(
        `/residents/:id/${e.path}`,
        {
          config: { permission: 'registry:write' },
          schema: {
            tags,
            summary: e.summary,
            description: '409 CONFLICT when the resident is not under observation.',
            params: IdParams,
            body: (e.body as typeof NoteBody).nullable(),
            response: { 200: Resident },
          },
        },
        async (req) => {
          const body = req.body as { note?: string; hospital?: string } | null;
          const row = await lifecycle.end(
            actorOf(req),
            req.params.id,
            e.status,
            { note: noteOf(body), hospital: body?.hospital ?? null },
            guardFor(req),
          );
          return presentResident(ctx, row);
        },
      );

    app.post(
      '/residents/:id/extend',
      {
        config: { permission: 'registry:write' },
        schema: {
          tags,
          summary: 'Extend the observation (as #延长): the planned end moves later, never earlier',
          description: '409 CONFLICT when the resident is not under observation.',
          params: IdParams,
          body: z.strictObject({
            days: z.number().int().min(1).max(60).describe('Days to add, 1–60'),
            reason: z.string().trim().max(500).optional(),
          }),
          response: { 200: Resident },
        },
      },
      async (req) =>
        presentResident(
          ctx,
          await lifecycle.extend(
            actorOf(req),
            req.params.id,
            { days: req.body.days, reason: req.body.reason || null },
            guardFor(req),
          ),
        ),
    );
  };

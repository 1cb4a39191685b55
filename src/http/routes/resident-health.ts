// /api/v1/residents/:id/timeline: one resident's observation day by day — reports per slot, alerts,
// requests, and (for tokens that may read messages) what they wrote in the groups.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/auth/permissions.js';
import { observationDay, observationLength } from '../../core/quarantine/observation.js';
import { addDays, localDate } from '../../core/time.js';
import type { ApiContext } from '../api.js';
import { principalOf, requireSite } from '../auth.js';
import { notFound } from '../errors.js';
import { Alert, presentAlert, presentRequest, Symptoms, Ticket } from '../health-schemas.js';
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
    resident: Resident,
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
    requests: z.array(Ticket),
    messages: z
      .array(z.object({ id: z.number().int(), at: z.string(), text: z.string() }))
      .describe('The newest 200 messages the resident wrote, newest first; empty without messages:read'),
  })
  .meta({ id: 'ResidentTimeline' });

/** Limits that keep one answer bounded (a period is weeks long). */
const MAX_ROWS = 2000;
const MAX_MESSAGES = 200;

export const residentHealthRoutes =
  (ctx: ApiContext): FastifyPluginAsyncZod =>
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
        const days = [];
        for (let d = first; d <= last && days.length < MAX_ROWS; d = addDays(d, 1))
          days.push({
            day: d,
            dayNumber: observationDay(resident.startDate, d),
            am: slotOf(d, 'am'),
            pm: slotOf(d, 'pm'),
          });

        const readsMessages = can(principalOf(req).role, 'messages:read');
        const messages =
          readsMessages && resident.wechatId
            ? await health.messagesOf(resident.siteId, resident.wechatId, MAX_MESSAGES)
            : [];

        const dayN = observationDay(resident.startDate, today);
        return {
          resident: presentResident(ctx, resident),
          dayOfObservation:
            resident.status === 'observing' && dayN >= 1 && today < resident.plannedEndDate ? dayN : null,
          observationDays: observationLength(resident.startDate, resident.plannedEndDate),
          days,
          alerts: alerts.map((a) => presentAlert(ctx, a)),
          requests: requests.map((q) => presentRequest(ctx, q)),
          messages: messages.map((m) => ({ id: m.id, at: ctx.instant(m.at), text: m.text })),
        };
      },
    );
  };

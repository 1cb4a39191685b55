// Alerts, requests and reports as the admin API shows them (the lists and a resident's timeline).
import { z } from 'zod';
import type { AdminAlertRow, AdminReportRow, AdminRequestRow } from '../../db/repositories/health-admin.js';
import { ref } from '../core/quarantine/texts.js';
import { REQUEST_CATEGORIES, SYMPTOM_CODES } from '../core/records.js';
import { localDate } from '../core/time.js';
import { invalidField } from './errors.js';

export const Symptoms = z.array(z.enum(SYMPTOM_CODES));

export const ALERT_STATUSES = ['open', 'acknowledged'] as const;
export const REQUEST_STATUSES = ['open', 'assigned', 'done', 'cancelled'] as const;

export const Alert = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    number: z.number().int().describe('Per site; shown to staff as A-0003'),
    ref: z.string().describe('A-0003, as staff write it in #已处理'),
    residentId: z.number().int().nullable().describe('null while the sender is not yet registered'),
    name: z.string().nullable().describe('The resident’s name, else the sender’s group nickname'),
    room: z.string().nullable(),
    kind: z.enum(['fever', 'symptom']),
    temperature: z.number().nullable(),
    symptoms: Symptoms,
    raisedAt: z.string(),
    day: z
      .string()
      .nullable()
      .describe(
        'The day of the reading the alert is about (a reading of last night sent this morning is last night’s)',
      ),
    slot: z.enum(['am', 'pm']).nullable().describe('The slot of that reading'),
    earlier: z
      .boolean()
      .describe('The reading is of a day before the one the alert was raised on (昨晚 38.0 sent at 07:50)'),
    status: z.enum(ALERT_STATUSES),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    note: z.string().nullable().describe('The note given when acknowledged'),
  })
  .meta({ id: 'Alert' });

export const RequestItem = z.object({
  name: z.string(),
  qty: z.number().nullable(),
  unit: z.string().nullable(),
});

export const Ticket = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    ref: z.string().describe('R-0012, as staff write it in #完成'),
    number: z.number().int(),
    residentId: z.number().int().nullable().describe('null while the sender is not yet registered'),
    name: z.string().describe('The resident’s name, else the sender’s group nickname'),
    room: z.string().nullable(),
    category: z.enum(REQUEST_CATEGORIES),
    items: z.array(RequestItem),
    text: z.string().describe('What the resident wrote'),
    urgent: z.boolean(),
    status: z.enum(REQUEST_STATUSES).describe('cancelled: withdrawn by the resident'),
    assignee: z.string().nullable(),
    note: z.string().nullable().describe('The note given when closed'),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Request' });

type Instants = { instant(at: Date): string; instantOrNull(at: Date | null): string | null };

export const presentAlert = (ctx: Instants, a: AdminAlertRow) => ({
  id: a.id,
  siteId: a.siteId,
  number: a.number,
  ref: ref('A', a.number),
  residentId: a.residentId,
  name: a.residentName ?? a.talkerName,
  room: a.room,
  kind: a.kind,
  temperature: a.temperature,
  symptoms: a.symptoms,
  raisedAt: ctx.instant(a.openedAt),
  day: a.day,
  slot: a.slot,
  earlier: a.day !== null && a.day < localDate(a.openedAt, a.zone),
  status: a.status,
  acknowledgedAt: ctx.instantOrNull(a.ackAt),
  acknowledgedBy: a.ackBy,
  note: a.ackNote,
});

export const presentRequest = (ctx: Instants, row: AdminRequestRow) => {
  const q = row.request;
  return {
    id: q.id,
    siteId: q.siteId,
    ref: ref('R', q.number),
    number: q.number,
    residentId: q.residentId,
    name: row.residentName ?? q.talkerName,
    room: q.room ?? row.residentRoom,
    category: q.category,
    items: q.items.map((i) => ({ name: i.name, qty: i.qty, unit: i.unit })),
    text: q.text,
    urgent: q.urgent,
    status: q.status,
    assignee: q.assignee,
    note: q.note,
    createdAt: ctx.instant(q.createdAt),
    closedAt: ctx.instantOrNull(q.closedAt),
  };
};

/** `true` / `false` in a query string. */
export const booleanQuery = (what: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .describe(what)
    .transform((v) => (v === undefined ? undefined : v === 'true'));

/** An optional note: trimmed, empty as none. */
export const NoteBody = z.strictObject({
  note: z.string().trim().max(500).optional().describe('A note for the record'),
});

export const noteOf = (body: { note?: string } | null | undefined) => (body?.note ? body.note : null);

/** A `resident=` filter: an unknown resident is a 400 naming the field. */
export function residentNotFound(id: number) {
  return invalidField('querystring.resident', `no resident with id ${id}`);
}

export const Report = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    residentId: z.number().int().nullable().describe('null while the sender is not yet registered'),
    name: z.string().nullable().describe('The resident’s name, else the sender’s group nickname'),
    room: z.string().nullable(),
    day: z.string().describe('The local day reported for, YYYY-MM-DD'),
    slot: z.enum(['am', 'pm']),
    temperature: z.number().nullable(),
    symptoms: Symptoms,
    fever: z.boolean(),
    reportedAt: z.string(),
    messageId: z.number().int().nullable().describe('The chat message it was read from'),
  })
  .meta({ id: 'HealthReport' });

export const presentReport = (ctx: Instants, r: AdminReportRow) => ({
  id: r.id,
  siteId: r.siteId,
  residentId: r.residentId,
  name: r.residentName ?? r.talkerName,
  room: r.room,
  day: r.day,
  slot: r.slot,
  temperature: r.temperature,
  symptoms: r.symptoms,
  fever: r.fever,
  reportedAt: ctx.instant(r.reportedAt),
  messageId: r.messageId,
});

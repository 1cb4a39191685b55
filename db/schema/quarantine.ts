// Tables: an observation site's rooms, residents, health reports, alerts and requests (db/schema.ts gathers them for drizzle-kit and the app).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { RESIDENT_STATUSES } from '../../src/core/domain.js';
import type { Item, RequestCategory, SymptomCode } from '../../src/core/records.js';

import { ts } from './columns.js';
import { messages, sites } from './core.js';

/** Rooms of an observation site ("2105", "3-201"). */
export const rooms = pgTable(
  'rooms',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
  },
  (t) => [unique('rooms_site_number_unique').on(t.siteId, t.number)],
);

/**
 * A person under observation. Only what the work needs: name, room, phone for the duty officer, the
 * WeChat identity they write from, and the observation period.
 */
export const residents = pgTable(
  'residents',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    roomId: integer('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    /** Year of birth (the roster's 年龄, 出生日期 or 身份证号): the elderly come first on the call list. */
    birthYear: integer('birth_year'),
    /** Group nickname from the roster, used to recognise the sender. */
    wechatName: text('wechat_name'),
    /** The WeChat contact id once bound. */
    wechatId: text('wechat_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Planned release date: start + observation days, extendable by staff, never silently shortened. */
    plannedEndDate: date('planned_end_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: RESIDENT_STATUSES }).notNull().default('observing'),
    statusAt: ts('status_at'),
    demo: boolean('demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('residents_site_room_name_unique').on(t.siteId, t.roomId, t.name),
    index('residents_site_status_idx').on(t.siteId, t.status),
    index('residents_wechat_idx').on(t.wechatId),
  ],
);

/**
 * One temperature/symptom report. All reports are kept; `current` marks the one that counts for the
 * resident, day and slot (a later report in the same slot replaces it). Reports from senders not yet
 * bound to a resident wait with resident_id null and are attached when the sender registers.
 */
export const healthReports = pgTable(
  'health_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    residentId: integer('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
    talkerId: text('talker_id').notNull(),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    day: date('day', { mode: 'string' }).notNull(),
    slot: text('slot', { enum: ['am', 'pm'] }).notNull(),
    temperature: real('temperature'),
    symptoms: jsonb('symptoms').$type<SymptomCode[]>().notNull().default([]),
    fever: boolean('fever').notNull().default(false),
    /** How the reading came: the resident in the group (null), a relative, or staff by phone or at the door. */
    via: text('via', { enum: ['relative', 'phone', 'visit'] }),
    /** Who gave it when it was not the resident: the relative's nickname, the staff member's name. */
    givenBy: text('given_by'),
    current: boolean('current').notNull().default(true),
    reportedAt: ts('reported_at').notNull(),
  },
  (t) => [
    uniqueIndex('health_reports_current_unique')
      .on(t.residentId, t.day, t.slot)
      .where(sql`current and resident_id is not null`),
    index('health_reports_site_day_idx').on(t.siteId, t.day),
    // The district's "who has not reported" (every site, one day and slot): an index-only scan of who did.
    index('health_reports_day_slot_idx').on(t.day, t.slot, t.residentId).where(sql`current`),
    index('health_reports_pending_idx').on(t.siteId, t.talkerId).where(sql`resident_id is null`),
  ],
);

/** A fever or a symptom that staff must acknowledge. */
export const alerts = pgTable(
  'alerts',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    residentId: integer('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
    reportId: bigint('report_id', { mode: 'number' }).references(() => healthReports.id, {
      onDelete: 'set null',
    }),
    kind: text('kind', { enum: ['fever', 'symptom'] }).notNull(),
    temperature: real('temperature'),
    symptoms: jsonb('symptoms').$type<SymptomCode[]>().notNull().default([]),
    status: text('status', { enum: ['open', 'acknowledged'] })
      .notNull()
      .default('open'),
    openedAt: ts('opened_at').notNull(),
    ackAt: ts('ack_at'),
    ackBy: text('ack_by'),
    ackNote: text('ack_note'),
  },
  (t) => [
    unique('alerts_site_number_unique').on(t.siteId, t.number),
    index('alerts_open_idx').on(t.siteId).where(sql`status = 'open'`),
  ],
);

/** A resident's request, a numbered ticket (R-0012). */
export const requests = pgTable(
  'requests',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    residentId: integer('resident_id').references(() => residents.id, { onDelete: 'set null' }),
    room: text('room'),
    talkerId: text('talker_id').notNull(),
    talkerName: text('talker_name').notNull(),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    category: text('category').$type<RequestCategory>().notNull(),
    urgent: boolean('urgent').notNull().default(false),
    items: jsonb('items').$type<Item[]>().notNull().default([]),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'assigned', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    assignee: text('assignee'),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    unique('requests_site_number_unique').on(t.siteId, t.number),
    index('requests_site_status_idx').on(t.siteId, t.status),
  ],
);

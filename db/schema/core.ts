// Tables: sites, their groups, messages in and out, job runs and counters (db/schema.ts gathers them for drizzle-kit and the app).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import {
  GROUP_ROLES,
  MESSAGE_KINDS,
  MESSAGE_STATES,
  type Mention,
  OUTBOX_STATES,
  SITE_KINDS,
  type SiteSchedule,
} from '../../src/core/domain.js';
import { DEFAULT_ZONE } from '../../src/core/time.js';

import { ts } from './columns.js';

/** An observation site or a village: the unit staff work in and digests are made for. */
export const sites = pgTable('sites', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: SITE_KINDS }).notNull(),
  timeZone: text('time_zone').notNull().default(DEFAULT_ZONE),
  /** Quarantine sites: days of observation from the start date. */
  observationDays: integer('observation_days').notNull().default(14),
  /** Quarantine sites: a temperature at or above this is a fever (°C). */
  feverThreshold: real('fever_threshold').notNull().default(37.3),
  /** Local HH:MM times residents report at; the first is the morning slot, the second the evening. */
  reportTimes: jsonb('report_times').$type<string[]>().notNull().default(['08:00', '20:00']),
  /** The rest of the timetable (digest, summaries, quiet hours); see SiteSchedule in core. */
  schedule: jsonb('schedule').$type<Partial<SiteSchedule>>().notNull().default({}),
  demo: boolean('demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * A WeChat group the bot is in. Setup names groups by topic; the WeChat room id is learned when the bot
 * first sees the room (ids differ between puppets and accounts), so it may be null until then.
 */
export const groups = pgTable('groups', {
  id: serial('id').primaryKey(),
  siteId: integer('site_id').references(() => sites.id, { onDelete: 'set null' }),
  topic: text('topic').notNull().unique(),
  roomId: text('room_id').unique(),
  role: text('role', { enum: GROUP_ROLES }),
  /**
   * The WeChat account (bot user id) that speaks in this group: only the instance logged in as it sends
   * the group's outbox rows. Set when a room is bound; null means any instance may.
   */
  account: text('account'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Every incoming group message, stored before any handling, once per provider message id. The state
 * says what became of it; `unplaced` ones wait for staff review.
 */
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    roomId: text('room_id').notNull(),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'set null' }),
    talkerId: text('talker_id').notNull(),
    talkerName: text('talker_name').notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull().default('text'),
    /** At most MAX_MESSAGE_CHARS characters of what was sent (see core/text.ts)… */
    text: text('text').notNull(),
    /** …and, when the message was longer and `text` holds only its beginning, its full length. */
    originalLength: integer('original_length'),
    mentionsSelf: boolean('mentions_self').notNull().default(false),
    sentAt: ts('sent_at').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    state: text('state', { enum: MESSAGE_STATES }).notNull().default('received'),
    attempts: integer('attempts').notNull().default(0),
    note: text('note'),
    processedAt: ts('processed_at'),
  },
  (t) => [
    index('messages_group_sent_idx').on(t.groupId, t.sentAt),
    index('messages_pending_idx').on(t.receivedAt).where(sql`state in ('received', 'failed')`),
  ],
);

/**
 * Every message the bot sends, written in the same transaction as the records that caused it and sent
 * by the outbox worker. `dedupeKey` makes an enqueue idempotent (a reminder per site, slot and day).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'set null' }),
    roomId: text('room_id'),
    /** A private message to this WeChat contact (the ladder's step 3) instead of a group. */
    contactId: text('contact_id'),
    topic: text('topic').notNull(),
    text: text('text').notNull(),
    mentions: jsonb('mentions').$type<Mention[]>().notNull().default([]),
    kind: text('kind').notNull().default('reply'),
    urgent: boolean('urgent').notNull().default(false),
    /** 0 urgent, 1 to a named person, 2 reminders and notices, 3 routine acknowledgements (core/outgoing.ts). */
    priority: smallint('priority').notNull().default(1),
    /** What budget of the group's day it spends: none (urgent), the whole cap, or the cap less the reserve. */
    budget: text('budget', { enum: ['urgent', 'reserved', 'routine'] })
      .notNull()
      .default('routine'),
    /** Not sent by then (held by quiet hours or the cap): dropped as expired, never sent late. */
    expiresAt: ts('expires_at'),
    /** Rows with one key wait together: a pending one is updated (an alert) or merged when sent (acks). */
    mergeKey: text('merge_key'),
    /** What a mergeable row contributes to the merged message (an acknowledgement's room). */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    dedupeKey: text('dedupe_key').unique(),
    sourceMessageId: bigint('source_message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    status: text('status', { enum: OUTBOX_STATES }).notNull().default('pending'),
    notBefore: ts('not_before').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimExpiresAt: ts('claim_expires_at'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
    providerMessageId: text('provider_message_id'),
  },
  (t) => [
    index('outbox_due_idx').on(t.notBefore, t.id).where(sql`status in ('pending', 'sending')`),
    index('outbox_group_created_idx').on(t.groupId, t.createdAt),
    index('outbox_merge_idx').on(t.mergeKey).where(sql`status = 'pending' and merge_key is not null`),
    index('outbox_group_sent_idx').on(t.groupId, t.sentAt).where(sql`status = 'sent'`),
  ],
);

/** One row per scheduled job fire: the run coordinator that makes a fire happen once across instances. */
export const jobRuns = pgTable(
  'job_runs',
  {
    key: text('key').primaryKey(),
    job: text('job').notNull(),
    firedAt: ts('fired_at').notNull(),
    instance: text('instance').notNull(),
    finishedAt: ts('finished_at'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_fired_idx').on(t.job, t.firedAt)],
);

/** Per-site sequences for the numbers people quote: R-0012 (requests), O-0031 (orders), A-0003 (alerts). */
export const counters = pgTable(
  'counters',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.kind] })],
);

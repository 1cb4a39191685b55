// The source of truth for the database. Migrations under db/migrations are generated from this file
// by drizzle-kit (`npm run db:generate`) and committed; never edit a generated migration.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { GROUP_ROLES, MESSAGE_STATES, type Mention, OUTBOX_STATES, SITE_KINDS } from '../src/core/domain.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An observation site or a village: the unit staff work in and digests are made for. */
export const sites = pgTable('sites', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: SITE_KINDS }).notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
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
    kind: text('kind', { enum: ['text', 'app'] })
      .notNull()
      .default('text'),
    text: text('text').notNull(),
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
    topic: text('topic').notNull(),
    text: text('text').notNull(),
    mentions: jsonb('mentions').$type<Mention[]>().notNull().default([]),
    kind: text('kind').notNull().default('reply'),
    urgent: boolean('urgent').notNull().default(false),
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

export const schema = { sites, groups, messages, outbox, jobRuns };

// Tables: API tokens, the audit log, site vocabulary, confirmations asked and contact attempts (db/schema.ts gathers them for drizzle-kit and the app).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import { API_ROLES } from '../../src/core/auth/permissions.js';

import { ts } from './columns.js';
import { groups, messages, sites } from './core.js';
import { residents } from './quarantine.js';

/**
 * Bearer tokens of the admin API. Only the SHA-256 of a token is stored (the token is shown once, when
 * created); `prefix` is its first characters, to tell tokens apart in lists. `siteIds` null: all sites
 * (admin tokens only).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** What the token may do: the permission table in src/core/auth/permissions.ts. */
    role: text('role', { enum: API_ROLES }).notNull(),
    siteIds: jsonb('site_ids').$type<number[] | null>(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  // A name names one live token; a revoked token's name may be given again.
  (t) => [uniqueIndex('api_tokens_live_name_unique').on(t.name).where(sql`revoked_at is null`)],
);

/** Every write through the admin API (and the token commands): who, what, when, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorTokenId: integer('actor_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The site the record belongs to, when it belongs to one (for filtering). */
    siteId: integer('site_id'),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);

/**
 * Words a site's groups use that the parser learned from staff fixes (issue 16): places, names, rooms,
 * goods aliases (word → the name to record) and measure words. Households, rooms and residents are
 * vocabulary too; they are read from their own tables.
 */
export const siteVocabulary = pgTable(
  'site_vocabulary',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['place', 'name', 'room', 'goods', 'unit'] }).notNull(),
    word: text('word').notNull(),
    /** For goods: the name to record it under. */
    meaning: text('meaning'),
    sourceMessageId: bigint('source_message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('site_vocabulary_unique').on(t.siteId, t.kind, t.word)],
);

/**
 * Records the bot doubted (`unsure`) and asked the sender to confirm: they wait here, and act only on a
 * 对 (or a correction) from the same sender.
 */
export const pendingConfirmations = pgTable(
  'pending_confirmations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    talkerId: text('talker_id').notNull(),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    records: jsonb('records').$type<unknown[]>().notNull(),
    status: text('status', { enum: ['pending', 'confirmed', 'corrected', 'dropped'] })
      .notNull()
      .default('pending'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('pending_confirmations_open_idx').on(t.groupId, t.talkerId).where(sql`status = 'pending'`)],
);

/**
 * Every step taken to reach a resident who has not reported (issue 21): the group reminder, the @nudge,
 * the private message, the call list, each call and visit staff make, with its outcome.
 */
export const contactAttempts = pgTable(
  'contact_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    slot: text('slot', { enum: ['am', 'pm'] }).notNull(),
    step: text('step', { enum: ['nudge', 'private', 'call-list', 'call', 'visit'] }).notNull(),
    outcome: text('outcome', {
      enum: ['sent', 'listed', 'reached', 'no-answer', 'visited', 'transferred'],
    }).notNull(),
    by: text('by'),
    note: text('note'),
    temperature: real('temperature'),
    at: ts('at').notNull(),
    sourceMessageId: bigint('source_message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    index('contact_attempts_slot_idx').on(t.siteId, t.day, t.slot, t.residentId),
    // The bot's own steps happen once per resident and slot, however often a job runs.
    uniqueIndex('contact_attempts_bot_step_idx')
      .on(t.residentId, t.day, t.slot, t.step)
      .where(sql`step in ('nudge', 'private', 'call-list')`),
  ],
);

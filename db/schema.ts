// The source of truth for the database. Migrations under db/migrations are generated from this file
// by drizzle-kit (`npm run db:generate`) and committed; never edit a generated migration.
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
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { API_ROLES } from '../src/core/auth/permissions.js';
import {
  GROUP_ROLES,
  MESSAGE_KINDS,
  MESSAGE_STATES,
  type Mention,
  OUTBOX_STATES,
  RESIDENT_STATUSES,
  SITE_KINDS,
  type SiteSchedule,
} from '../src/core/domain.js';
import type { Item, RequestCategory, SymptomCode } from '../src/core/records.js';
import { DEFAULT_ZONE } from '../src/core/time.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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

/** A village household: who orders and where goods go. */
export const households = pgTable(
  'households',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Village group (组), e.g. 三组. */
    villageGroup: text('village_group'),
    address: text('address'),
    phone: text('phone'),
    wechatName: text('wechat_name'),
    wechatId: text('wechat_id'),
    demo: boolean('demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('households_site_name_unique').on(t.siteId, t.name),
    index('households_wechat_idx').on(t.wechatId),
  ],
);

/** A 接龙 list, identified by its header and local date; re-posts update it line by line. */
export const jielongs = pgTable(
  'jielongs',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'set null' }),
    header: text('header').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    product: text('product'),
    lastMessageId: bigint('last_message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  // By the header's hash: a header of thousands of characters is more than a btree entry can hold.
  (t) => [uniqueIndex('jielongs_site_header_day_unique').on(t.siteId, sql`md5(${t.header})`, t.day)],
);

export const ORDER_STATUSES = ['open', 'bought', 'delivered', 'cancelled'] as const;

/** An order (O-0031): free text or one 接龙 line. */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'set null' }),
    customer: text('customer').notNull(),
    talkerId: text('talker_id').notNull(),
    talkerName: text('talker_name').notNull(),
    deliverTo: text('deliver_to'),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    jielongId: integer('jielong_id').references(() => jielongs.id, { onDelete: 'set null' }),
    jielongSeq: integer('jielong_seq'),
    /** The 接龙 line as last posted, to tell a changed line from a re-post. */
    jielongLine: text('jielong_line'),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('open'),
    /** What the volunteer paid, in fen (1/100 yuan). */
    costFen: integer('cost_fen'),
    volunteer: text('volunteer'),
    createdAt: ts('created_at').notNull(),
    boughtAt: ts('bought_at'),
    deliveredAt: ts('delivered_at'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    unique('orders_site_number_unique').on(t.siteId, t.number),
    unique('orders_jielong_seq_unique').on(t.jielongId, t.jielongSeq),
    index('orders_site_status_idx').on(t.siteId, t.status),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** As written by the villager. */
    name: text('name').notNull(),
    /** After the alias list (菜油 → 菜籽油), for the purchase list. */
    canonical: text('canonical').notNull(),
    qty: real('qty'),
    unit: text('unit'),
    cancelled: boolean('cancelled').notNull().default(false),
  },
  (t) => [index('order_items_order_idx').on(t.orderId)],
);

/** A drinking-water delivery booking. */
export const waterBookings = pgTable(
  'water_bookings',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'set null' }),
    customer: text('customer').notNull(),
    talkerId: text('talker_id').notNull(),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, {
      onDelete: 'set null',
    }),
    qty: real('qty'),
    unit: text('unit'),
    day: date('day', { mode: 'string' }).notNull(),
    part: text('part', { enum: ['am', 'pm', 'evening'] }),
    deliverTo: text('deliver_to'),
    status: text('status', { enum: ['booked', 'delivered', 'cancelled'] })
      .notNull()
      .default('booked'),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    unique('water_site_number_unique').on(t.siteId, t.number),
    index('water_site_day_idx').on(t.siteId, t.day),
  ],
);

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

export const schema = {
  sites,
  groups,
  messages,
  outbox,
  jobRuns,
  counters,
  rooms,
  residents,
  healthReports,
  alerts,
  requests,
  households,
  jielongs,
  orders,
  orderItems,
  waterBookings,
  apiTokens,
  auditLog,
  siteVocabulary,
  pendingConfirmations,
  contactAttempts,
};

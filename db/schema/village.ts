// Tables: a village's households, 接龙, orders and water bookings (db/schema.ts gathers them for drizzle-kit and the app).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  real,
  serial,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { ts } from './columns.js';
import { groups, messages, sites } from './core.js';

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

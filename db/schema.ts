// The source of truth for the database, gathered from db/schema/*.ts (core, quarantine, village, ops). Migrations under
// db/migrations are generated from it by drizzle-kit (`npm run db:generate`) and committed; never edit a generated
// migration.
import { counters, groups, jobRuns, messages, outbox, sites } from './schema/core.js';
import { apiTokens, auditLog, contactAttempts, pendingConfirmations, siteVocabulary } from './schema/ops.js';
import { alerts, healthReports, requests, residents, rooms } from './schema/quarantine.js';
import { households, jielongs, orderItems, orders, waterBookings } from './schema/village.js';

export * from './schema/core.js';
export * from './schema/ops.js';
export * from './schema/quarantine.js';
export * from './schema/village.js';

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

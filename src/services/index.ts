// The services the bots, the HTTP routes and the jobs use, built once per process.
import type { Database } from '../../db/client.js';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';
import { createAuditService } from './admin/audit.js';
import { createDigestsAdminService } from './admin/digests.js';
import { createExportsService } from './admin/exports.js';
import { createGroupsAdminService } from './admin/groups.js';
import { createHealthAdminService } from './admin/health.js';
import { createHouseholdsService } from './admin/households.js';
import { createListsAdminService } from './admin/lists.js';
import { createOutboxAdminService } from './admin/outbox-admin.js';
import { createResidentLifecycleService } from './admin/resident-lifecycle.js';
import { createResidentsService } from './admin/residents.js';
import { createReviewService } from './admin/review.js';
import { createRosterUploadService } from './admin/roster.js';
import { createSitesAdminService } from './admin/sites.js';
import { createTokensService } from './admin/tokens.js';
import { createVillageAdminService } from './admin/village.js';
import { createIntakeService } from './intake.js';
import type { IntakeSpool } from './intake-spool.js';
import { createOutboxService } from './outbox.js';
import { createQuarantineService } from './quarantine/index.js';
import { createRecallService } from './recall.js';
import { createVillageService } from './village/index.js';
import { createVocabularyCache } from './vocabulary.js';

export interface ServicesDeps {
  database: Database;
  clock: Clock;
  log: Logger;
  defaultZone: string;
  /** Wakes the outbox worker after something was queued. */
  notifyOutbox: () => void;
  /** The bot user this instance's WeChat is logged in as (null before login). */
  account?: () => string | null;
  /** Most messages stored and handled together (default 64). */
  batchSize?: number;
  /** Where the intake writes down messages that wait for the database. */
  intakeSpool?: IntakeSpool;
}

export function createServices(deps: ServicesDeps) {
  const { db } = deps.database;
  const groups = createGroupsRepo(db, deps.defaultZone);
  const messages = createMessagesRepo(db);
  const outbox = createOutboxService({ db, clock: deps.clock, notify: deps.notifyOutbox });
  const lists = createListsAdminService({ db, clock: deps.clock });
  const vocabulary = createVocabularyCache({ db, clock: deps.clock });
  return {
    clock: deps.clock,
    groups,
    messages,
    intake: createIntakeService({
      messages,
      groups,
      clock: deps.clock,
      log: deps.log.child({ part: 'intake' }),
      account: deps.account,
      spool: deps.intakeSpool,
      // Rooms in hand side by side (a lane holds no connection: handling.ts bounds the transactions open
      // at once); what arrives together is stored and handled together, at least a batch's worth.
      concurrency: Math.max(64, deps.batchSize ?? 64),
      batchSize: deps.batchSize,
    }),
    outbox,
    village: createVillageService({ db, outbox }),
    recall: createRecallService({ outbox }),
    /** Each site's vocabulary for the parser. */
    vocabulary,
    tokens: createTokensService({ db, clock: deps.clock }),
    audit: createAuditService({ db, clock: deps.clock }),
    /** What staff manage through the admin API; every write is audited. */
    admin: {
      sites: createSitesAdminService({ db, clock: deps.clock, defaultZone: deps.defaultZone }),
      groups: createGroupsAdminService({ db, clock: deps.clock }),
      residents: createResidentsService({ db, clock: deps.clock }),
      lifecycle: createResidentLifecycleService({ db, clock: deps.clock, outbox }),
      roster: createRosterUploadService({ db, clock: deps.clock }),
      households: createHouseholdsService({ db, clock: deps.clock }),
      health: createHealthAdminService({
        db,
        clock: deps.clock,
        outbox,
        log: deps.log.child({ part: 'admin-health' }),
      }),
      review: createReviewService({
        db,
        clock: deps.clock,
        defaultZone: deps.defaultZone,
        vocabularyChanged: (siteId) => vocabulary.forget(siteId),
      }),
      outbox: createOutboxAdminService({
        db,
        clock: deps.clock,
        defaultZone: deps.defaultZone,
        notify: deps.notifyOutbox,
      }),
      digests: createDigestsAdminService({ db, clock: deps.clock, outbox }),
      village: createVillageAdminService({ db, clock: deps.clock, outbox }),
      lists,
      exports: createExportsService({ db, clock: deps.clock, lists }),
    },
    quarantine: createQuarantineService({
      db,
      clock: deps.clock,
      outbox,
      log: deps.log.child({ part: 'quarantine' }),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

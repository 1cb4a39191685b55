// What the observation-site use cases share: their dependencies and the repositories over one executor
// (the database, or the transaction a message is handled in).
import type { Db, Executor } from '../../../db/client.js';
import { createAlertsRepo } from '../../../db/repositories/alerts.js';
import { createHealthReportsRepo } from '../../../db/repositories/health-reports.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import { createRequestsRepo } from '../../../db/repositories/requests.js';
import { createResidentsRepo } from '../../../db/repositories/residents.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../log.js';
import type { OutboxService } from '../outbox.js';

export interface QuarantineDeps {
  db: Db;
  clock: Clock;
  outbox: OutboxService;
  log: Logger;
}

export function reposOf(db: Executor) {
  return {
    db,
    registry: createRegistryRepo(db),
    residents: createResidentsRepo(db),
    reports: createHealthReportsRepo(db),
    alerts: createAlertsRepo(db),
    requests: createRequestsRepo(db),
  };
}

export type Repos = ReturnType<typeof reposOf>;

/** The observation site with this id, or null (unknown, or a village). */
export async function quarantineSite(
  db: Executor,
  siteId: number | null | undefined,
): Promise<SiteRow | null> {
  if (!siteId) return null;
  const site = await createRegistryRepo(db).siteById(siteId);
  return site?.kind === 'quarantine' ? site : null;
}

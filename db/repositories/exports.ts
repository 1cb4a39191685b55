// What the exports read that the other repositories do not give in one query: a site's current health
// reports over a range of days.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { healthReports } from '../schema.js';

export function createExportsRepo(db: Executor) {
  return {
    /** Current (not replaced) reports of residents of the site, `from`..`to` inclusive (local days). */
    async reportsBetween(siteId: number, from: string, to: string) {
      return db
        .select({
          residentId: healthReports.residentId,
          day: healthReports.day,
          slot: healthReports.slot,
          temperature: healthReports.temperature,
          symptoms: healthReports.symptoms,
          via: healthReports.via,
          givenBy: healthReports.givenBy,
        })
        .from(healthReports)
        .where(
          and(
            eq(healthReports.siteId, siteId),
            eq(healthReports.current, true),
            gte(healthReports.day, from),
            lte(healthReports.day, to),
          ),
        )
        .orderBy(asc(healthReports.id));
    },
  };
}

// The per-site timetable as scheduler jobs, built from each site's settings in its own zone: report
// reminders, nudges and missing lists, digests and summaries, release notices; for villages the
// volunteers' lists. Rebuilt when sites change.
import type { SiteRow } from '../../db/repositories/registry.js';
import { addMinutesToTime, siteSchedule, slotOfReportTime } from '../core/schedule.js';
import { localDate } from '../core/time.js';
import type { QuarantineTimetable, VillageTimetable } from '../services/timetable.js';
import type { Job } from './scheduler.js';

export interface TimetableDeps {
  quarantine: QuarantineTimetable;
  village: VillageTimetable;
}

/** The local day of a fire that happens `offsetMin` after the slot's report time. */
const dayOf = (fireAt: Date, zone: string, offsetMin: number) =>
  localDate(new Date(fireAt.getTime() - offsetMin * 60_000), zone);

export function timetableJobs(site: SiteRow, deps: TimetableDeps): Job[] {
  const zone = site.timeZone;
  const s = siteSchedule(site.schedule);
  const job = (name: string, daily: string, run: (fireAt: Date) => Promise<void>): Job => ({
    name: `site${site.id}:${name}`,
    daily,
    timeZone: zone,
    run,
  });

  if (site.kind === 'village') {
    return [
      job('evening-lists', s.volunteerEveningTime, (at) =>
        deps.village.eveningLists(site.id, localDate(at, zone)),
      ),
      job('morning-deliveries', s.deliveryMorningTime, (at) =>
        deps.village.morningDeliveries(site.id, localDate(at, zone)),
      ),
    ];
  }

  const jobs: Job[] = [];
  site.reportTimes.forEach((time, i) => {
    const slot = slotOfReportTime(site.reportTimes, i);
    // The ladder (issue 21): the reminder, then each step the site has on.
    jobs.push(job(`remind-${slot}`, time, (at) => deps.quarantine.remind(site.id, dayOf(at, zone, 0), slot)));
    if (s.ladderNudge)
      jobs.push(
        job(`nudge-${slot}`, addMinutesToTime(time, s.nudgeAfterMin), (at) =>
          deps.quarantine.nudge(site.id, dayOf(at, zone, s.nudgeAfterMin), slot),
        ),
      );
    if (s.ladderPrivate)
      jobs.push(
        job(`private-${slot}`, addMinutesToTime(time, s.privateAfterMin), (at) =>
          deps.quarantine.privateMessages(site.id, dayOf(at, zone, s.privateAfterMin), slot),
        ),
      );
    if (s.ladderCallList)
      jobs.push(
        job(`missing-${slot}`, addMinutesToTime(time, s.staffMissingAfterMin), (at) =>
          deps.quarantine.missingToStaff(site.id, dayOf(at, zone, s.staffMissingAfterMin), slot),
        ),
      );
  });
  jobs.push(
    job('digest', s.digestTime, (at) => deps.quarantine.postDigest(site.id, localDate(at, zone))),
    job('morning-summary', s.morningSummaryTime, (at) =>
      deps.quarantine.morningSummary(site.id, localDate(at, zone)),
    ),
    job('release-notices', s.releaseNoticeTime, (at) =>
      deps.quarantine.releaseNotices(site.id, localDate(at, zone)),
    ),
  );
  return jobs;
}

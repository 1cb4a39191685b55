// The daily digest of an observation site (CONTRACT.md section 5, with extras).
//
// Who counts as observing on a day D: admitted by then (start ≤ D), not past the planned release date
// (D ≤ planned end), and still there that day — status observing, or a status change (release, hospital,
// leaving) dated after D. Someone released on D is no longer counted on D. Residents still observing past
// their planned end are not counted but listed as `overdue`, so staff release or extend them.
import type { Executor } from '../../../db/client.js';
import { createContactAttemptsRepo } from '../../../db/repositories/contact-attempts.js';
import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import { createReviewRepo } from '../../../db/repositories/review.js';
import { NotFoundError } from '../../core/errors.js';
import type { QuarantineDigest } from '../../core/quarantine/digest.js';
import { triedText } from '../../core/quarantine/ladder.js';
import { isFever } from '../../core/quarantine/observation.js';
import type { Slot } from '../../core/records.js';
import { slotOfReportTime } from '../../core/schedule.js';
import { addDays, localDate, localTime, toZonedIso, zonedInstant } from '../../core/time.js';
import { quarantineSite, reposOf } from './deps.js';
import { siteSlots } from './lifecycle.js';

const SLOTS: Slot[] = ['am', 'pm'];

/** Still at the site on `day`: observing now, or their status changed on a later day. */
export function presentOn(r: ResidentView, day: string, zone: string): boolean {
  if (r.status === 'observing') return true;
  return r.statusAt !== null && localDate(r.statusAt, zone) > day;
}

/** The observing-on-`day` rule above. */
export function observingOn(r: ResidentView, day: string, zone: string): boolean {
  return r.startDate <= day && day <= r.plannedEndDate && presentOn(r, day, zone);
}

/** The slots of `day` whose report time has come by `now` (all of them for a past day). */
export function slotsDue(site: SiteRow, day: string, now: Date): Slot[] {
  const today = localDate(now, site.timeZone);
  if (day < today) return siteSlots(site);
  if (day > today) return [];
  const time = localTime(now, site.timeZone);
  return site.reportTimes
    .map((t, i) => (t <= time ? slotOfReportTime(site.reportTimes, i) : null))
    .filter((s): s is Slot => s !== null);
}

export function createDigestService(deps: { db: Executor }) {
  return {
    async digest(siteId: number, day: string): Promise<QuarantineDigest> {
      const site = await quarantineSite(deps.db, siteId);
      if (!site) throw new NotFoundError(`no observation site with id ${siteId}`);
      const r = reposOf(deps.db);
      const zone = site.timeZone;
      const dayStart = zonedInstant(day, '00:00', zone);
      const dayEnd = zonedInstant(addDays(day, 1), '00:00', zone);
      const endOfDay = new Date(dayEnd.getTime() - 1);

      const everyone = await r.residents.ofSite(site.id);
      const observing = everyone.filter((x) => observingOn(x, day, zone));
      const reports = await r.reports.currentOfSiteDay(site.id, day);
      const slots = siteSlots(site);
      const bySlot = new Map(
        SLOTS.map((s) => [
          s,
          new Set(reports.filter((x) => x.slot === s).map((x) => x.residentId as number)),
        ]),
      );
      const reportedBy = (slot: Slot) => bySlot.get(slot) as Set<number>;
      const missingPeople = (slot: Slot) => {
        if (!slots.includes(slot)) return [];
        const done = reportedBy(slot);
        return observing.filter((x) => !done.has(x.id)).map(person);
      };
      const missing = { am: missingPeople('am'), pm: missingPeople('pm') };
      const releasesDue = observing.filter((x) => x.plannedEndDate === day).map(person);
      const releasesTomorrow = observing.filter((x) => x.plannedEndDate === addDays(day, 1)).map(person);
      const overdue = everyone
        .filter((x) => x.startDate <= day && x.plannedEndDate < day && presentOn(x, day, zone))
        .map(person);
      const requests = await r.requests.countOpenAt(site.id, endOfDay);
      // The ladder (issue 21): who is still missing after the call list, and what was tried for them.
      const tried = await createContactAttemptsRepo(deps.db).between(site.id, day, day);
      const unaccounted = (slot: Slot) => {
        if (!slots.includes(slot)) return [];
        const done = reportedBy(slot);
        const of = (x: ResidentView) => tried.filter((a) => a.residentId === x.id && a.slot === slot);
        return observing
          .filter((x) => !done.has(x.id) && of(x).some((a) => a.step === 'call-list'))
          .map((x) => ({ ...person(x), tried: triedText(of(x)) }));
      };
      const via = (v: 'phone' | 'visit' | 'relative') => reports.filter((x) => x.via === v).length;
      const names = (ps: { name: string }[]) => ps.map((p) => p.name);

      return {
        site: site.name,
        date: day,
        observing: observing.length,
        reported: Object.fromEntries(
          SLOTS.map((s) => [s, observing.filter((x) => reportedBy(s).has(x.id)).length]),
        ) as Record<Slot, number>,
        missing: { am: names(missing.am), pm: names(missing.pm) },
        fever: reports
          .filter((x) => x.temperature !== null && isFever(x.temperature, site.feverThreshold))
          .map((x) => ({
            name: x.name,
            room: x.room,
            temperature: x.temperature as number,
            at: toZonedIso(x.reportedAt, zone),
          })),
        openRequests: requests.open,
        releasesDue: names(releasesDue),
        admittedTotal: everyone.filter((x) => x.startDate <= day).length,
        releasedTotal: everyone.filter(
          (x) => x.status === 'released' && x.statusAt !== null && localDate(x.statusAt, zone) <= day,
        ).length,
        urgentRequests: requests.urgent,
        openAlerts: await r.alerts.countOpenAt(site.id, endOfDay),
        unplaced: await createReviewRepo(deps.db).countUnplaced(site.id, { from: dayStart, to: dayEnd }),
        releasesTomorrow: names(releasesTomorrow),
        overdue: names(overdue),
        reportedVia: { phone: via('phone'), visit: via('visit'), relative: via('relative') },
        unaccounted: { am: unaccounted('am'), pm: unaccounted('pm') },
        people: { missing, releasesDue, releasesTomorrow, overdue },
        slots,
      };
    },
  };
}

const person = (x: ResidentView) => ({ name: x.name, room: x.room });

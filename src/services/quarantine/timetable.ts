// What an observation site's timetable sends (the scheduler decides when). Each send carries a dedupe
// key kind:siteId:day[:slot], so a repeated fire queues nothing new. Nothing goes out when there is nobody
// to name (the digest excepted), and only residents observing that day are reminded or nudged.

import { createContactAttemptsRepo } from '../../../db/repositories/contact-attempts.js';
import type { Mention } from '../../core/domain.js';
import { digestText } from '../../core/quarantine/digest.js';
import { isFever } from '../../core/quarantine/observation.js';
import { readingsByPerson, staffTexts } from '../../core/quarantine/staff-texts.js';
import { celsius, itemNames, ref, texts } from '../../core/quarantine/texts.js';
import type { Slot } from '../../core/records.js';
import { siteSchedule } from '../../core/schedule.js';
import { addDays, localDate, localTime } from '../../core/time.js';
import type { QuarantineTimetable } from '../timetable.js';
import { type QuarantineDeps, quarantineSite, reposOf } from './deps.js';
import { createDigestService, observingOn, slotsDue } from './digest.js';
import { createLadder } from './ladder.js';
import { siteSlots } from './lifecycle.js';

export function createQuarantineTimetable(deps: QuarantineDeps): QuarantineTimetable {
  const { db, outbox } = deps;
  const r = reposOf(db);
  const digests = createDigestService({ db });
  const ladder = createLadder(deps);

  /** The site, its residents observing on `day`, and who of them has no report in `slot`. */
  async function situation(siteId: number, day: string, slot?: Slot) {
    const site = await quarantineSite(db, siteId);
    if (!site) return null;
    const observing = (await r.residents.ofSite(site.id)).filter((x) => observingOn(x, day, site.timeZone));
    const reports = await r.reports.currentOfSiteDay(site.id, day);
    const done = new Set(reports.filter((x) => x.slot === slot).map((x) => x.residentId));
    const missing = slot && siteSlots(site).includes(slot) ? observing.filter((x) => !done.has(x.id)) : [];
    return { site, observing, missing };
  }

  async function send(
    siteId: number,
    role: 'residents' | 'staff',
    text: string,
    kind: string,
    dedupeKey: string,
    mentions: Mention[] = [],
    slot?: Slot,
  ) {
    const ids = await outbox.toSiteGroup(siteId, role, { text, kind, dedupeKey, mentions, slot });
    if (ids.length) deps.log.debug({ siteId, kind, dedupeKey }, 'timetable message queued');
  }

  async function nightText(siteId: number, day: string): Promise<string | null> {
    const site = await quarantineSite(db, siteId);
    if (!site) return null;
    const zone = site.timeZone;
    const yesterday = (await r.reports.currentOfSiteDay(site.id, addDays(day, -1))).filter(
      (x) => x.slot === 'pm',
    );
    const thisMorning = (await r.reports.currentOfSiteDay(site.id, day)).filter((x) => x.slot === 'am');
    // One line a person, however many of their readings were fevers (昨晚 and 今早 both); last night's
    // reading sent this morning says when it came: 昨晚，今早 07:55 补报.
    const readings = [
      ...yesterday.map((x) => ({ x, when: '昨晚', of: addDays(day, -1) })),
      ...thisMorning.map((x) => ({ x, when: '今早', of: day })),
    ]
      .filter(({ x }) => isFever(x.temperature, site.feverThreshold))
      .map(({ x, when, of }) => {
        const at = localTime(x.reportedAt, zone);
        const late = localDate(x.reportedAt, zone) !== of;
        return [
          x,
          `${celsius(x.temperature as number)}（${late ? `${when}，今早 ${at} 补报` : `${when} ${at}`}）`,
        ] as const;
      });
    const fevers = readingsByPerson(readings);
    const urgent = (await r.requests.open(site.id, { urgentOnly: true })).map(
      (q) => `${ref('R', q.number)} ${q.room ?? q.talkerName} ${itemNames(q.items, q.category)}`,
    );
    if (fevers.length === 0 && urgent.length === 0) return null;
    return staffTexts.morningSummary(day, fevers, urgent);
  }

  return {
    async remind(siteId, day, slot) {
      const s = await situation(siteId, day, slot);
      if (!s || s.missing.length === 0) return;
      await send(
        siteId,
        'residents',
        texts.remind(slot),
        'remind',
        `remind:${siteId}:${day}:${slot}`,
        [],
        slot,
      );
    },

    async nudge(siteId, day, slot) {
      const s = await situation(siteId, day, slot);
      if (!s || s.missing.length === 0) return;
      const bound = s.missing.filter((x) => x.wechatId);
      const unboundRooms = [...new Set(s.missing.filter((x) => !x.wechatId).map((x) => x.room ?? ''))].filter(
        Boolean,
      );
      if (bound.length === 0 && unboundRooms.length === 0) return;
      const queued = await outbox.toSiteGroup(siteId, 'residents', {
        text: texts.nudge(slot, unboundRooms),
        kind: 'nudge',
        dedupeKey: `nudge:${siteId}:${day}:${slot}`,
        mentions: bound.map((x) => ({ id: x.wechatId as string, name: x.wechatName ?? x.name })),
        slot,
      });
      // The ladder's step 2, recorded for each resident it named (once: a repeated fire queues nothing).
      if (queued.length)
        await createContactAttemptsRepo(db).add(
          s.missing.map((x) => ({
            siteId,
            residentId: x.id,
            day,
            slot,
            step: 'nudge' as const,
            outcome: 'sent' as const,
            at: deps.clock.now(),
          })),
        );
    },

    async privateMessages(siteId, day, slot) {
      const site = await quarantineSite(db, siteId);
      if (site) await ladder.privateMessages(site, day, slot);
    },

    async missingToStaff(siteId, day, slot) {
      const site = await quarantineSite(db, siteId);
      // With the ladder's call list on, staff get who to call first and what was tried (step 4).
      if (site && siteSchedule(site.schedule).ladderCallList) {
        const text = await ladder.callListText(site, day, slot);
        if (text) await send(siteId, 'staff', text, 'missing', `missing:${siteId}:${day}:${slot}`);
        return;
      }
      const s = await situation(siteId, day, slot);
      if (!s || s.missing.length === 0) return;
      await send(
        siteId,
        'staff',
        staffTexts.missing(slot, day, s.missing),
        'missing',
        `missing:${siteId}:${day}:${slot}`,
      );
    },

    async postDigest(siteId, day) {
      const site = await quarantineSite(db, siteId);
      if (!site) return;
      const d = await digests.digest(siteId, day);
      const text = digestText(d, slotsDue(site, day, deps.clock.now()));
      await send(siteId, 'staff', text, 'digest', `digest:${siteId}:${day}`);
    },

    async morningSummary(siteId, day) {
      const text = await nightText(siteId, day);
      if (text) await send(siteId, 'staff', text, 'summary', `morning:${siteId}:${day}`);
    },

    nightText,

    async releaseNotices(siteId, day) {
      const s = await situation(siteId, day);
      if (!s) return;
      const due = s.observing.filter((x) => x.plannedEndDate === day);
      const tomorrow = (await r.residents.ofSite(s.site.id)).filter(
        (x) => x.plannedEndDate === addDays(day, 1) && observingOn(x, addDays(day, 1), s.site.timeZone),
      );
      if (due.length === 0 && tomorrow.length === 0) return;
      await send(
        siteId,
        'staff',
        staffTexts.releaseNotices(due, tomorrow),
        'release',
        `release:${siteId}:${day}`,
      );
    },
  };
}

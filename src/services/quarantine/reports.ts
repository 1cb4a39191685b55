// Health reports from the residents group: one record per person, day and slot (a later report in the same
// slot replaces it, the history is kept), and alerts for staff.
//
// Alerts: a temperature at or above the site threshold, or any symptom, raises one. There is at most one
// open alert per resident, day and slot: a later alarming report in that slot updates it (staff get an
// "更新" notice), a later normal report leaves it open and staff are told of the re-test. Only staff close
// alerts (#已处理). After an acknowledgement, a new alarming report in the slot opens a new alert.
// A later message without a temperature keeps the slot's report and adds its symptoms (keepsSlotReport).

import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { ChatMessage } from '../../core/domain.js';
import { isSelf, whichRoommate } from '../../core/quarantine/household.js';
import { highestLast, isFever, keepsSlotReport, roomInNickname } from '../../core/quarantine/observation.js';
import { type AlertFacts, staffTexts } from '../../core/quarantine/staff-texts.js';
import { type ReportEcho, ref, texts } from '../../core/quarantine/texts.js';
import { localTime } from '../../core/time.js';
import type { Reading } from '../../core/understand.js';
import type { QuarantineDeps, Repos } from './deps.js';

export interface ReportOutcome {
  /** The routine acknowledgement (their own readings echoed), null for a sender not yet registered. */
  recorded: string | null;
  /** What else the sender must be asked (a reading that looks like a slip). */
  lines: string[];
  alarming: boolean;
  /** The readings as the sender sees them. */
  echoes: ReportEcho[];
}

/** Where readings came from: a group message, or a call or visit recorded in the console (id null). */
export type ReportOrigin = Pick<ChatMessage, 'talkerId' | 'talkerName' | 'at'> & { id: number | null };

export async function recordHealth(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ReportOrigin,
  resident: ResidentView | null,
  readings: readonly Reading[],
  /** A reading not from the resident in the group: by phone, at the door, from a relative, and who gave it. */
  source: {
    via: 'phone' | 'visit' | 'relative';
    givenBy: string;
    /** Whom staff are told the reading is for, when no resident is (a person the roster does not name). */
    person?: { name: string; room: string | null };
  } | null = null,
): Promise<ReportOutcome> {
  const zone = site.timeZone;
  const echoes: ReportEcho[] = [];
  let confirm: number | null = null;
  let alarming = false;
  for (const rec of highestLast(readings)) {
    const { slot, day, earlier } = rec;
    const fever = isFever(rec.temperature, site.feverThreshold);
    const current = resident ? await r.reports.currentIn(resident.id, day, slot) : null;
    const keep = keepsSlotReport(current, rec);
    const { report } = await r.reports.add(
      {
        siteId: site.id,
        residentId: resident?.id ?? null,
        talkerId: msg.talkerId,
        messageId: msg.id,
        day,
        slot,
        temperature: rec.temperature,
        symptoms: rec.symptoms,
        fever,
        reportedAt: msg.at,
        via: source?.via ?? null,
        givenBy: source?.givenBy ?? null,
      },
      // The slot's current report was just read in this transaction: no need to look for one to replace.
      { asCurrent: !keep, noneCurrent: current === null },
    );
    if (keep && current) await r.reports.addSymptoms(current.id, rec.symptoms);
    echoes.push({ slot, earlier, temperature: rec.temperature, symptoms: rec.symptoms });
    if (confirm === null && rec.confirm) confirm = rec.temperature;
    const raises = fever || rec.symptoms.length > 0;
    alarming ||= raises;

    const facts: Omit<AlertFacts, 'ref'> = {
      person: resident
        ? { name: resident.name, room: resident.room }
        : (source?.person ?? { name: msg.talkerName, room: rec.room ?? roomInNickname(msg.talkerName) }),
      unregistered: !resident && !source?.person,
      slot,
      earlier,
      temperature: rec.temperature,
      symptoms: rec.symptoms,
      time: localTime(msg.at, zone),
    };
    const open = await r.alerts.openForSlot(
      site.id,
      { residentId: resident?.id ?? null, talkerId: msg.talkerId },
      day,
      slot,
    );
    // Updates of one alert that have not gone out yet are one message: the latest says it all. (The
    // alert itself stands apart: staff must see it was raised.)
    const toStaff = (text: string, urgent: boolean, update: number | null) =>
      deps.outbox.toSiteGroup(
        site.id,
        'staff',
        {
          text,
          kind: 'alert',
          urgent,
          ...(msg.id === null ? {} : { sourceMessageId: msg.id }),
          ...(update === null ? {} : { mergeKey: `alert:${site.id}:${update}` }),
        },
        r.db,
      );
    if (open && raises) {
      await r.alerts.update(open.id, {
        reportId: report.id,
        kind: fever ? 'fever' : 'symptom',
        temperature: rec.temperature,
        symptoms: rec.symptoms,
      });
      await toStaff(staffTexts.alertUpdate({ ...facts, ref: ref('A', open.number) }), true, open.number);
    } else if (open) {
      await toStaff(
        staffTexts.alertRetestNormal({ ...facts, ref: ref('A', open.number) }),
        false,
        open.number,
      );
    } else if (raises) {
      const number = await r.registry.nextNumber(site.id, 'A');
      await r.alerts.add({
        siteId: site.id,
        number,
        residentId: resident?.id ?? null,
        reportId: report.id,
        kind: fever ? 'fever' : 'symptom',
        temperature: rec.temperature,
        symptoms: rec.symptoms,
        openedAt: msg.at,
      });
      await toStaff(staffTexts.alert({ ...facts, ref: ref('A', number) }), true, null);
    }
  }
  // Nothing about staff being alerted goes to the group: it would tell everyone who is febrile. Staff
  // reach the resident by phone (the alert in their group).
  const recorded = resident ? texts.recorded(resident.room, echoes) : null;
  const lines = resident && confirm !== null ? [texts.confirm(confirm)] : [];
  return { recorded, lines, alarming, echoes };
}

/**
 * A message's readings, each on its person: the sender's own on the sender; one given for a roommate the
 * roster names (老公, 刘爷爷) on that roommate, marked as given by the sender; one for a person the roster
 * does not tell apart kept apart from the sender's own report under the name as written, so staff see it
 * (and any fever in it) without it replacing the sender's reading.
 */
export async function recordReadings(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  sender: ResidentView | null,
  readings: readonly Reading[],
): Promise<ReportOutcome> {
  if (!sender || readings.every((x) => isSelf(x.person)))
    return recordHealth(deps, r, site, msg, sender, readings);
  const outcomes: ReportOutcome[] = [];
  const own = readings.filter((x) => isSelf(x.person));
  const named = new Set(readings.filter((x) => !isSelf(x.person)).map((x) => x.person?.trim())).size;
  for (const rec of readings) {
    if (isSelf(rec.person)) continue;
    const person = (rec.person as string).trim();
    const room = rec.room ?? sender.room;
    const others = room
      ? (await r.residents.inRoom(site.id, room)).filter(
          (x) => x.id !== sender.id && x.status === 'observing',
        )
      : [];
    const mate = whichRoommate(person, others, named);
    const out = mate
      ? await recordHealth(deps, r, site, msg, mate, [rec], { via: 'relative', givenBy: sender.name })
      : await recordHealth(
          deps,
          r,
          site,
          { ...msg, talkerId: `${msg.talkerId}/${person}`, talkerName: `${sender.name}的${person}` },
          null,
          [rec],
          {
            via: 'relative',
            givenBy: sender.name,
            person: { name: `${sender.name}的${person}`, room: rec.room ?? sender.room },
          },
        );
    outcomes.push({ ...out, echoes: out.echoes.map((e) => ({ ...e, person })) });
  }
  if (own.length) outcomes.unshift(await recordHealth(deps, r, site, msg, sender, own));
  const echoes = outcomes.flatMap((o) => o.echoes);
  return {
    recorded: texts.recorded(sender.room, echoes),
    lines: outcomes.flatMap((o) => o.lines),
    alarming: outcomes.some((o) => o.alarming),
    echoes,
  };
}

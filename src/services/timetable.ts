// What the bot does on a site's timetable. The quarantine and village services implement these; the
// scheduler (src/jobs/timetable.ts) decides when. Every action is idempotent for its (site, day, slot):
// it queues with a dedupe key, so a second run of the same fire sends nothing.
import type { Slot } from '../core/records.js';

export interface QuarantineTimetable {
  /** At a report time: a reminder in the residents group. */
  remind(siteId: number, day: string, slot: Slot): Promise<void>;
  /** After `nudgeAfterMin`: @mention, in the residents group, those who have not reported for the slot. */
  nudge(siteId: number, day: string, slot: Slot): Promise<void>;
  /** After `privateAfterMin`: a private WeChat message to each resident still missing (the ladder's step 3). */
  privateMessages(siteId: number, day: string, slot: Slot): Promise<void>;
  /** After `staffMissingAfterMin`: the names and rooms still missing, to the staff group. */
  missingToStaff(siteId: number, day: string, slot: Slot): Promise<void>;
  /** The daily digest, to the staff group. */
  postDigest(siteId: number, day: string): Promise<void>;
  /** The morning summary: the night's fevers and open urgent requests, to the staff group. */
  morningSummary(siteId: number, day: string): Promise<void>;
  /** The night's events as the morning summary says them (fevers of last night and this morning, urgent requests); null: nothing to say. */
  nightText(siteId: number, day: string): Promise<string | null>;
  /** Release-due notices (due tomorrow, due today), to the staff group. */
  releaseNotices(siteId: number, day: string): Promise<void>;
}

export interface VillageTimetable {
  /** The evening before: tomorrow's water deliveries and what to buy, to the volunteers group. */
  eveningLists(siteId: number, day: string): Promise<void>;
  /** The morning delivery list, to the volunteers group. */
  morningDeliveries(siteId: number, day: string): Promise<void>;
}

// The ladder's steps after the reminder, each recorded (issue 21): the @nudge (timetable.ts records it),
// the private message, the staff call list, and what staff's calls and visits came to. A report at any
// step takes the resident off the ladder: every step looks again at who is still missing.
import type { Executor } from '../../../db/client.js';
import { createContactAttemptsRepo, type NewAttempt } from '../../../db/repositories/contact-attempts.js';
import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import { type CallEntry, type CallOutcome, ladderTexts, rankCallList } from '../../core/quarantine/ladder.js';
import { isFever } from '../../core/quarantine/observation.js';
import type { Slot } from '../../core/records.js';
import { afterQuietHours, siteSchedule } from '../../core/schedule.js';
import { addDays, localDate, localTime } from '../../core/time.js';
import type { Reading } from '../../core/understand.js';
import { type QuarantineDeps, type Repos, reposOf } from './deps.js';
import { observingOn, slotsDue } from './digest.js';
import { type ReportOrigin, recordHealth } from './reports.js';

/** Who is observing on `day` and has no current report in `slot`. */
export async function missingIn(r: Repos, site: SiteRow, day: string, slot: Slot): Promise<ResidentView[]> {
  const observing = (await r.residents.ofSite(site.id)).filter((x) => observingOn(x, day, site.timeZone));
  const done = new Set(
    (await r.reports.currentOfSiteDay(site.id, day)).filter((x) => x.slot === slot).map((x) => x.residentId),
  );
  return observing.filter((x) => !done.has(x.id));
}

/** The slot a call made at `at` is about: the latest whose report time has come (the first before any). */
export function slotAt(site: SiteRow, at: Date): { day: string; slot: Slot } {
  const day = localDate(at, site.timeZone);
  return { day, slot: slotsDue(site, day, at).at(-1) ?? 'am' };
}

export function createLadder(deps: QuarantineDeps) {
  const attempts = (db: Executor) => createContactAttemptsRepo(db);
  const attempt = (
    site: SiteRow,
    x: ResidentView,
    day: string,
    slot: Slot,
    a: Partial<NewAttempt>,
  ): NewAttempt => ({
    siteId: site.id,
    residentId: x.id,
    day,
    slot,
    step: 'nudge',
    outcome: 'sent',
    at: deps.clock.now(),
    ...a,
  });

  /** The call list of a slot, ranked, with what was tried for each (read in `db`). */
  async function callList(
    site: SiteRow,
    day: string,
    slot: Slot,
    db: Executor = deps.db,
  ): Promise<CallEntry[]> {
    const r = reposOf(db);
    const missing = await missingIn(r, site, day, slot);
    if (missing.length === 0) return [];
    const ids = missing.map((x) => x.id);
    const recent = [
      ...(await r.reports.currentOfSiteDay(site.id, addDays(day, -1))),
      ...(await r.reports.currentOfSiteDay(site.id, day)),
    ].filter((x) => isFever(x.temperature, site.feverThreshold) || x.symptoms.length > 0);
    const unwell = new Set(recent.map((x) => x.residentId));
    const history = await attempts(db).between(site.id, addDays(day, -3), day, ids);
    const listedBefore = (id: number) =>
      new Set(
        history
          .filter((a) => a.residentId === id && a.step === 'call-list' && !(a.day === day && a.slot === slot))
          .map((a) => `${a.day}|${a.slot}`),
      ).size;
    return rankCallList(
      missing.map((x) => ({
        residentId: x.id,
        name: x.name,
        room: x.room,
        phone: x.phone,
        unwell: unwell.has(x.id),
        age: x.birthYear === null ? null : Number(day.slice(0, 4)) - x.birthYear,
        missedBefore: listedBefore(x.id),
        attempts: history
          .filter((a) => a.residentId === x.id && a.day === day && a.slot === slot)
          .map((a) => ({ step: a.step, outcome: a.outcome, at: a.at, by: a.by })),
      })),
      deps.clock.now(),
    );
  }

  return {
    callList,

    /** Step 3: a private message to each resident still missing whom the bot knows on WeChat. */
    async privateMessages(site: SiteRow, day: string, slot: Slot): Promise<number> {
      return deps.db.transaction(async (tx) => {
        const missing = (await missingIn(reposOf(tx), site, day, slot)).filter((x) => x.wechatId);
        const now = deps.clock.now();
        const quiet = siteSchedule(site.schedule);
        for (const x of missing)
          await deps.outbox.enqueue(
            {
              groupId: null,
              contactId: x.wechatId,
              topic: `私聊 ${x.room ?? ''} ${x.name}`.trim(),
              text: ladderTexts.privateNudge(slot),
              kind: 'private',
              dedupeKey: `private:${x.id}:${day}:${slot}`,
              notBefore: afterQuietHours(now, site.timeZone, quiet.quietStart, quiet.quietEnd),
              slotOf: { slot, zone: site.timeZone, quietStart: quiet.quietStart },
            },
            tx,
          );
        await attempts(tx).add(missing.map((x) => attempt(site, x, day, slot, { step: 'private' })));
        if (missing.length) deps.outbox.notify();
        return missing.length;
      });
    },

    /** Step 4: the ranked list for staff; each resident on it is recorded as listed. */
    async callListText(site: SiteRow, day: string, slot: Slot): Promise<string | null> {
      return deps.db.transaction(async (tx) => {
        const entries = await callList(site, day, slot, tx);
        if (entries.length === 0) return null;
        const r = reposOf(tx);
        const byId = new Map((await r.residents.ofSite(site.id)).map((x) => [x.id, x]));
        await attempts(tx).add(
          entries.flatMap((e) => {
            const x = byId.get(e.residentId);
            return x ? [attempt(site, x, day, slot, { step: 'call-list', outcome: 'listed' })] : [];
          }),
        );
        return ladderTexts.callList(slot, day, entries, (d) => localTime(d, site.timeZone));
      });
    },

    /**
     * What a call or visit came to, from the staff group (#已联系 / #未接通 / #上门) or the console: a
     * reading given on the phone or at the door becomes the slot's report, marked as such and by whom.
     */
    async record(
      r: Repos,
      site: SiteRow,
      x: ResidentView,
      outcome: CallOutcome,
      by: { origin: ReportOrigin; temperature?: number | null; note?: string | null },
    ): Promise<{ day: string; slot: Slot }> {
      const { origin } = by;
      const { day, slot } = slotAt(site, origin.at);
      if ((outcome === 'reached' || outcome === 'visited') && by.temperature != null) {
        const reading: Reading = {
          type: 'health',
          temperature: by.temperature,
          slot,
          symptoms: [],
          room: x.room,
          day,
          earlier: false,
          confirm: false,
        };
        await recordHealth(deps, r, site, origin, x, [reading], {
          via: outcome === 'visited' ? 'visit' : 'phone',
          givenBy: origin.talkerName,
        });
      }
      await attempts(r.db).add([
        attempt(site, x, day, slot, {
          step: outcome === 'visited' ? 'visit' : 'call',
          outcome,
          by: origin.talkerName,
          note: by.note ?? null,
          temperature: by.temperature ?? null,
          at: origin.at,
          sourceMessageId: origin.id,
        }),
      ]);
      return { day, slot };
    },
  };
}

export type Ladder = ReturnType<typeof createLadder>;

// A site's digest through the admin API: the same builders as `shouwang digest --json` and the timetable,
// and "send now", which queues the text into the site's staff group (observation sites) or volunteers'
// group (villages), audited.
import type { Db } from '../../../db/client.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { countsOnly, digestJson, digestText } from '../../core/quarantine/digest.js';
import { localDate } from '../../core/time.js';
import { digestText as villageDigestText } from '../../core/village/digest.js';
import type { OutboxService } from '../outbox.js';
import { createDigestService, slotsDue } from '../quarantine/digest.js';
import { createVillageDigest } from '../village/digest.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export interface DigestView {
  kind: SiteRow['kind'];
  /** The contract's JSON (../shared/CONTRACT.md section 5) with its extras. */
  json: Record<string, unknown>;
  /** The Chinese digest as the bot posts it. */
  text: string;
}

export function createDigestsAdminService(deps: { db: Db; clock: Clock; outbox: OutboxService }) {
  const { db, clock } = deps;

  async function siteOf(siteId: number, guard: Guard): Promise<SiteRow> {
    const site = await createRegistryRepo(db).siteById(siteId);
    if (!site) throw new NotFoundError(`site ${siteId} not found`);
    guard(site.id);
    return site;
  }

  async function build(site: SiteRow, day: string, names = true): Promise<DigestView> {
    if (site.kind === 'quarantine') {
      const d = await createDigestService({ db }).digest(site.id, day);
      const due = slotsDue(site, day, clock.now());
      if (!names) {
        const c = countsOnly(d);
        return { kind: site.kind, json: { ...c.json, slots: d.slots, due }, text: c.text(due) };
      }
      // For the console: the slots the site asks for, those whose report time has come (before it, who
      // has not reported yet is 待报, not 未报), and the missing with their rooms.
      const extras = { slots: d.slots, due, missingPeople: d.people.missing };
      return { kind: site.kind, json: { ...digestJson(d), ...extras }, text: digestText(d, due) };
    }
    const full = await createVillageDigest({ db }).digest(site.id, day);
    // (a viewer sees that the doctor was called and when, not who or what ails them)
    const d = names ? full : { ...full, care: full.care.map((c) => ({ ...c, household: '', said: '' })) };
    return { kind: site.kind, json: { ...d }, text: villageDigestText(d) };
  }

  return {
    /** The digest of `day` (today in the site's zone when absent). */
    /** `names` false: counts only, for a role that may not see anyone's health (viewer). */
    async view(siteId: number, day: string | undefined, guard: Guard, names = true): Promise<DigestView> {
      const site = await siteOf(siteId, guard);
      return build(site, day ?? localDate(clock.now(), site.timeZone), names);
    },

    /** Queues the digest now; the ids of the queued messages (one per group). */
    async send(
      actor: Actor,
      siteId: number,
      day: string | undefined,
      guard: Guard,
    ): Promise<{ date: string; outboxIds: number[] }> {
      const site = await siteOf(siteId, guard);
      const date = day ?? localDate(clock.now(), site.timeZone);
      const role = site.kind === 'quarantine' ? 'staff' : 'volunteers';
      const digest = await build(site, date);
      const outboxIds = await db.transaction(async (tx) => {
        const ids = await deps.outbox.toSiteGroup(site.id, role, { text: digest.text, kind: 'digest' }, tx);
        if (ids.length === 0)
          throw new ConflictError(
            `${site.name} has no ${role === 'staff' ? 'staff' : "volunteers'"} group to send the digest to`,
          );
        await recordAudit(tx, clock, actor, {
          action: 'send',
          entity: 'digest',
          entityId: `${site.id}:${date}`,
          siteId: site.id,
          after: { date, outboxIds: ids, text: digest.text },
        });
        return ids;
      });
      deps.outbox.notify();
      return { date, outboxIds };
    },
  };
}

export type DigestsAdminService = ReturnType<typeof createDigestsAdminService>;

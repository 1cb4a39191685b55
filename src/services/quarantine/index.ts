// The observation-site use cases the bots (and later the admin API) call. Each chat action runs in one
// transaction with the messages it queues, and wakes the outbox worker after the commit.
import type { SiteRow } from '../../../db/repositories/registry.js';
import { createReviewRepo } from '../../../db/repositories/review.js';
import type { ChatMessage } from '../../core/domain.js';
import { parseMessage } from '../../core/parse/index.js';
import { digestText } from '../../core/quarantine/digest.js';
import { texts } from '../../core/quarantine/texts.js';
import { leftoverState } from '../../core/quarantine/unplaced.js';
import type { CancelRecord, HealthRecord, RequestRecord } from '../../core/records.js';
import { localDate } from '../../core/time.js';
import { type QuarantineDeps, quarantineSite, type Repos, reposOf } from './deps.js';
import { createDigestService, slotsDue } from './digest.js';
import { identify, register } from './identity.js';
import { ackAlert, acknowledge, extend, release, statusOf, transfer } from './lifecycle.js';
import { recordHealth } from './reports.js';
import { cancelRequests, createRequests } from './requests.js';
import { openTicketList, staffTicket, type TicketAction, ticketAction } from './tickets.js';
import { createQuarantineTimetable } from './timetable.js';

export type Outcome = { state: 'handled' | 'unplaced' | 'ignored'; note?: string };

export type StaffCommand = '已处理' | '完成' | '接单' | '待办' | '日报' | '解除' | '转院' | '延长';

export function createQuarantineService(deps: QuarantineDeps) {
  const { db, outbox } = deps;
  const digests = createDigestService({ db });

  /** Runs `fn` in one transaction on an observation site, then wakes the outbox worker. */
  async function run<T>(site: SiteRow, fn: (r: Repos, site: SiteRow) => Promise<T>): Promise<T> {
    const result = await db.transaction((tx) => fn(reposOf(tx), site));
    outbox.notify();
    return result;
  }

  /** `fn` on the site of the message's group; null when that is no observation site. */
  async function inSite<T>(msg: ChatMessage, fn: (r: Repos, site: SiteRow) => Promise<T>) {
    // The site as read with the group when the message was stored, else from the database.
    const known = msg.group?.site;
    const site =
      known && known.id === msg.group?.siteId
        ? known.kind === 'quarantine'
          ? known
          : null
        : await quarantineSite(db, msg.group?.siteId);
    return site ? { result: await run(site, fn) } : null;
  }

  async function inSiteId<T>(siteId: number, fn: (r: Repos, site: SiteRow) => Promise<T>): Promise<T | null> {
    const site = await quarantineSite(db, siteId);
    return site ? run(site, fn) : null;
  }

  return {
    /** A residents-group message that is not a command: reports, requests, withdrawals. */
    async residentMessage(msg: ChatMessage): Promise<Outcome> {
      const group = msg.group;
      if (!group?.siteId || group.siteKind !== 'quarantine')
        return { state: 'ignored', note: 'not an observation site' };
      // Read it first (in the site's zone, which its group carries): chatter needs no transaction.
      const records = parseMessage({
        text: msg.body,
        at: msg.at,
        context: 'quarantine',
        timeZone: group.timeZone,
      });
      const health = records.filter((x): x is HealthRecord => x.type === 'health');
      const requests = records.filter((x): x is RequestRecord => x.type === 'request');
      const cancels = records.filter((x): x is CancelRecord => x.type === 'cancel');
      if (health.length + requests.length + cancels.length === 0) return { state: leftoverState(msg.body) };
      const outcome = await inSite(msg, async (r, site) => {
        const resident = await identify(r, site, msg);
        const lines: string[] = [];
        if (health.length) lines.push(...(await recordHealth(deps, r, site, msg, resident, health)).lines);
        lines.push(...(await createRequests(deps, r, site, msg, resident, requests)));
        for (const c of cancels) lines.push(...(await cancelRequests(deps, r, site, msg, c)));
        if (!resident && (health.length || requests.length)) {
          const room = [...health, ...requests].find((x) => x.room)?.room ?? null;
          lines.push(texts.pleaseRegister(health.length > 0, room));
        }
        if (lines.length === 0) return null;
        await outbox.reply(msg, lines.join('\n'), { mention: true }, r.db);
        return records.map((x) => x.type).join(',');
      });
      if (!outcome) return { state: 'ignored', note: 'not an observation site' };
      if (outcome.result === null) return { state: leftoverState(msg.body) };
      return { state: 'handled', note: outcome.result };
    },

    /** `#状态` and `#登记` in the residents group. */
    async residentCommand(msg: ChatMessage, name: '状态' | '登记', rest: string): Promise<boolean> {
      const done = await inSite(msg, async (r, site) => {
        let text: string;
        if (name === '登记') text = await register(deps, r, site, msg, rest);
        else {
          const resident = await identify(r, site, msg);
          text = resident ? await statusOf(r, site, resident, msg.at) : texts.pleaseRegister(false);
        }
        await outbox.reply(msg, text, { mention: true }, r.db);
      });
      return done !== null;
    },

    /** A staff-group command. */
    async staffCommand(msg: ChatMessage, name: StaffCommand, rest: string): Promise<boolean> {
      const done = await inSite(msg, async (r, site) => {
        const text = await staffAnswer(r, site, msg, name, rest);
        await outbox.reply(msg, text, { kind: name === '日报' ? 'digest' : 'reply' }, r.db);
      });
      return done !== null;
    },

    /** Acknowledges an alert (the admin API; the staff group uses #已处理). Null for an unknown site. */
    async acknowledgeAlert(siteId: number, number: number, by: { name: string; note?: string | null }) {
      return inSiteId(siteId, (r, site) =>
        ackAlert(r, site, number, { by: by.name, at: deps.clock.now(), note: by.note ?? null }),
      );
    },

    /** Closes (done) or takes (assign) a ticket (the admin API; the staff group uses #完成 / #接单). */
    async ticket(
      siteId: number,
      number: number,
      action: TicketAction,
      by: { name: string; note?: string | null },
    ) {
      return inSiteId(siteId, (r, site) =>
        ticketAction(deps, r, site, number, action, {
          by: by.name,
          at: deps.clock.now(),
          note: by.note ?? null,
        }),
      );
    },

    digest: digests.digest,
    async digestText(siteId: number, day: string): Promise<string> {
      return digestText(await digests.digest(siteId, day));
    },
    timetable: createQuarantineTimetable(deps),
    /** Messages kept for staff review. */
    unplaced: (siteId: number, range?: { from?: Date; to?: Date }) =>
      createReviewRepo(db).unplaced(siteId, range),
  };

  async function staffAnswer(
    r: Repos,
    site: SiteRow,
    msg: ChatMessage,
    name: StaffCommand,
    rest: string,
  ): Promise<string> {
    const args = rest
      .normalize('NFKC')
      .split(/[\s,，、;；]+/)
      .filter(Boolean);
    switch (name) {
      case '已处理':
        return acknowledge(r, site, msg, rest);
      case '完成':
        return staffTicket(deps, r, site, msg, 'done', rest);
      case '接单':
        return staffTicket(deps, r, site, msg, 'assign', rest);
      case '待办':
        return openTicketList(r, site);
      case '日报': {
        const day = localDate(msg.at, site.timeZone);
        const d = await createDigestService({ db: r.db }).digest(site.id, day);
        return digestText(d, slotsDue(site, day, msg.at));
      }
      case '解除':
        return release(deps, r, site, msg, args);
      case '转院':
        return transfer(r, site, msg, args);
      case '延长':
        return extend(r, site, args);
    }
  }
}

export type QuarantineService = ReturnType<typeof createQuarantineService>;

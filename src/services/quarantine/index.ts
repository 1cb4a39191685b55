// The observation-site use cases the bots and the admin API call. A chat turn runs in the transaction of
// its unit of work and answers through the turn; an admin action runs in a transaction of its own and
// wakes the outbox worker after the commit.
import type { SiteRow } from '../../../db/repositories/registry.js';
import { createReviewRepo } from '../../../db/repositories/review.js';
import type { CommandName } from '../../core/commands.js';
import type { ChatMessage } from '../../core/domain.js';
import { digestText } from '../../core/quarantine/digest.js';
import { texts } from '../../core/quarantine/texts.js';
import type { CancelRecord, RequestRecord } from '../../core/records.js';
import { localDate } from '../../core/time.js';
import { noteReview, REVIEW_NOTES } from '../review-note.js';
import type { Turn } from '../turn.js';
import { type QuarantineDeps, quarantineSite, type Repos, reposOf } from './deps.js';
import { createDigestService, slotsDue } from './digest.js';
import { identify, register } from './identity.js';
import { ackAlert, acknowledge, extend, release, statusOf, transfer } from './lifecycle.js';
import { recordHealth } from './reports.js';
import { cancelRequests, createRequests } from './requests.js';
import { openTicketList, staffTicket, type TicketAction, ticketAction } from './tickets.js';
import { createQuarantineTimetable } from './timetable.js';

export type StaffCommand = Extract<
  CommandName,
  '已处理' | '完成' | '接单' | '待办' | '日报' | '解除' | '转院' | '延长'
>;

export function createQuarantineService(deps: QuarantineDeps) {
  const { db, outbox } = deps;
  const digests = createDigestService({ db });

  /** Runs `fn` in one transaction on an observation site, then wakes the outbox worker. */
  async function run<T>(site: SiteRow, fn: (r: Repos, site: SiteRow) => Promise<T>): Promise<T> {
    const result = await db.transaction((tx) => fn(reposOf(tx), site));
    outbox.notify();
    return result;
  }

  async function inSiteId<T>(siteId: number, fn: (r: Repos, site: SiteRow) => Promise<T>): Promise<T | null> {
    const site = await quarantineSite(db, siteId);
    return site ? run(site, fn) : null;
  }

  /** The observation site of a turn's group (read with the group when the message was stored). */
  async function siteOf(turn: Turn): Promise<SiteRow | null> {
    const group = turn.message.group;
    const known = group?.site;
    if (known && known.id === group?.siteId) return known.kind === 'quarantine' ? known : null;
    return quarantineSite(turn.tx, group?.siteId);
  }

  return {
    /** Reports, requests and withdrawals in the residents group. */
    async residentMessage(turn: Turn): Promise<void> {
      const site = await siteOf(turn);
      if (!site) return turn.done('ignored', 'not an observation site');
      const { message: msg, understood: u } = turn;
      // What the parser doubts is not acted on — a number it is unsure is a reading (37.5是不是就算发烧了)
      // raises no alert, a guess makes no ticket —: staff look at the message, and the sender hears so. A
      // reading it only doubts whose it is (36.5 36.6: one person twice, or two people?) is kept: no
      // reading is ever dropped, and a fever in it is raised.
      const sure = <T extends { unsure?: true; doubts?: string[] }>(x: T) =>
        !x.unsure || ((x as { type?: string }).type === 'health' && !(x.doubts ?? []).includes('number'));
      const doubted = u.records.filter((x) => x.type !== 'command' && !sure(x));
      const readings = u.readings.filter(sure);
      const requests = u.records.filter((x): x is RequestRecord => x.type === 'request' && sure(x));
      const cancels = u.records.filter((x): x is CancelRecord => x.type === 'cancel' && sure(x));
      const r = reposOf(turn.tx);
      const resident = await identify(r, site, msg);
      const lines: string[] = [];
      const health = readings.length ? await recordHealth(deps, r, site, msg, resident, readings) : null;
      if (health) lines.push(...health.lines);
      lines.push(...(await createRequests(deps, r, site, msg, resident, requests)));
      for (const c of cancels) lines.push(...(await cancelRequests(deps, r, site, msg, c)));
      if (!resident && (readings.length || requests.length)) {
        const room = [...readings, ...requests].find((x) => x.room)?.room ?? null;
        lines.push(texts.pleaseRegister(readings.length > 0, room));
      }
      if (doubted.length) {
        const why = doubted.flatMap((x) => (x as { doubts?: string[] }).doubts ?? []);
        turn.done('unplaced', `not sure what it says (${[...new Set(why)].join(', ') || 'unsure'})`);
        if (lines.length === 0 && !health?.recorded) return noteReview(turn, REVIEW_NOTES.residents);
      }
      const note = u.records.map((x) => x.type).join(',');
      // A report and nothing else to say: a routine acknowledgement, merged with others when the group is busy.
      if (health?.recorded && lines.length === 0) {
        turn.reply({ text: health.recorded, mention: true, kind: 'ack', label: resident?.room ?? null });
        return turn.done('handled', note);
      }
      if (health?.recorded) lines.unshift(health.recorded);
      if (lines.length === 0) return turn.done(u.leftover.state, u.leftover.note);
      turn.reply({ text: lines.join('\n'), mention: true });
      turn.done('handled', note);
    },

    /** `#状态` and `#登记` in the residents group. */
    async residentCommand(turn: Turn, name: '状态' | '登记'): Promise<void> {
      const site = await siteOf(turn);
      if (!site) return turn.done('ignored', 'not an observation site');
      const r = reposOf(turn.tx);
      const msg = turn.message;
      let text: string;
      if (name === '登记') text = await register(deps, r, site, msg, turn.understood.command?.rest ?? '');
      else {
        const resident = await identify(r, site, msg);
        text = resident ? await statusOf(r, site, resident, msg.at) : texts.pleaseRegister(false);
      }
      turn.reply({ text, mention: true });
      turn.done('handled', `#${name}`);
    },

    /** A staff-group command. */
    async staffCommand(turn: Turn, name: StaffCommand): Promise<void> {
      const site = await siteOf(turn);
      if (!site) return turn.done('ignored', 'not an observation site');
      const command = turn.understood.command;
      const args = command?.args ?? [];
      const text = await staffAnswer(reposOf(turn.tx), site, turn.message, name, args, command?.rest ?? '');
      turn.reply({ text, kind: name === '日报' ? 'digest' : 'reply' });
      turn.done('handled', `#${name}`);
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
    args: string[],
    rest: string,
  ): Promise<string> {
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

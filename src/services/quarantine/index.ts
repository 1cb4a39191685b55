// The observation-site use cases the bots and the admin API call. A chat turn runs in the transaction of
// its unit of work and answers through the turn; an admin action runs in a transaction of its own and
// wakes the outbox worker after the commit.
import type { SiteRow } from '../../../db/repositories/registry.js';
import { createReviewRepo } from '../../../db/repositories/review.js';
import { chaseOf } from '../../core/chase.js';
import type { CommandName } from '../../core/commands.js';
import type { ChatMessage } from '../../core/domain.js';
import { digestText } from '../../core/quarantine/digest.js';
import { type CallOutcome, ladderTexts, RETRY_AFTER_MS } from '../../core/quarantine/ladder.js';
import { texts } from '../../core/quarantine/texts.js';
import type { CancelRecord, RequestRecord } from '../../core/records.js';
import { localDate, localTime } from '../../core/time.js';
import { noteReview, REVIEW_NOTES } from '../review-note.js';
import type { Turn } from '../turn.js';
import { type QuarantineDeps, quarantineSite, type Repos, reposOf } from './deps.js';
import { createDigestService, slotsDue } from './digest.js';
import { identify, register } from './identity.js';
import { createJielongRequests } from './jielong-requests.js';
import { createLadder, slotAt } from './ladder.js';
import { ackAlert, acknowledge, extend, findTarget, release, statusOf, transfer } from './lifecycle.js';
import { recordReadings } from './reports.js';
import { cancelRequests, chasedRequests, createRequests } from './requests.js';
import { openTicketList, staffTicket, type TicketAction, ticketAction } from './tickets.js';
import { createQuarantineTimetable } from './timetable.js';

export type StaffCommand = Extract<
  CommandName,
  | '已处理'
  | '完成'
  | '接单'
  | '待办'
  | '日报'
  | '解除'
  | '转院'
  | '延长'
  | '电话名单'
  | '已联系'
  | '未接通'
  | '上门'
>;

export function createQuarantineService(deps: QuarantineDeps) {
  const { db, outbox } = deps;
  const digests = createDigestService({ db });
  const ladder = createLadder(deps);

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
      const health = readings.length ? await recordReadings(deps, r, site, msg, resident, readings) : null;
      if (health) lines.push(...health.lines);
      const listed = requests.filter((x) => x.jielongLine !== undefined);
      const asked = requests.filter((x) => x.jielongLine === undefined);
      lines.push(...(await createRequests(deps, r, site, msg, resident, asked)));
      lines.push(...(await createJielongRequests(r, site, msg, resident, listed)));
      for (const c of cancels) lines.push(...(await cancelRequests(deps, r, site, msg, c)));
      if (!resident && (readings.length || asked.length)) {
        const room = [...readings, ...asked].find((x) => x.room)?.room ?? null;
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

    /**
     * A resident's message with nothing to record. Asking after tickets not yet done (前几天要的书还没送来) is
     * answered from the tickets; what else looks meant is kept for staff review, and the sender hears so.
     */
    async residentOther(turn: Turn): Promise<void> {
      const { message: msg, understood: u } = turn;
      const chase = chaseOf(msg.body);
      const site = chase ? await siteOf(turn) : null;
      if (site && chase) {
        const r = reposOf(turn.tx);
        const resident = await identify(r, site, msg);
        const lines = await chasedRequests(deps, r, site, msg, resident, chase);
        if (lines.length > 0) {
          turn.reply({ text: lines.join('\n'), mention: true });
          return turn.done('handled', 'asked after a request');
        }
      }
      turn.done(u.leftover.state, u.leftover.note);
      if (u.leftover.state === 'unplaced') await noteReview(turn, REVIEW_NOTES.residents);
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
    /** The call list of a slot (the API and the console show it). */
    callList: async (siteId: number, day: string, slot: 'am' | 'pm') => {
      const site = await quarantineSite(db, siteId);
      return site ? ladder.callList(site, day, slot) : null;
    },
    /** The observation site `siteId` (null: none, or a village). */
    site: (siteId: number) => quarantineSite(db, siteId),
    /** The slot a call made now is about: the latest whose report time has come. */
    slotAt,
    /** Whether `residentId` is one of observation site `siteId`'s residents. */
    async isResidentOf(siteId: number, residentId: number): Promise<boolean> {
      const x = await reposOf(db).residents.byId(residentId);
      return x?.siteId === siteId;
    },
    /**
     * A call or visit recorded from the console: null when the resident is not one of this site's. A
     * reading becomes the slot's report (by phone or at the door, and by whom).
     */
    recordCall: (
      siteId: number,
      residentId: number,
      outcome: CallOutcome,
      input: { by: string; at: Date; temperature: number | null; note: string | null },
    ) =>
      inSiteId(siteId, async (r, site) => {
        const x = await r.residents.byId(residentId);
        if (!x || x.siteId !== site.id) return null;
        const origin = { id: null, talkerId: `console:${input.by}`, talkerName: input.by, at: input.at };
        const at = await ladder.record(r, site, x, outcome, {
          origin,
          temperature: input.temperature,
          note: input.note,
        });
        return { ...at, resident: x };
      }),
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
      case '电话名单': {
        const { day, slot } = slotAt(site, msg.at);
        const entries = await ladder.callList(site, day, slot, r.db);
        return ladderTexts.callList(slot, day, entries, (d) => localTime(d, site.timeZone));
      }
      case '已联系':
      case '未接通':
      case '上门':
        return callOutcome(r, site, msg, name, args);
    }
  }

  /** `#已联系 2105 36.6 [备注]`, `#未接通 2105`, `#上门 2105`: what a call or visit came to. */
  async function callOutcome(
    r: Repos,
    site: SiteRow,
    msg: ChatMessage,
    name: '已联系' | '未接通' | '上门',
    args: string[],
  ): Promise<string> {
    const [roomArg, ...rest] = args;
    const reading = rest[0] !== undefined && /^\d{2}(?:\.\d)?$/.test(rest[0]) ? Number(rest[0]) : null;
    if (reading !== null && (reading < 34 || reading > 43)) return ladderTexts.usage(name);
    const t = await findTarget(r, site, name, roomArg);
    if (!t.ok) return roomArg ? t.answer : ladderTexts.usage(name);
    const who = `${t.resident.room ? `${t.resident.room} ` : ''}${t.resident.name}`;
    const note = (reading === null ? rest : rest.slice(1)).join(' ') || null;
    const outcome = name === '已联系' ? 'reached' : name === '未接通' ? 'no-answer' : 'visited';
    await ladder.record(r, site, t.resident, outcome, { origin: msg, temperature: reading, note });
    if (outcome === 'reached') return ladderTexts.reached(who, reading);
    if (outcome === 'visited') return ladderTexts.visited(who);
    return ladderTexts.noAnswer(who, localTime(new Date(msg.at.getTime() + RETRY_AFTER_MS), site.timeZone));
  }
}

export type QuarantineService = ReturnType<typeof createQuarantineService>;

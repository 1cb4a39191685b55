// The observation period: a resident's own #状态, and staff's #解除 (release, congratulated in the
// residents group), #转院 (to hospital, nothing said to residents), #延长 (extend; never shorten), and
// #已处理 for alerts.

import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { ChatMessage } from '../../core/domain.js';
import { normaliseRoom, observationDay, observationLength } from '../../core/quarantine/observation.js';
import { splitRefs } from '../../core/quarantine/refs.js';
import { staffTexts } from '../../core/quarantine/staff-texts.js';
import { monthDay, type ReportEcho, ref, statusText, texts } from '../../core/quarantine/texts.js';
import type { Slot } from '../../core/records.js';
import { slotOfReportTime } from '../../core/schedule.js';
import { addDays, localDate, localTime } from '../../core/time.js';
import type { QuarantineDeps, Repos } from './deps.js';

export const siteSlots = (site: SiteRow): Slot[] => [
  ...new Set(site.reportTimes.map((_, i) => slotOfReportTime(site.reportTimes, i))),
];

export async function statusOf(r: Repos, site: SiteRow, resident: ResidentView, at: Date): Promise<string> {
  const day = localDate(at, site.timeZone);
  const today: Partial<Record<Slot, ReportEcho>> = {};
  for (const rep of await r.reports.currentOf(resident.id, day))
    today[rep.slot] = { slot: rep.slot, temperature: rep.temperature, symptoms: rep.symptoms };
  return statusText({
    room: resident.room,
    name: resident.name,
    status: resident.status,
    statusDate: resident.statusAt ? localDate(resident.statusAt, site.timeZone) : null,
    dayN: observationDay(resident.startDate, day),
    length: observationLength(resident.startDate, resident.plannedEndDate),
    plannedEnd: resident.plannedEndDate,
    today,
    slots: siteSlots(site),
  });
}

type Target = { ok: true; resident: ResidentView } | { ok: false; answer: string };

/** The observing resident a staff command names: `2105` (the only one there) or `2105 高某`. */
export async function findTarget(
  r: Repos,
  site: SiteRow,
  cmd: string,
  roomArg: string | undefined,
  name?: string,
): Promise<Target> {
  if (!roomArg) return { ok: false, answer: `请这样写：#${cmd} 房号 [姓名]，如 #${cmd} 2105` };
  const room = normaliseRoom(roomArg);
  const here = (await r.residents.inRoom(site.id, room)).filter((x) => x.status === 'observing');
  const named = name ? here.filter((x) => x.name === name) : here;
  if (named.length === 1) return { ok: true, resident: named[0] as ResidentView };
  if (named.length === 0)
    return { ok: false, answer: staffTexts.noneInRoom(name ? `${room} ${name}` : room) };
  return {
    ok: false,
    answer: staffTexts.ambiguous(
      cmd,
      room,
      named.map((x) => x.name),
    ),
  };
}

export async function release(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  args: string[],
): Promise<string> {
  const t = await findTarget(r, site, '解除', args[0], args[1]);
  if (!t.ok) return t.answer;
  const p = t.resident;
  await r.residents.setStatus(p.id, 'released', msg.at);
  const bound = p.wechatId !== null;
  await deps.outbox.toSiteGroup(
    site.id,
    'residents',
    {
      text: texts.released(bound ? '您' : (p.room ?? '您')),
      mentions: bound ? [{ id: p.wechatId as string, name: p.wechatName ?? p.name }] : [],
      kind: 'release',
      sourceMessageId: msg.id,
    },
    r.db,
  );
  const days = observationDay(p.startDate, localDate(msg.at, site.timeZone)) - 1;
  return staffTexts.released(p, Math.max(days, 0));
}

export async function transfer(r: Repos, site: SiteRow, msg: ChatMessage, args: string[]): Promise<string> {
  const t = await findTarget(r, site, '转院', args[0], args[1]);
  if (!t.ok) return t.answer;
  await r.residents.setStatus(t.resident.id, 'hospital', msg.at);
  return staffTexts.transferred(t.resident);
}

export async function extend(r: Repos, site: SiteRow, args: string[]): Promise<string> {
  const days = Number(args[1]);
  if (!args[0] || !Number.isInteger(days) || days < 1 || days > 60) return staffTexts.extendUsage;
  const t = await findTarget(r, site, '延长', args[0], args[2]);
  if (!t.ok) return t.answer;
  const end = addDays(t.resident.plannedEndDate, days);
  await r.residents.setPlannedEnd(t.resident.id, end);
  return staffTexts.extended(t.resident, days, end);
}

/** Who acts on an alert or a ticket, when, with what note (a chat command or the admin API). */
export interface StaffActor {
  by: string;
  at: Date;
  note: string | null;
  sourceMessageId?: number;
}

/** What became of one alert or ticket, with the answer for staff. */
export interface ActionOutcome {
  outcome: 'done' | 'not-found' | 'already';
  answer: string;
}

/** Acknowledges one alert. */
export async function ackAlert(
  r: Repos,
  site: SiteRow,
  n: number,
  actor: StaffActor,
): Promise<ActionOutcome> {
  const id = ref('A', n);
  // Locked: #已处理 in the staff group and the API may acknowledge the same alert at the same moment.
  const a = await r.alerts.byNumber(site.id, n, { lock: true });
  if (!a) return { outcome: 'not-found', answer: staffTexts.notFound(id) };
  if (a.status === 'acknowledged') {
    const at = a.ackAt
      ? `${monthDay(localDate(a.ackAt, site.timeZone))} ${localTime(a.ackAt, site.timeZone)}`
      : '';
    return { outcome: 'already', answer: staffTexts.alertAlready(id, a.ackBy, at) };
  }
  await r.alerts.update(a.id, {
    status: 'acknowledged',
    ackAt: actor.at,
    ackBy: actor.by,
    ackNote: actor.note,
  });
  return { outcome: 'done', answer: staffTexts.alertAcked(id, actor.by) };
}

/** `#已处理 A-0003 [A-0004] [备注]` in the staff group. */
export async function acknowledge(r: Repos, site: SiteRow, msg: ChatMessage, rest: string): Promise<string> {
  const { numbers, note } = splitRefs(rest, 'A');
  if (numbers.length === 0) return staffTexts.alertUsage;
  const answers: string[] = [];
  for (const n of numbers)
    answers.push((await ackAlert(r, site, n, { by: msg.talkerName, at: msg.at, note })).answer);
  return answers.join('\n');
}

// The daily digest of an observation site: the contract's JSON (CONTRACT.md section 5) with a few useful
// extras, and the short Chinese text posted in the staff group.
import type { Slot } from '../records.js';
import { type Person, people, readingsByPerson } from './staff-texts.js';
import { celsius, monthDay } from './texts.js';

export interface FeverEntry {
  name: string;
  room: string | null;
  temperature: number;
  /** ISO 8601 with the site's offset. */
  at: string;
}

export interface QuarantineDigest {
  site: string;
  date: string;
  /** People under observation that day (see the rule in services/quarantine/digest.ts). */
  observing: number;
  reported: Record<Slot, number>;
  missing: Record<Slot, string[]>;
  fever: FeverEntry[];
  /** Requests open (or taken, not yet done) at the end of that day. */
  openRequests: number;
  releasesDue: string[];
  admittedTotal: number;
  releasedTotal: number;
  // Extras beyond the contract.
  urgentRequests: number;
  openAlerts: number;
  /** Residents-group messages of that day kept for staff review. */
  unplaced: number;
  releasesTomorrow: string[];
  /** Still observing after their planned release date: staff should release or extend them. */
  overdue: string[];
  /** Current reports not written by the resident in the group: taken by phone, at the door, given by a relative. */
  reportedVia: { phone: number; visit: number; relative: number };
  /** Still missing after the whole ladder (the call list was posted), with what was tried. */
  unaccounted: Record<Slot, (Person & { tried: string })[]>;
  /** The same people with their rooms, for the text. */
  people: {
    missing: Record<Slot, Person[]>;
    releasesDue: Person[];
    releasesTomorrow: Person[];
    overdue: Person[];
  };
  /** The slots the site asks reports for (a site with one report time has one). */
  slots: Slot[];
}

/** Long lists are cut so the digest stays readable in a chat. */
const MAX_NAMES = 30;

function list(ps: readonly Person[]): string {
  if (ps.length <= MAX_NAMES) return people(ps);
  return `${people(ps.slice(0, MAX_NAMES))} 等 ${ps.length} 人`;
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The text for the staff group; `due` leaves out the slots whose report time has not come yet. */
export function digestText(d: QuarantineDigest, due: readonly Slot[] = d.slots): string {
  const slotName = { am: '早', pm: '晚' } as const;
  const slots = d.slots.filter((s) => due.includes(s));
  const lines: string[] = [`【${d.site} ${monthDay(d.date)}日报】`];
  const counts = slots.map((s) => `${slotName[s]}报 ${d.reported[s]}/${d.observing}`).join('，');
  lines.push(`在观察 ${d.observing} 人${d.observing && counts ? `；${counts}` : ''}`);
  for (const s of slots) {
    const missing = d.people.missing[s];
    if (missing.length) lines.push(`未报（${slotName[s]}）：${list(missing)}`);
  }
  const via = d.reportedVia;
  const others = [
    via.phone ? `电话 ${via.phone}` : '',
    via.visit ? `上门 ${via.visit}` : '',
    via.relative ? `家人代报 ${via.relative}` : '',
  ].filter(Boolean);
  if (others.length) lines.push(`其中${others.join('，')} 人次`);
  for (const s of slots) {
    const left = d.unaccounted[s];
    if (left.length)
      lines.push(
        `仍未联系上（${slotName[s]}）${left.length} 人：${left
          .slice(0, MAX_NAMES)
          .map((p) => `${people([p])}（${p.tried}）`)
          .join('；')}${left.length > MAX_NAMES ? ' 等' : ''}`,
      );
  }
  // One entry a person: a fever morning and evening is one person with two readings.
  const fevers = readingsByPerson(d.fever.map((f) => [f, `${celsius(f.temperature)}（${hhmm(f.at)}）`]));
  lines.push(fevers.length ? `发热 ${fevers.length} 人：${fevers.join('；')}` : '发热：无');
  lines.push(
    `待办需求 ${d.openRequests} 件${d.urgentRequests ? `（紧急 ${d.urgentRequests}）` : ''}` +
      (d.openAlerts ? `；待处理告警 ${d.openAlerts} 条` : ''),
  );
  if (d.people.releasesDue.length)
    lines.push(`今日解除 ${d.releasesDue.length} 人：${list(d.people.releasesDue)}`);
  if (d.people.releasesTomorrow.length)
    lines.push(`明日解除 ${d.releasesTomorrow.length} 人：${list(d.people.releasesTomorrow)}`);
  if (d.people.overdue.length)
    lines.push(`已到期未解除 ${d.overdue.length} 人：${list(d.people.overdue)}（请 #解除 或 #延长）`);
  lines.push(`累计接收 ${d.admittedTotal} 人，解除 ${d.releasedTotal} 人`);
  if (d.unplaced) lines.push(`待核对消息 ${d.unplaced} 条`);
  return lines.join('\n');
}

/** The digest as `shouwang digest --json` prints it: the contract's fields and the extras, without the text's helpers. */
export function digestJson(d: QuarantineDigest): Omit<QuarantineDigest, 'people' | 'slots'> {
  const { people: _people, slots: _slots, ...json } = d;
  return json;
}

/**
 * The digest for a role that may see counts but no one's health (viewer): every name left out, each list
 * a count. The text says the same numbers in the same words.
 */
export function countsOnly(d: QuarantineDigest): {
  json: Record<string, unknown>;
  text: (due: readonly Slot[]) => string;
} {
  const people = new Set(d.fever.map((f) => `${f.name}|${f.room ?? ''}`)).size;
  const json = {
    site: d.site,
    date: d.date,
    observing: d.observing,
    reported: d.reported,
    missingCount: { am: d.missing.am.length, pm: d.missing.pm.length },
    feverCount: people,
    openRequests: d.openRequests,
    releasesDueCount: d.releasesDue.length,
    admittedTotal: d.admittedTotal,
    releasedTotal: d.releasedTotal,
    urgentRequests: d.urgentRequests,
    openAlerts: d.openAlerts,
    overdueCount: d.overdue.length,
  };
  const text = (due: readonly Slot[]) => {
    const slotName = { am: '早', pm: '晚' } as const;
    const slots = d.slots.filter((s) => due.includes(s));
    const counts = slots.map((s) => `${slotName[s]}报 ${d.reported[s]}/${d.observing}`).join('，');
    return [
      `【${d.site} ${monthDay(d.date)}日报】`,
      `在观察 ${d.observing} 人${d.observing && counts ? `；${counts}` : ''}`,
      ...slots
        .filter((s) => d.missing[s].length)
        .map((s) => `未报（${slotName[s]}）${d.missing[s].length} 人`),
      people ? `发热 ${people} 人` : '发热：无',
      `待办需求 ${d.openRequests} 件${d.openAlerts ? `；待处理告警 ${d.openAlerts} 条` : ''}`,
      ...(d.releasesDue.length ? [`今日解除 ${d.releasesDue.length} 人`] : []),
      `累计接收 ${d.admittedTotal} 人，解除 ${d.releasedTotal} 人`,
    ].join('\n');
  };
  return { json, text };
}

// Residents' requests as numbered tickets (R-0012): made from the parser's request records, withdrawn by
// the resident, taken and closed by staff. Urgent ones go to the staff group at once; when a ticket is
// done the resident is told in the residents group with an @mention.

import type { SiteRow } from '../../../db/repositories/registry.js';
import type { RequestRow } from '../../../db/repositories/requests.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { ChatMessage } from '../../core/domain.js';
import { roomInNickname } from '../../core/quarantine/observation.js';
import { splitRefs } from '../../core/quarantine/refs.js';
import { staffTexts } from '../../core/quarantine/staff-texts.js';
import { itemNames, itemsText, monthDay, ref, texts } from '../../core/quarantine/texts.js';
import type { CancelRecord, RequestRecord } from '../../core/records.js';
import { localDate, localTime } from '../../core/time.js';
import type { QuarantineDeps, Repos } from './deps.js';
import type { ActionOutcome, StaffActor } from './lifecycle.js';

const SAID_MAX = 80;

export async function createRequests(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  resident: ResidentView | null,
  records: readonly RequestRecord[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const rec of records) {
    const number = await r.registry.nextNumber(site.id, 'R');
    const room = rec.room ?? resident?.room ?? roomInNickname(msg.talkerName);
    await r.requests.add({
      siteId: site.id,
      number,
      residentId: resident?.id ?? null,
      room,
      talkerId: msg.talkerId,
      talkerName: msg.talkerName,
      messageId: msg.id,
      category: rec.category,
      urgent: rec.urgent,
      items: rec.items,
      text: msg.body,
      createdAt: msg.at,
    });
    const what = itemsText(rec.items, rec.category);
    lines.push(texts.requestAck(ref('R', number), what, rec.urgent));
    if (rec.urgent) {
      const said = msg.body.length > SAID_MAX ? `${msg.body.slice(0, SAID_MAX)}…` : msg.body;
      const person = { name: resident?.name ?? msg.talkerName, room };
      await deps.outbox.toSiteGroup(
        site.id,
        'staff',
        {
          text: staffTexts.urgentRequest(
            ref('R', number),
            person,
            what,
            localTime(msg.at, site.timeZone),
            said,
          ),
          kind: 'request',
          urgent: true,
          sourceMessageId: msg.id,
        },
        r.db,
      );
    }
  }
  return lines;
}

/** Names that stand for "what I asked for" rather than an item (取消刚才的需求). */
const GENERIC = /需求|工单|申请|刚才|之前|那个|东西/;

/** The sender withdraws open tickets: those naming the items, or the latest when no item is named. */
export async function cancelRequests(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  record: CancelRecord,
): Promise<string[]> {
  const open = await r.requests.open(site.id, { talkerId: msg.talkerId });
  const names = record.items.map((i) => i.name).filter((n) => !GENERIC.test(n));
  const matches = names.length
    ? open.filter((q) => q.items.some((i) => names.some((n) => i.name.includes(n) || n.includes(i.name))))
    : [...open].sort((a, b) => b.number - a.number).slice(0, 1);
  if (matches.length === 0) return [];
  for (const q of matches) {
    await r.requests.update(q.id, { status: 'cancelled', closedAt: msg.at, note: '住户取消' });
    if (q.urgent || q.status === 'assigned')
      await deps.outbox.toSiteGroup(
        site.id,
        'staff',
        { text: staffTexts.requestCancelledByResident(ref('R', q.number)), kind: 'request' },
        r.db,
      );
  }
  return [texts.requestCancelled(matches.map((q) => ref('R', q.number)))];
}

export type TicketAction = 'done' | 'assign';

/** Takes (assign) or closes (done) one ticket; closing tells the resident in the residents group. */
export async function ticketAction(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  n: number,
  action: TicketAction,
  actor: StaffActor,
): Promise<ActionOutcome> {
  const q = await r.requests.byNumber(site.id, n);
  const id = ref('R', n);
  if (!q) return { outcome: 'not-found', answer: staffTexts.notFound(id) };
  if (q.status === 'cancelled')
    return { outcome: 'already', answer: staffTexts.requestCancelledByResident(id) };
  if (q.status === 'done')
    return { outcome: 'already', answer: staffTexts.requestAlready(id, when(q.closedAt, site.timeZone)) };
  if (action === 'assign') {
    await r.requests.update(q.id, { status: 'assigned', assignee: actor.by });
    const resident = q.residentId ? await r.residents.byId(q.residentId) : null;
    const what = itemNames(q.items, q.category);
    return {
      outcome: 'done',
      answer: staffTexts.requestAssigned(id, personOf(q, resident?.name), what, actor.by),
    };
  }
  await r.requests.update(q.id, {
    status: 'done',
    closedAt: actor.at,
    note: actor.note,
    assignee: q.assignee ?? actor.by,
  });
  await deps.outbox.toSiteGroup(
    site.id,
    'residents',
    {
      text: texts.requestDone(id, itemNames(q.items, q.category), actor.note),
      mentions: [{ id: q.talkerId, name: q.talkerName }],
      kind: 'request-done',
      ...(actor.sourceMessageId ? { sourceMessageId: actor.sourceMessageId } : {}),
    },
    r.db,
  );
  return { outcome: 'done', answer: staffTexts.requestDone(id) };
}

/** `#完成 R-0012 备注` / `#接单 R-0012` in the staff group. Returns the answer for staff. */
export async function staffTicket(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  action: TicketAction,
  rest: string,
): Promise<string> {
  const { numbers, note } = splitRefs(rest, 'R');
  if (numbers.length === 0) return staffTexts.requestUsage(action === 'done' ? '完成' : '接单');
  const actor = { by: msg.talkerName, at: msg.at, note, sourceMessageId: msg.id };
  const answers: string[] = [];
  for (const n of numbers) answers.push((await ticketAction(deps, r, site, n, action, actor)).answer);
  return answers.join('\n');
}

/** `#待办`: the open tickets, urgent first. */
export async function openTicketList(r: Repos, site: SiteRow): Promise<string> {
  const open = await r.requests.open(site.id);
  const names = new Map((await r.residents.ofSite(site.id)).map((x) => [x.id, x.name]));
  return staffTexts.openRequests(
    open.map((q) =>
      staffTexts.openRequestLine(
        ref('R', q.number),
        personOf(q, q.residentId ? names.get(q.residentId) : undefined),
        itemsText(q.items, q.category),
        q.urgent,
        when(q.createdAt, site.timeZone),
        q.assignee,
      ),
    ),
  );
}

/** Staff know residents by name; a sender not yet registered by their nickname. */
const personOf = (q: RequestRow, name: string | undefined) => ({ name: name ?? q.talkerName, room: q.room });

function when(at: Date | null, zone: string): string {
  return at ? `${monthDay(localDate(at, zone))} ${localTime(at, zone)}` : '';
}

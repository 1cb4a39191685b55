// Staff on tickets: taking (#接单) and closing (#完成/#办结) them, from the staff group or the admin API,
// and the list of open ones (#待办). Closing tells the resident in the residents group with an @mention
// (held until the end of quiet hours at night, like every non-urgent notice to a public group).

import type { SiteRow } from '../../../db/repositories/registry.js';
import type { RequestRow } from '../../../db/repositories/requests.js';
import type { ChatMessage } from '../../core/domain.js';
import { whenTold } from '../../core/outgoing.js';
import { splitRefs } from '../../core/quarantine/refs.js';
import { staffTexts } from '../../core/quarantine/staff-texts.js';
import { itemNames, itemsText, monthDay, ref, texts } from '../../core/quarantine/texts.js';
import { localDate, localTime } from '../../core/time.js';
import type { QuarantineDeps, Repos } from './deps.js';
import type { ActionOutcome, StaffActor } from './lifecycle.js';

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
  // Locked: #完成 in the staff group and the API may close the same ticket at the same moment.
  const q = await r.requests.byNumber(site.id, n, { lock: true });
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
  const at = await deps.outbox.noticeTime(site.id, 'residents', 'request-done', r.db);
  return { outcome: 'done', answer: staffTexts.requestDone(id, whenTold(actor.at, at, site.timeZone)) };
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

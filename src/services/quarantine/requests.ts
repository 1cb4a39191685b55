// Residents' requests as numbered tickets (R-0012): made from the parser's request records, or withdrawn
// by the resident. Urgent ones go to the staff group at once. Staff's side is in tickets.ts.
import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { Chase } from '../../core/chase.js';
import type { ChatMessage } from '../../core/domain.js';
import { canonicalItemName } from '../../core/parse/index.js';
import { roomInNickname } from '../../core/quarantine/observation.js';
import { staffTexts } from '../../core/quarantine/staff-texts.js';
import { itemNames, itemsText, ref, texts } from '../../core/quarantine/texts.js';
import type { CancelRecord, RequestRecord } from '../../core/records.js';
import { localDate, localTime } from '../../core/time.js';
import type { QuarantineDeps, Repos } from './deps.js';

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
  const open = records.length ? await r.requests.open(site.id, { talkerId: msg.talkerId }) : [];
  for (const rec of records) {
    const room = rec.room ?? resident?.room ?? roomInNickname(msg.talkerName);
    // Asking again for what an open ticket already has (体温计什么时候送来) is no new ticket: the parser
    // reads it as a request. The sender hears the ticket is under way; an urgent repeat makes it urgent.
    const same = open.find((q) => q.items.some((i) => rec.items.some((x) => x.name === i.name)));
    if (same) {
      const id = ref('R', same.number);
      lines.push(texts.requestPending(id, itemNames(same.items, same.category)));
      if (rec.urgent && !same.urgent) {
        await r.requests.update(same.id, { urgent: true });
        await urgentToStaff(
          deps,
          r,
          site,
          msg,
          id,
          { name: resident?.name ?? msg.talkerName, room: same.room ?? room },
          itemsText(same.items, same.category),
        );
      }
      continue;
    }
    const number = await r.registry.nextNumber(site.id, 'R');
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
    if (rec.urgent)
      await urgentToStaff(
        deps,
        r,
        site,
        msg,
        ref('R', number),
        { name: resident?.name ?? msg.talkerName, room },
        what,
      );
  }
  return lines;
}

async function urgentToStaff(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  id: string,
  person: { name: string; room: string | null },
  what: string,
): Promise<void> {
  const said = msg.body.length > SAID_MAX ? `${msg.body.slice(0, SAID_MAX)}…` : msg.body;
  await deps.outbox.toSiteGroup(
    site.id,
    'staff',
    {
      text: staffTexts.urgentRequest(id, person, what, localTime(msg.at, site.timeZone), said),
      kind: 'request',
      urgent: true,
      sourceMessageId: msg.id,
    },
    r.db,
  );
}

/** At most this many tickets are named in one answer. */
const MAX_CHASED = 3;

/**
 * 前几天要的书还没送来 (no record: nothing new is asked): the sender's open tickets of the goods named, or all of
 * them, are said to be under way; staff are told once a day. Empty when the sender has none open.
 */
export async function chasedRequests(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  resident: ResidentView | null,
  chase: Chase,
): Promise<string[]> {
  const open = await r.requests.open(site.id, { talkerId: msg.talkerId });
  const named = (
    chase.goods.length === 0
      ? open
      : open.filter((q) => q.items.some((i) => chase.goods.includes(canonicalItemName(i.name))))
  ).slice(0, MAX_CHASED);
  if (named.length === 0) return [];
  const asked = named.map((q) => `${ref('R', q.number)}（${itemNames(q.items, q.category)}）`);
  const room = named[0]?.room ?? resident?.room ?? roomInNickname(msg.talkerName);
  // (the same tickets asked after again the same day are answered, not sent on to staff again)
  await deps.outbox.toSiteGroup(
    site.id,
    'staff',
    {
      text: staffTexts.chased({ name: resident?.name ?? msg.talkerName, room }, asked.join('、')),
      kind: 'chase',
      dedupeKey: `chase:${site.id}:${named.map((q) => q.number).join(',')}:${localDate(msg.at, site.timeZone)}`,
      sourceMessageId: msg.id,
    },
    r.db,
  );
  return named.map((q) => texts.requestPending(ref('R', q.number), itemNames(q.items, q.category)));
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

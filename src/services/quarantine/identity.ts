// Who a sender in the residents group is. In order: already bound (residents.wechat_id); the roster's
// WeChat nickname equals their group nickname; their nickname carries both a room and the roster's name
// for it (2105高某); or their own `#登记 房号 姓名`. A room alone (冒充者2107) or a name alone binds
// nobody: anyone can put a number in a nickname. A binding is never changed silently: a second WeChat
// registering as someone already bound is refused, and staff are told to check. Binding attaches the
// reports and requests they made while unknown.

import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { ChatMessage } from '../../core/domain.js';
import { normaliseRoom, plannedEndDate, roomInNickname } from '../../core/quarantine/observation.js';
import { staffTexts } from '../../core/quarantine/staff-texts.js';
import { texts } from '../../core/quarantine/texts.js';
import { localDate } from '../../core/time.js';
import type { QuarantineDeps, Repos } from './deps.js';

type Sender = Pick<ChatMessage, 'talkerId' | 'talkerName'>;

/** Binds a sender to a resident and gives the resident what the sender reported while unknown. */
export async function bindSender(
  r: Repos,
  site: SiteRow,
  resident: ResidentView,
  sender: Sender,
): Promise<number> {
  await r.residents.bind(
    resident.id,
    site.id,
    sender.talkerId,
    resident.wechatName ? null : sender.talkerName,
  );
  const attached = await r.reports.attach(site.id, sender.talkerId, resident.id);
  await r.alerts.attach(site.id, sender.talkerId, resident.id);
  await r.requests.attach(site.id, sender.talkerId, resident.id, resident.room);
  return attached;
}

/**
 * The resident a sender is, binding them when the roster or their nickname says who they are beyond
 * doubt: the roster's nickname, else a room in the nickname together with the roster name of someone in
 * that room. Only observing, unbound residents are taken, and only when exactly one fits.
 */
export async function identify(r: Repos, site: SiteRow, sender: Sender): Promise<ResidentView | null> {
  const bound = await r.residents.byWechatId(site.id, sender.talkerId);
  if (bound) return bound;
  const nick = sender.talkerName.trim();
  const observing = (await r.residents.ofSite(site.id)).filter((x) => x.status === 'observing');
  const free = observing.filter((x) => !x.wechatId);
  const room = roomInNickname(nick);
  const candidates = [
    free.filter((x) => x.wechatName === nick),
    room ? free.filter((x) => x.room === room && nick.includes(x.name)) : [],
  ];
  const found = candidates.find((c) => c.length === 1)?.[0];
  if (!found) return null;
  await bindSender(r, site, found, sender);
  return (await r.residents.byId(found.id)) as ResidentView;
}

/** `#登记 2105 张三`, `#登记 张三 2105`, `#登记 2105张三` → room and name. */
export function registrationArgs(rest: string): { room: string; name: string } | null {
  const s = rest.normalize('NFKC').trim();
  const m =
    /^(\d{1,2}[-栋幢]\d{3,4}|\d{2,5})\s*(?:房间|房|室|号)?[\s,，:：]*([^\s\d,，]{1,20})$/.exec(s) ??
    /^([^\s\d,，]{1,20})[\s,，:：]*(\d{1,2}[-栋幢]\d{3,4}|\d{2,5})\s*(?:房间|房|室|号)?$/.exec(s);
  if (!m) return null;
  const [a, b] = [m[1] as string, m[2] as string];
  const roomFirst = /^\d/.test(a);
  return { room: normaliseRoom(roomFirst ? a : b), name: roomFirst ? b : a };
}

/** `#登记 房号 姓名`: binds the sender to that resident, or adds them when staff have not. Returns the reply. */
export async function register(
  deps: QuarantineDeps,
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  rest: string,
): Promise<string> {
  const args = registrationArgs(rest);
  if (!args) return texts.registerUsage;
  const { room, name } = args;
  const existing = (await r.residents.inRoom(site.id, room)).find((x) => x.name === name);
  if (existing) {
    if (existing.wechatId && existing.wechatId !== msg.talkerId) {
      // Someone else's WeChat holds this resident: never rebind silently; staff check who is who.
      await deps.outbox.toSiteGroup(
        site.id,
        'staff',
        {
          text: staffTexts.registerConflict(existing, existing.wechatName, msg.talkerName),
          kind: 'register',
          sourceMessageId: msg.id,
        },
        r.db,
      );
      return texts.boundElsewhere(room, name);
    }
    if (existing.status !== 'observing') return texts.notObserving(room, name);
    const attached = await bindSender(r, site, existing, msg);
    return texts.registered(room, name, attached);
  }
  const start = localDate(msg.at, site.timeZone);
  const end = plannedEndDate(start, site.observationDays);
  const roomId = await r.registry.ensureRoom(site.id, room);
  const created = await r.registry.insertResident({
    siteId: site.id,
    roomId,
    name,
    wechatName: msg.talkerName,
    startDate: start,
    plannedEndDate: end,
  });
  const attached = await bindSender(r, site, { ...created, room, statusAt: null }, msg);
  await deps.outbox.toSiteGroup(
    site.id,
    'staff',
    { text: staffTexts.selfRegistered({ name, room }, start, site.observationDays), kind: 'register' },
    r.db,
  );
  return texts.registeredNew(room, name, start, site.observationDays, end, attached);
}

// A 接龙 in an observation site's residents group (#接龙 需要代买洗衣粉的接一下 / 1. 2栋1108 一袋 / 2. 3-605 洗衣粉一袋):
// each line is a request of the room it names, and members re-post the whole list as it grows. A line that is
// already an open ticket — the same words, or the same room asking the same goods — opens none again, so each
// line is one ticket however often the list comes round. The group hears only the new ticket numbers: no room,
// no goods of anyone else.
import type { SiteRow } from '../../../db/repositories/registry.js';
import type { ResidentView } from '../../../db/repositories/residents.js';
import type { ChatMessage } from '../../core/domain.js';
import { ref, texts } from '../../core/quarantine/texts.js';
import type { RequestRecord } from '../../core/records.js';
import type { Repos } from './deps.js';

const goodsKey = (items: readonly { name: string }[]) =>
  items
    .map((i) => i.name)
    .sort()
    .join('、');

export async function createJielongRequests(
  r: Repos,
  site: SiteRow,
  msg: ChatMessage,
  sender: ResidentView | null,
  records: readonly RequestRecord[],
): Promise<string[]> {
  if (records.length === 0) return [];
  const open = await r.requests.open(site.id);
  const made: string[] = [];
  for (const rec of records) {
    const line = rec.jielongLine?.line ?? msg.body;
    const goods = goodsKey(rec.items);
    const same = open.find(
      (q) => q.text === line || (rec.room !== null && q.room === rec.room && goodsKey(q.items) === goods),
    );
    if (same) continue;
    // Whose it is: the one resident living in the room the line names; the sender's own room, or a line naming
    // none, is the sender's.
    const living = rec.room
      ? (await r.residents.inRoom(site.id, rec.room)).filter((x) => x.status === 'observing')
      : [];
    const owner =
      living.length === 1
        ? (living[0] as ResidentView)
        : !rec.room || rec.room === sender?.room
          ? sender
          : null;
    const number = await r.registry.nextNumber(site.id, 'R');
    const row = await r.requests.add({
      siteId: site.id,
      number,
      residentId: owner?.id ?? null,
      room: rec.room ?? owner?.room ?? null,
      // (told when it is done: the resident of the room when the bot knows them, else whoever posted the line)
      talkerId: owner?.wechatId ?? msg.talkerId,
      talkerName: owner?.wechatId ? (owner.wechatName ?? owner.name) : msg.talkerName,
      messageId: msg.id,
      category: rec.category,
      urgent: false,
      items: rec.items,
      text: line,
      createdAt: msg.at,
    });
    open.push(row);
    made.push(ref('R', number));
  }
  return made.length > 0 ? [texts.jielongRequests(made)] : [];
}

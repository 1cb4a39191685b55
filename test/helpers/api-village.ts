// Realistic village and observation-site data on the API harness: households and residents registered
// through the admin services, then chat messages stored as intake stores them and handed to the same
// services the bots call (villagers' orders and 接龙, volunteers' #已买 / #送达, residents' reports).
import { CLI_ACTOR } from '../../src/services/admin/audit.js';
import { anySite } from '../../src/services/admin/guard.js';
import type { ApiHarness } from './api.js';

let n = 0;

export const local = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

/** Posts `text` in a group of the harness at a local Shanghai time ("2020-02-15 09:00"). */
export async function say(h: ApiHarness, topic: string, from: string, text: string, at: string) {
  const when = local(at);
  h.clock.set(when);
  const msg = await h.services.intake.store({
    providerId: `api-village-${++n}`,
    roomId: `${topic}@chatroom`,
    roomTopic: topic,
    talkerId: `wxid-${from}`,
    talkerName: from,
    kind: 'text',
    text,
    at: when,
    mentionsSelf: false,
    mentionIds: [],
  });
  if (!msg) throw new Error(`not stored: ${text}`);
  await h.road.handle(msg);
  return msg;
}

/** Households of 七星洞村 (V) and one of 白云村 (W). */
export async function addHouseholds(h: ApiHarness) {
  const add = (siteId: number, name: string, fields: Record<string, string>) =>
    h.services.admin.households.create(CLI_ACTOR, { siteId, name, ...fields }, anySite);
  await add(h.sites.v, '刘家', {
    group: '三组',
    address: '三组12号',
    phone: '13800001111',
    wechat: '刘婆婆',
  });
  await add(h.sites.v, '老王', { group: '五组', phone: '13900002222' });
  await add(h.sites.w, '赵家', { group: '一组', phone: '13600004444', wechat: '赵大爷' });
}

/** Residents of 五指山观察点 (A), with their group nicknames. */
export async function addResidents(
  h: ApiHarness,
  people: { name: string; room: string; wechat: string; start: string }[],
  siteId = h.sites.a,
) {
  for (const p of people)
    await h.services.admin.residents.createResident(
      CLI_ACTOR,
      { siteId, name: p.name, room: p.room, start: p.start, wechat: p.wechat },
      anySite,
    );
}

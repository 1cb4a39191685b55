// Chat traffic for admin API tests: messages stored as intake stores them and handled by the real
// quarantine service, so reports, alerts and requests come from what residents write.
import { asc } from 'drizzle-orm';
import { outbox } from '../../db/schema.js';
import type { ApiHarness } from './api.js';
import { shanghai } from './quarantine.js';

let n = 0;

/** `from` writes `text` in the group `topic` at a local Shanghai time ("2020-02-15 08:05"). */
export async function say(h: ApiHarness, topic: string, from: string, text: string, at: string) {
  h.clock.set(shanghai(at));
  const msg = await h.services.intake.store({
    providerId: `health-api-${++n}`,
    roomId: `${topic}@chatroom`,
    roomTopic: topic,
    talkerId: `wxid-${from}`,
    talkerName: from,
    kind: 'text',
    text,
    at: shanghai(at),
    mentionsSelf: false,
    mentionIds: [],
  });
  if (!msg) throw new Error('not stored');
  if (text.startsWith('#')) {
    const [, name, rest] = /^#(\S+)\s*(.*)$/.exec(text) ?? [];
    if (name === '状态' || name === '登记')
      await h.services.quarantine.residentCommand(msg, name, rest ?? '');
    else await h.services.quarantine.staffCommand(msg, name as never, rest ?? '');
  } else {
    const outcome = await h.services.quarantine.residentMessage(msg);
    await h.services.intake.finish(msg.id, outcome.state, outcome.note ?? null);
  }
  return msg.id;
}

/** What has been queued, oldest first. */
export async function queued(h: ApiHarness) {
  return h.db.db.select().from(outbox).orderBy(asc(outbox.id));
}

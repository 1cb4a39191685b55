// The simulated WeChat keeps its groups in memory; after a restart, 模拟群聊 would be empty although the
// database holds what was said. This reads each group's recent history back: members' messages (as
// stored) and what the bot sent (the outbox), merged by time.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { groups, messages, outbox } from '../../db/schema.js';

/** Lines a group's restored transcript holds at most (the page shows the newest). */
const HISTORY_LINES = 200;

export interface GroupHistory {
  topic: string;
  members: string[];
  lines: { at: Date; from: string; fromBot: boolean; text: string }[];
}

export async function sandboxHistory(db: Executor, botName: string): Promise<GroupHistory[]> {
  const out: GroupHistory[] = [];
  for (const g of await db.select({ id: groups.id, topic: groups.topic }).from(groups)) {
    const said = await db
      .select({ at: messages.sentAt, from: messages.talkerName, text: messages.text, kind: messages.kind })
      .from(messages)
      .where(eq(messages.groupId, g.id))
      .orderBy(desc(messages.id))
      .limit(HISTORY_LINES);
    const answered = await db
      .select({ at: outbox.sentAt, text: outbox.text, mentions: outbox.mentions })
      .from(outbox)
      .where(and(eq(outbox.groupId, g.id), eq(outbox.status, 'sent'), isNotNull(outbox.sentAt)))
      .orderBy(desc(outbox.id))
      .limit(HISTORY_LINES);
    const lines = [
      ...said.map((m) => ({
        at: m.at,
        from: m.from,
        fromBot: false,
        text: m.kind === 'recall' ? '[撤回了一条消息]' : m.text,
      })),
      // Wechaty puts the @mentions ahead of the text, as the group saw it.
      ...answered.map((o) => ({
        at: o.at as Date,
        from: botName,
        fromBot: true,
        text: [...o.mentions.map((m) => `@${m.name}`), o.text].join(' '),
      })),
    ]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .slice(-HISTORY_LINES);
    if (lines.length === 0) continue;
    out.push({ topic: g.topic, members: [...new Set(said.map((m) => m.from))], lines });
  }
  return out;
}

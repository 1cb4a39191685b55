// `shouwang outbox [--json] [--room TOPIC]`: what the bot sent or queued, oldest first.
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { localDate, localTime, toZonedIso } from '../core/time.js';
import type { CliContext } from './context.js';

export interface OutboxLine {
  at: string;
  room: string;
  text: string;
  mentions: string[];
  status: string;
}

export async function listOutbox(ctx: CliContext, room: string | undefined): Promise<OutboxLine[]> {
  const rows = await createOutboxRepo(ctx.database.db).list(room ? { topic: room } : {});
  return rows.map((r) => ({
    // When it went out; for what is still queued, when it is due.
    at: toZonedIso(r.sentAt ?? r.notBefore, ctx.config.timeZone),
    room: r.topic,
    text: r.text,
    mentions: r.mentions.map((m) => m.name),
    status: r.status,
  }));
}

export function formatOutbox(lines: OutboxLine[], zone: string): string {
  return lines
    .map((l) => {
      const at = new Date(l.at);
      const who = l.mentions.length ? `@${l.mentions.join(' @')} ` : '';
      return `${localDate(at, zone)} ${localTime(at, zone)} [${l.room}] (${l.status}) ${who}${l.text.replace(/\n/g, '\n    ')}`;
    })
    .join('\n');
}

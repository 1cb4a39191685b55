// The replay format (../shared/CONTRACT.md section 4): one chat event per line, sorted or not.
import { z } from 'zod';

const Event = z.object({
  at: z.iso.datetime({
    offset: true,
    error: 'must be an ISO date-time with offset, e.g. 2020-02-15T07:58:00+08:00',
  }),
  room: z.string().min(1),
  from: z.string().min(1),
  text: z.string(),
  mentions: z.array(z.string()).optional(),
});

export interface ReplayEvent {
  line: number;
  at: Date;
  room: string;
  from: string;
  text: string;
  mentions: string[];
}

/** Parses the log; a bad line is reported by number. Events come back in time order (stable). */
export function parseReplayLog(content: string): { events: ReplayEvent[]; problems: string[] } {
  const events: ReplayEvent[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(`line ${line}: not JSON`);
      return;
    }
    const e = Event.safeParse(json);
    if (!e.success) {
      problems.push(
        `line ${line}: ${e.error.issues.map((x) => `${x.path.join('.') || 'event'} ${x.message}`).join(', ')}`,
      );
      return;
    }
    events.push({
      line,
      at: new Date(e.data.at),
      room: e.data.room,
      from: e.data.from,
      text: e.data.text,
      mentions: e.data.mentions ?? [],
    });
  });
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line);
  return { events, problems };
}

// Chat traffic for admin API tests: messages stored as intake stores them and handled by the real
// quarantine service, so reports, alerts and requests come from what residents write.
import { asc } from 'drizzle-orm';
import { outbox } from '../../db/schema.js';
import type { ApiHarness } from './api.js';
import { sayThrough } from './quarantine-services.js';

let n = 0;

/** `from` writes `text` in the group `topic` at a local Shanghai time ("2020-02-15 08:05"). */
export function say(h: ApiHarness, topic: string, from: string, text: string, at: string): Promise<number> {
  return sayThrough(h, `health-api-${++n}`, { topic, from, text, at });
}

/** What has been queued, oldest first. */
export async function queued(h: ApiHarness) {
  return h.db.db.select().from(outbox).orderBy(asc(outbox.id));
}

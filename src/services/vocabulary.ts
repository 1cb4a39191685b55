// Each site's vocabulary for the parser, read once and kept for a minute: every message of a group is read
// with it, and it changes rarely (a household added, a word taught by a staff fix clears the site's entry).
import type { Executor } from '../../db/client.js';
import { createVocabularyRepo } from '../../db/repositories/vocabulary.js';
import type { Clock } from '../core/clock.js';
import type { Vocabulary } from '../core/records.js';

const TTL_MS = 60_000;
/** Most sites kept (a district has a few hundred). */
const MAX_SITES = 2_000;

export function createVocabularyCache(deps: { db: Executor; clock: Clock }) {
  const cache = new Map<number, { at: number; v: Vocabulary }>();
  return {
    async of(siteId: number | null | undefined, db: Executor = deps.db): Promise<Vocabulary | undefined> {
      if (!siteId) return undefined;
      const now = deps.clock.now().getTime();
      const hit = cache.get(siteId);
      if (hit && now - hit.at < TTL_MS) return hit.v;
      const v = await createVocabularyRepo(db).ofSite(siteId);
      if (cache.size >= MAX_SITES) cache.delete(cache.keys().next().value as number);
      cache.set(siteId, { at: now, v });
      return v;
    },
    /** Forget a site's entry (a word was taught): the next message reads it afresh. */
    forget(siteId: number) {
      cache.delete(siteId);
    },
  };
}

export type VocabularyCache = ReturnType<typeof createVocabularyCache>;

// What a site's groups say that the parser should know: the words staff taught (site_vocabulary) and
// the site's own households, places, rooms and residents.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Vocabulary } from '../../src/core/records.js';
import type { Executor } from '../client.js';
import { households, residents, rooms, siteVocabulary } from '../schema.js';

export function createVocabularyRepo(db: Executor) {
  return {
    /** Everything the site's groups are known to say, as the parser takes it. */
    async ofSite(siteId: number): Promise<Vocabulary> {
      const [taught, homes, roomRows, people] = await Promise.all([
        db.select().from(siteVocabulary).where(eq(siteVocabulary.siteId, siteId)),
        db
          .select({ name: households.name, group: households.villageGroup, address: households.address })
          .from(households)
          .where(eq(households.siteId, siteId)),
        db.select({ number: rooms.number }).from(rooms).where(eq(rooms.siteId, siteId)),
        db
          .select({ name: residents.name })
          .from(residents)
          .where(and(eq(residents.siteId, siteId), isNotNull(residents.name))),
      ]);
      const of = (kind: string) => taught.filter((t) => t.kind === kind).map((t) => t.word);
      const places = [...of('place'), ...homes.flatMap((h) => [h.address, h.group])].filter(
        (p): p is string => Boolean(p),
      );
      return {
        places: [...new Set(places)],
        names: [...new Set([...of('name'), ...homes.map((h) => h.name), ...people.map((p) => p.name)])],
        rooms: [...new Set([...of('room'), ...roomRows.map((r) => r.number)])],
        goods: Object.fromEntries(
          taught.filter((t) => t.kind === 'goods').map((t) => [t.word, t.meaning ?? t.word]),
        ),
        units: of('unit'),
      };
    },

    /** Adds what a staff fix taught (words already known are kept as they are). */
    async learn(siteId: number, v: Vocabulary, at: Date, sourceMessageId: number | null): Promise<number> {
      const rows = [
        ...(v.places ?? []).map((word) => ({ kind: 'place' as const, word, meaning: null })),
        ...(v.names ?? []).map((word) => ({ kind: 'name' as const, word, meaning: null })),
        ...(v.rooms ?? []).map((word) => ({ kind: 'room' as const, word, meaning: null })),
        ...Object.entries(v.goods ?? {}).map(([word, meaning]) => ({
          kind: 'goods' as const,
          word,
          meaning,
        })),
        ...(v.units ?? []).map((word) => ({ kind: 'unit' as const, word, meaning: null })),
      ];
      if (rows.length === 0) return 0;
      const inserted = await db
        .insert(siteVocabulary)
        .values(rows.map((r) => ({ ...r, siteId, sourceMessageId, createdAt: at })))
        .onConflictDoNothing()
        .returning({ id: siteVocabulary.id });
      return inserted.length;
    },
  };
}

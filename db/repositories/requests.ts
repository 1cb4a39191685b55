// Residents' requests, numbered tickets per site (R-0012).
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { tupleIn } from '../bulk.js';
import type { Executor } from '../client.js';
import { requests } from '../schema.js';
import { coalesce } from '../unit.js';

export type RequestRow = typeof requests.$inferSelect;
const OPEN = ['open', 'assigned'] as const;

export function createRequestsRepo(db: Executor) {
  return {
    async add(values: typeof requests.$inferInsert): Promise<RequestRow> {
      const [row] = await db.insert(requests).values(values).returning();
      return row as RequestRow;
    },
    async update(id: number, set: Partial<typeof requests.$inferInsert>): Promise<void> {
      await db.update(requests).set(set).where(eq(requests.id, id));
    },
    /** `lock`: hold the row until the transaction ends, so two staff acting at once act one after the other. */
    async byNumber(
      siteId: number,
      number: number,
      opts: { lock?: boolean } = {},
    ): Promise<RequestRow | null> {
      const query = db
        .select()
        .from(requests)
        .where(and(eq(requests.siteId, siteId), eq(requests.number, number)))
        .limit(1);
      const [r] = opts.lock ? await query.for('update') : await query;
      return r ?? null;
    },
    /** Open and taken requests, oldest first (urgent ones first when `urgentFirst`). */
    async open(
      siteId: number,
      opts: { urgentOnly?: boolean; talkerId?: string } = {},
    ): Promise<RequestRow[]> {
      const { talkerId } = opts;
      if (talkerId !== undefined && !opts.urgentOnly) {
        // Asked for every request a resident makes: the asks of a batch go in one query.
        return coalesce(db, 'requests.openOf', { siteId, talkerId }, async (keys) => {
          const rows = await db
            .select()
            .from(requests)
            .where(
              and(
                inArray(requests.status, OPEN),
                tupleIn(
                  [
                    [requests.siteId, 'integer', (k) => k.siteId],
                    [requests.talkerId, 'text', (k) => k.talkerId],
                  ],
                  keys,
                ),
              ),
            )
            .orderBy(desc(requests.urgent), asc(requests.number));
          return keys.map((k) => rows.filter((r) => r.siteId === k.siteId && r.talkerId === k.talkerId));
        });
      }
      return db
        .select()
        .from(requests)
        .where(
          and(
            eq(requests.siteId, siteId),
            inArray(requests.status, OPEN),
            opts.urgentOnly ? eq(requests.urgent, true) : undefined,
            opts.talkerId ? eq(requests.talkerId, opts.talkerId) : undefined,
          ),
        )
        .orderBy(desc(requests.urgent), asc(requests.number));
    },
    /** Requests open at `at`: made by then and not closed by then. */
    async countOpenAt(siteId: number, at: Date): Promise<{ open: number; urgent: number }> {
      const [r] = await db
        .select({
          open: sql<number>`count(*)::int`,
          urgent: sql<number>`(count(*) filter (where ${requests.urgent}))::int`,
        })
        .from(requests)
        .where(
          and(
            eq(requests.siteId, siteId),
            lte(requests.createdAt, at),
            or(isNull(requests.closedAt), gt(requests.closedAt, at)),
          ),
        );
      return { open: r?.open ?? 0, urgent: r?.urgent ?? 0 };
    },
    /** A registering sender's requests become their resident's. */
    async attach(siteId: number, talkerId: string, residentId: number, room: string | null): Promise<void> {
      await db
        .update(requests)
        .set({ residentId, ...(room ? { room: sql`coalesce(${requests.room}, ${room})` } : {}) })
        .where(
          and(eq(requests.siteId, siteId), eq(requests.talkerId, talkerId), isNull(requests.residentId)),
        );
    },
  };
}

export type RequestsRepo = ReturnType<typeof createRequestsRepo>;

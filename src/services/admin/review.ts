// Messages the bot could not place (and those whose handling failed), kept for staff: list them, mark
// them reviewed with a note, and see what the parser makes of them now (without writing anything).
import type { Db } from '../../../db/client.js';
import { createReviewRepo, type MessageFilter, type ReviewRow } from '../../../db/repositories/review.js';
import { createVocabularyRepo } from '../../../db/repositories/vocabulary.js';
import type { Clock } from '../../core/clock.js';
import type { MessageState } from '../../core/domain.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { parseMessage } from '../../core/parse/index.js';
import { vocabularyFromFix } from '../../core/parse/learn.js';
import type { GroupContext, ParsedRecord } from '../../core/records.js';
import { stripLeadingMentions } from '../../core/text.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

/** The states a message waits for review in. */
export const REVIEWABLE: MessageState[] = ['unplaced', 'failed'];

export interface Reparse {
  context: GroupContext | null;
  timeZone: string;
  records: ParsedRecord[];
}

export function createReviewService(deps: {
  db: Db;
  clock: Clock;
  defaultZone: string;
  /** Forgets a site's cached vocabulary once staff taught it a word. */
  vocabularyChanged?(siteId: number): void;
}) {
  const { db, clock } = deps;
  const repo = createReviewRepo(db);
  /** Reads a message again on the bot's road (set by the service once the road is built). */
  let readAgain: ((messageId: number) => Promise<void>) | null = null;

  return {
    /** Where a fixed message goes to be read again (the road's handling). */
    onReadAgain(fn: (messageId: number) => Promise<void>) {
      readAgain = fn;
    },

    /**
     * Staff read a message the bot could not and enter what it says: the words the records stand on
     * become the site's vocabulary (a hamlet, an alias, a measure word), and the message is read again
     * with it — so it acts now (the order is placed, the sender answered) and the next such message is
     * read right. Answers what was learned and the message as it then stands.
     */
    async fix(actor: Actor, id: number, records: readonly ParsedRecord[], guard: Guard) {
      const { learned, siteId } = await db.transaction(async (tx) => {
        const messages = createReviewRepo(tx);
        const before = await messages.byId(id);
        if (!before) throw new NotFoundError(`message ${id} not found`);
        guard(before.siteId);
        if (before.siteId === null) throw new ConflictError(`message ${id} is from a group of no site`);
        const v = vocabularyFromFix(stripLeadingMentions(before.text), records);
        const n = await createVocabularyRepo(tx).learn(before.siteId, v, clock.now(), id);
        if (!(await messages.readAgain(id, REVIEWABLE, `staff fix by ${actor.name}`)))
          throw new ConflictError(`message ${id} is ${before.state}, not waiting for review`);
        await recordAudit(tx, clock, actor, {
          action: 'fix',
          entity: 'message',
          entityId: id,
          siteId: before.siteId,
          before,
          after: { records, learned: v, added: n },
        });
        return { learned: v, siteId: before.siteId };
      });
      deps.vocabularyChanged?.(siteId);
      await readAgain?.(id);
      return { learned, message: (await repo.byId(id)) as ReviewRow };
    },

    list: (f: Omit<MessageFilter, 'defaultZone'>) => repo.list({ ...f, defaultZone: deps.defaultZone }),
    get: repo.byId,

    async markReviewed(actor: Actor, id: number, note: string | null, guard: Guard): Promise<ReviewRow> {
      return db.transaction(async (tx) => {
        const messages = createReviewRepo(tx);
        const before = await messages.byId(id);
        if (!before) throw new NotFoundError(`message ${id} not found`);
        guard(before.siteId);
        if (!(await messages.markReviewed(id, REVIEWABLE, clock.now(), note)))
          throw new ConflictError(`message ${id} is ${before.state}, not waiting for review`);
        const after = (await messages.byId(id)) as ReviewRow;
        await recordAudit(tx, clock, actor, {
          action: 'review',
          entity: 'message',
          entityId: id,
          siteId: before.siteId,
          before,
          after,
        });
        return after;
      });
    },

    /** What the parser reads in the stored text today, in the group's context and the site's zone. */
    reparse(row: ReviewRow): Reparse {
      const context = row.siteKind ?? null;
      const timeZone = row.timeZone ?? deps.defaultZone;
      const records = parseMessage({
        text: stripLeadingMentions(row.text),
        at: row.sentAt,
        ...(context ? { context } : {}),
        timeZone,
      });
      return { context, timeZone, records };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;

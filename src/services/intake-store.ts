// Storing incoming messages once per provider id, with their group: on its own, or many at once (messages
// of different rooms that arrive side by side: one lookup of their groups, one insert).
import { isConnectionError } from '../../db/errors.js';
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, GroupInfo, IncomingMessage } from '../core/domain.js';
import { stripLeadingMentions } from '../core/text.js';
import { createBatcher } from './batcher.js';

/** A message as the intake holds it. */
export interface Storable {
  incoming: IncomingMessage & { originalLength: number | null };
  /** An attempt to store it failed: the insert may have committed without our hearing back. */
  storeFailed: boolean;
}

export interface MessageStoreDeps {
  messages: MessagesRepo;
  groups: GroupsRepo;
  clock: Clock;
  /** The bot user the messages arrive for: a group bound on its first message is bound to it. */
  account?: () => string | null;
  /** Most messages stored in one statement (default 64). */
  batchSize?: number;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export function createMessageStore(deps: MessageStoreDeps) {
  const { clock } = deps;

  async function stored(entry: Storable, group: GroupInfo | null, id: number | null) {
    const incoming = entry.incoming;
    if (id === null && entry.storeFailed) {
      // Our earlier insert committed but the answer was lost with the connection: the row is ours.
      const row = await deps.messages.byProviderId(incoming.providerId);
      if (row?.state === 'received') id = row.id;
    }
    if (id === null) return null;
    return { ...incoming, id, group, body: stripLeadingMentions(incoming.text) };
  }

  /**
   * Stores messages (a batch of one is a batch): one lookup of their groups, one insert. When that fails
   * for a reason other than the database being away (a row it refuses), each is stored on its own, so one
   * bad message does not hold up the others.
   */
  async function storeMany(entries: Storable[]): Promise<(ChatMessage | null | Error)[]> {
    try {
      const rooms = await deps.groups.byRoomIds([...new Set(entries.map((e) => e.incoming.roomId))]);
      const groupOf = new Map<string, GroupInfo | null>(rooms);
      for (const { incoming } of entries) {
        // A room seen for the first time: bound to its configured group by topic, if any.
        if (!groupOf.has(incoming.roomId))
          groupOf.set(
            incoming.roomId,
            await deps.groups.resolve(incoming.roomId, incoming.roomTopic, deps.account?.() ?? null),
          );
      }
      const ids = await deps.messages.insert(
        entries.map((e) => ({ message: e.incoming, groupId: groupOf.get(e.incoming.roomId)?.id ?? null })),
        clock.now(),
      );
      return await Promise.all(
        entries.map((e) => {
          const id = ids.get(e.incoming.providerId) ?? null;
          ids.delete(e.incoming.providerId); // the same message twice in one batch: the first one is it
          return stored(e, groupOf.get(e.incoming.roomId) ?? null, id);
        }),
      );
    } catch (err) {
      if (isConnectionError(err) || entries.length === 1) throw err;
      return Promise.all(
        entries.map((e) =>
          storeMany([e]).then(
            ([r]) => r as ChatMessage | null | Error,
            (e2: unknown) => asError(e2),
          ),
        ),
      );
    }
  }

  const batches = createBatcher<Storable, ChatMessage | null>({ run: storeMany, maxBatch: deps.batchSize });

  return {
    /** Stores the message now, on its own (tools and tests). Null for a message stored before. */
    store: async (entry: Storable) => (await storeMany([entry]))[0] as ChatMessage | null,
    /** Stores the message with others arriving at the same time. Null for a duplicate. */
    add: (entry: Storable) => batches.add(entry),
  };
}

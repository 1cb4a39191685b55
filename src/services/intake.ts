// Intake: every incoming group message is stored once (by provider id) before anything else happens,
// then handed to the handler (the robot). If the database is briefly away, messages wait in memory, in
// order, and are stored and handled when it is back: a message leaves the buffer only once it is
// stored and its handling has finished. The buffer lives in memory: if the process dies while the
// database is away, what it holds is lost (the puppet service does not deliver it again).
import { describeDbError, isConnectionError } from '../../db/errors.js';
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import { backoffMs } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, IncomingMessage, MessageState } from '../core/domain.js';
import { clipText, storableText, stripLeadingMentions } from '../core/text.js';
import type { Logger } from '../log.js';

export interface IntakeDeps {
  messages: MessagesRepo;
  groups: GroupsRepo;
  clock: Clock;
  log: Logger;
  /** Most messages held in memory while the database is away; beyond that the oldest are logged and dropped. */
  maxBuffered?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Tries for a failure that is not the database being away (a bug, a value it refuses) before giving up. */
  maxFailures?: number;
}

export type StoredHandler = (msg: ChatMessage) => Promise<void>;

interface Entry {
  incoming: IncomingMessage & { originalLength: number | null };
  /** Set once stored; the handler may still have to run (again). */
  stored: ChatMessage | null;
  /** An attempt to store it failed: the insert may have committed without our hearing back. */
  storeFailed: boolean;
  handled: boolean;
  /** The handler was interrupted: it may have finished meanwhile through another path. */
  handlerFailed: boolean;
  failures: number;
}

export function createIntakeService(deps: IntakeDeps) {
  const { log, clock } = deps;
  const maxBuffered = deps.maxBuffered ?? 100_000;
  const maxFailures = deps.maxFailures ?? 5;
  const buffer: Entry[] = [];
  let handler: StoredHandler | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let outage = 0;
  let draining: Promise<void> | null = null;

  /** Text and names as they can be stored, the text cut to its maximum length. */
  function normalise(incoming: IncomingMessage): Entry['incoming'] {
    const { text, originalLength } = clipText(storableText(incoming.text));
    return {
      ...incoming,
      text,
      originalLength,
      talkerName: storableText(incoming.talkerName),
      roomTopic: storableText(incoming.roomTopic),
    };
  }

  async function store(entry: Entry): Promise<ChatMessage | null> {
    const incoming = entry.incoming;
    const group = await deps.groups.resolve(incoming.roomId, incoming.roomTopic);
    let id = await deps.messages.insertOnce(incoming, group?.id ?? null, clock.now());
    if (id === null && entry.storeFailed) {
      // Our earlier insert committed but the answer was lost with the connection: the row is ours.
      const row = await deps.messages.byProviderId(incoming.providerId);
      if (row?.state === 'received') id = row.id;
    }
    if (id === null) return null;
    return { ...incoming, id, group, body: stripLeadingMentions(incoming.text) };
  }

  /** Stores (once) and hands over the message at the head of the buffer. */
  async function step(entry: Entry): Promise<void> {
    if (!entry.stored) {
      try {
        entry.stored = await store(entry);
      } catch (err) {
        entry.storeFailed = true;
        throw err;
      }
      if (!entry.stored) return; // a duplicate
    }
    if (!handler || entry.handled) return;
    if (entry.handlerFailed) {
      // The stalled-messages job may have handled it while we waited for the database.
      const row = await deps.messages.byId(entry.stored.id);
      if (row && row.state !== 'received') {
        entry.handled = true;
        return;
      }
    }
    try {
      await handler(entry.stored);
    } catch (err) {
      entry.handlerFailed = true;
      throw err;
    }
    entry.handled = true;
  }

  function remove(entry: Entry) {
    const i = buffer.indexOf(entry);
    if (i >= 0) buffer.splice(i, 1);
  }

  async function drain(): Promise<void> {
    while (buffer.length > 0) {
      const entry = buffer[0] as Entry;
      try {
        await step(entry);
      } catch (err) {
        const away = isConnectionError(err);
        if (!away && ++entry.failures >= maxFailures) {
          // Not the database being away: retrying for ever would hold up every message behind it.
          // A stored message is picked up again by the stalled-messages job.
          log.error(
            { err: describeDbError(err), providerId: entry.incoming.providerId, stored: !!entry.stored },
            'giving up on a message',
          );
          remove(entry);
          continue;
        }
        outage++;
        const wait = backoffMs(outage, deps.retryBaseMs ?? 500, deps.retryMaxMs ?? 5_000);
        log.warn(
          { err: describeDbError(err), buffered: buffer.length, retryInMs: wait },
          away ? 'database away, holding messages' : 'cannot handle a message yet',
        );
        retryTimer = setTimeout(() => {
          retryTimer = null;
          void kick();
        }, wait);
        return;
      }
      outage = 0;
      remove(entry);
    }
  }

  function kick(): Promise<void> {
    if (!draining && !retryTimer) {
      draining = drain().finally(() => {
        draining = null;
      });
    }
    return draining ?? Promise.resolve();
  }

  return {
    /** Where stored messages go (the robot's dispatch). */
    onStored(h: StoredHandler) {
      handler = h;
    },
    /** Stores the message (once) and hands it to the handler; resolves when that is done or buffered. */
    async accept(incoming: IncomingMessage): Promise<void> {
      if (buffer.length >= maxBuffered) {
        // The head may be in the middle of being stored; drop the next oldest.
        const [dropped] = buffer.splice(buffer.length > 1 ? 1 : 0, 1);
        log.error(
          { providerId: dropped?.incoming.providerId },
          'intake buffer full, dropping the oldest message',
        );
      }
      buffer.push({
        incoming: normalise(incoming),
        stored: null,
        storeFailed: false,
        handled: false,
        handlerFailed: false,
        failures: 0,
      });
      await kick();
    },
    async finish(id: number, state: MessageState, note: string | null = null) {
      await deps.messages.finish(id, state, clock.now(), note);
    },
    /** Stores one message now, without the buffer or the handler (tests and tools that drive services directly). */
    store: (incoming: IncomingMessage) =>
      store({
        incoming: normalise(incoming),
        stored: null,
        storeFailed: false,
        handled: false,
        handlerFailed: false,
        failures: 0,
      }),
    /** Messages waiting for the database. */
    pending: () => buffer.length,
    /** Resolves when the buffer is empty or waiting for the database. */
    async settle() {
      await draining;
    },
    async stop() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await draining;
      if (buffer.length) log.error({ lost: buffer.length }, 'stopping with messages not yet stored');
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

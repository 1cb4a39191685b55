// Intake: every incoming group message is stored once (by provider id) before anything else happens.
// If the database is briefly away, messages wait in memory, in order, and are stored when it is back;
// nothing is handled before it is stored.
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import { backoffMs } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, IncomingMessage, MessageState } from '../core/domain.js';
import { stripLeadingMentions } from '../core/text.js';
import type { Logger } from '../log.js';

export interface IntakeDeps {
  messages: MessagesRepo;
  groups: GroupsRepo;
  clock: Clock;
  log: Logger;
  /** Most messages held in memory while the database is away; beyond that the oldest are logged and dropped. */
  maxBuffered?: number;
  retryBaseMs?: number;
}

export type StoredHandler = (msg: ChatMessage) => Promise<void>;

export function createIntakeService(deps: IntakeDeps) {
  const { log, clock } = deps;
  const maxBuffered = deps.maxBuffered ?? 100_000;
  const buffer: IncomingMessage[] = [];
  let handler: StoredHandler | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let draining: Promise<void> | null = null;

  async function store(incoming: IncomingMessage): Promise<ChatMessage | null> {
    const group = await deps.groups.resolve(incoming.roomId, incoming.roomTopic);
    const id = await deps.messages.insertOnce(incoming, group?.id ?? null, clock.now());
    if (id === null) return null;
    return { ...incoming, id, group, body: stripLeadingMentions(incoming.text) };
  }

  async function drain(): Promise<void> {
    while (buffer.length > 0) {
      const next = buffer[0] as IncomingMessage;
      let stored: ChatMessage | null;
      try {
        stored = await store(next);
      } catch (err) {
        failures++;
        const wait = backoffMs(failures, deps.retryBaseMs ?? 500, 30_000);
        log.warn(
          { err: (err as Error).message, buffered: buffer.length, retryInMs: wait },
          'cannot store messages yet',
        );
        retryTimer = setTimeout(() => {
          retryTimer = null;
          void kick();
        }, wait);
        return;
      }
      failures = 0;
      buffer.shift();
      if (stored && handler) await handler(stored);
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
        const dropped = buffer.shift();
        log.error({ providerId: dropped?.providerId }, 'intake buffer full, dropping the oldest message');
      }
      buffer.push(incoming);
      await kick();
    },
    async finish(id: number, state: MessageState, note: string | null = null) {
      await deps.messages.finish(id, state, clock.now(), note);
    },
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
    store,
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

// Intake: every incoming group message is stored once (by provider id) before anything else happens,
// then handed to the handler (the robot). Each room is a lane of its own: a room's messages are stored and
// handled one after another, in order, while different rooms go side by side (up to `concurrency` lanes at
// once) — one slow commit no longer holds up every group. If the database is briefly away, messages wait in
// memory, in order within their room, and are stored and handled when it is back: a message leaves the
// buffer only once it is stored and its handling has finished. With a spool, messages that wait for the
// database are also written to a local file, so a process that dies (or stops) meanwhile loses nothing:
// `recover()` at the next start takes them from it (the puppet service does not deliver them again).
import { describeDbError, isConnectionError } from '../../db/errors.js';
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import { backoffMs } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, IncomingMessage } from '../core/domain.js';
import { clipText, storableText } from '../core/text.js';
import type { Logger } from '../log.js';
import { createSpoolKeeper, type IntakeSpool } from './intake-spool.js';
import { createMessageStore, type Storable } from './intake-store.js';
import { createLanes, type Lane } from './lanes.js';

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
  /**
   * Rooms in hand at the same time (default 4). The handler given to onStored bounds the transactions
   * it opens (handling.ts); with one that does not, keep this below the connection pool.
   */
  concurrency?: number;
  /** Most messages stored in one statement (default 64). */
  batchSize?: number;
  /** Where messages waiting for the database are also written down (see intake-spool.ts). */
  spool?: IntakeSpool;
  /** The bot user the messages arrive for: a group bound on its first message is bound to it. */
  account?: () => string | null;
}

export type StoredHandler = (msg: ChatMessage) => Promise<void>;

interface Entry extends Storable {
  /** Set once stored; the handler may still have to run (again). */
  stored: ChatMessage | null;
  handled: boolean;
  /** The handler was interrupted: it may have finished meanwhile through another path. */
  handlerFailed: boolean;
  failures: number;
  /** Arrival order across all rooms, to find the oldest when the buffer is full. */
  seq: number;
  /** Written to the spool and not yet stored (or given up on). */
  spooled: boolean;
}

export function createIntakeService(deps: IntakeDeps) {
  const { log, clock } = deps;
  const maxBuffered = deps.maxBuffered ?? 100_000;
  const maxFailures = deps.maxFailures ?? 5;
  let buffered = 0;
  let seq = 0;
  let stopping = false;
  /** The last try to store a message found the database away: new messages go to the spool too. */
  let databaseAway = false;
  let handler: StoredHandler | null = null;

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

  const entryOf = (incoming: IncomingMessage): Entry => ({
    incoming: normalise(incoming),
    stored: null,
    storeFailed: false,
    handled: false,
    handlerFailed: false,
    failures: 0,
    seq: seq++,
    spooled: false,
  });

  const spooling = createSpoolKeeper(deps.spool, log);
  /** Writes the buffered messages not yet stored to the spool (once each). */
  const spoolWaiting = () =>
    spooling.write(
      lanes
        .all()
        .flatMap((l) => l.entries)
        .filter((e) => !e.stored),
    );
  const unspool = spooling.release;

  const storing = createMessageStore({
    messages: deps.messages,
    groups: deps.groups,
    clock,
    account: deps.account,
    batchSize: deps.batchSize,
  });

  /** Stores (once) and hands over the message at the head of a lane. */
  async function step(entry: Entry): Promise<void> {
    if (!entry.stored) {
      try {
        entry.stored = await storing.add(entry);
      } catch (err) {
        entry.storeFailed = true;
        throw err;
      }
      databaseAway = false;
      unspool(entry);
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

  function remove(lane: Lane<Entry>, entry: Entry) {
    const i = lane.entries.indexOf(entry);
    if (i >= 0) {
      lane.entries.splice(i, 1);
      buffered--;
      unspool(entry);
    }
  }

  /** Works through one room's messages in order; stops at the first that must wait for a retry. */
  async function drain(lane: Lane<Entry>): Promise<void> {
    while (lane.entries.length > 0) {
      const entry = lane.entries[0] as Entry;
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
          remove(lane, entry);
          continue;
        }
        lane.outage++;
        if (away && !entry.stored) {
          // The database is away: what waits in memory is written down before we wait.
          databaseAway = true;
          await spoolWaiting();
        }
        if (stopping) return;
        const wait = backoffMs(lane.outage, deps.retryBaseMs ?? 500, deps.retryMaxMs ?? 5_000);
        log.warn(
          { err: describeDbError(err), buffered, retryInMs: wait, roomId: entry.incoming.roomId },
          away ? 'database away, holding messages' : 'cannot handle a message yet',
        );
        lanes.retryIn(lane, wait);
        return;
      }
      lane.outage = 0;
      remove(lane, entry);
    }
  }

  const lanes = createLanes<Entry>({
    concurrency: deps.concurrency ?? 4,
    drain,
    stopping: () => stopping,
  });

  /** Drops the oldest message not being worked on when the buffer is full. */
  function dropOldest(): void {
    let oldest: { lane: Lane<Entry>; index: number; entry: Entry } | null = null;
    for (const lane of lanes.all()) {
      // The head of a draining lane may be in the middle of being stored.
      const index = lane.draining && lane.entries.length > 1 ? 1 : lane.draining ? -1 : 0;
      const entry = index >= 0 ? lane.entries[index] : undefined;
      if (entry && (!oldest || entry.seq < oldest.entry.seq)) oldest = { lane, index, entry };
    }
    if (!oldest) return;
    oldest.lane.entries.splice(oldest.index, 1);
    buffered--;
    unspool(oldest.entry);
    log.error(
      { providerId: oldest.entry.incoming.providerId },
      'intake buffer full, dropping the oldest message',
    );
  }

  return {
    /** Where stored messages go (the robot's dispatch). */
    onStored(h: StoredHandler) {
      handler = h;
    },
    /** Stores the message (once) and hands it to the handler; resolves when its room's work is done or waiting. */
    async accept(incoming: IncomingMessage): Promise<void> {
      if (buffered >= maxBuffered) dropOldest();
      const lane = lanes.laneOf(incoming.roomId);
      lane.entries.push(entryOf(incoming));
      buffered++;
      // While the database is away, a new message is written down before it waits in memory.
      if (databaseAway) await spoolWaiting();
      await lanes.kick(lane);
    },
    /**
     * Takes what an earlier process left in the spool (it died or stopped while the database was away)
     * and stores and handles it like new messages. Returns how many it found.
     */
    async recover(): Promise<number> {
      if (!deps.spool) return 0;
      const left = await deps.spool.load();
      if (left.length === 0) return 0;
      log.warn({ messages: left.length }, 'taking messages from the intake spool');
      const accepted: Promise<void>[] = [];
      for (const incoming of left) {
        const lane = lanes.laneOf(incoming.roomId);
        const entry = entryOf(incoming);
        spooling.adopt(entry);
        lane.entries.push(entry);
        buffered++;
        accepted.push(lanes.kick(lane));
      }
      await Promise.all(accepted);
      return left.length;
    },
    /** Stores one message now, without the buffer or the handler (tests and tools that drive services directly). */
    store: (incoming: IncomingMessage) => storing.store(entryOf(incoming)),
    /** Messages waiting for the database. */
    pending: () => buffered,
    /** Resolves when every room's work is done or waiting for the database. */
    settle: () => lanes.settle(),
    /**
     * Finishes what is in hand (no more retries) and resolves; what still waits for the database is
     * written to the spool (lost without one).
     */
    async stop() {
      stopping = true;
      lanes.cancelRetries();
      await lanes.settle();
      if (!buffered) return;
      await spoolWaiting();
      const unstored = lanes
        .all()
        .flatMap((l) => l.entries)
        .filter((e) => !e.stored);
      if (deps.spool && unstored.every((e) => e.spooled))
        log.warn(
          { messages: unstored.length },
          'stopping with messages not yet stored: they wait in the spool',
        );
      else log.error({ lost: buffered }, 'stopping with messages not yet stored');
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;

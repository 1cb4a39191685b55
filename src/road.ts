// A message's road after storage, as one value: the robot with every bot's listeners, and the handling
// that runs them in units of work. The service (shouwang.ts) puts the intake in front of it; tests and
// tools that store messages themselves hand them to `handle` and get the same behaviour.
import { loadScripts, type ScriptServices } from '../bots/index.js';
import type { Db } from '../db/client.js';
import { isConnectionError } from '../db/errors.js';
import { createMessagesRepo } from '../db/repositories/messages.js';
import { Robot } from './chat/robot.js';
import type { Clock } from './core/clock.js';
import type { MessageState } from './core/domain.js';
import type { Logger } from './log.js';
import { createHandling } from './services/handling.js';
import type { OutboxService } from './services/outbox.js';
import type { VocabularyCache } from './services/vocabulary.js';

/** A command repeated by its sender within this window is not answered again. */
export const REPEAT_WINDOW_MS = 5 * 60_000;

export interface RoadDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  services: ScriptServices & { outbox: Pick<OutboxService, 'respond'>; vocabulary?: VocabularyCache };
  /** Each site's vocabulary for the parser (src/services/vocabulary.ts). */
  vocabulary?: VocabularyCache;
  /** Told once a unit has committed, with its messages' outcomes. */
  committed?(states: MessageState[]): void;
  /** Most messages handled together (default 64). */
  maxBatch?: number;
  /** Units of one message open at once (default 2). */
  soloConcurrency?: number;
}

export function createRoad(deps: RoadDeps) {
  const robot = new Robot({
    log: deps.log.child({ part: 'robot' }),
    respond: (msg, replies, tx) => deps.services.outbox.respond(msg, replies, tx),
    isTransient: isConnectionError,
    vocabularyOf: (siteId, tx) => {
      const cache = deps.vocabulary ?? deps.services.vocabulary;
      return cache ? cache.of(siteId, tx) : Promise.resolve(undefined);
    },
    // In the public groups, where one member's flood would spend everyone's budget; staff and volunteers
    // repeat commands because the answer changed.
    repeatedCommand: (msg, tx) =>
      msg.group && (msg.group.role === 'residents' || msg.group.role === 'villagers')
        ? createMessagesRepo(tx).answeredRepeat(
            { id: msg.id, groupId: msg.group.id, talkerId: msg.talkerId, text: msg.text },
            new Date(msg.at.getTime() - REPEAT_WINDOW_MS),
          )
        : Promise.resolve(false),
  });
  loadScripts(robot, deps.services);
  const handling = createHandling({
    db: deps.db,
    clock: deps.clock,
    log: deps.log.child({ part: 'handling' }),
    receiver: robot,
    isTransient: isConnectionError,
    committed: deps.committed,
    maxBatch: deps.maxBatch,
    soloConcurrency: deps.soloConcurrency,
  });
  return { robot, handle: handling.handle };
}

export type Road = ReturnType<typeof createRoad>;

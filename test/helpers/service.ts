// A whole shouwang on a test database and the sandbox's simulated WeChat, without an HTTP port.
import { createSandboxWorld, type SandboxWorld } from '../../src/chat/sandbox.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import { type Logger, silentLogger } from '../../src/log.js';
import type { OutboxPolicy } from '../../src/services/outbox-worker.js';
import { createShouwang, type Shouwang } from '../../src/shouwang.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { waitFor } from './wait.js';

export interface TestService {
  sw: Shouwang;
  world: SandboxWorld;
  db: TestDatabase;
  /** Waits until the bot has said something in `topic` matching `pattern` (after `since` messages). */
  botSays(topic: string, pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestService(
  opts: {
    clock?: Clock;
    db?: TestDatabase;
    env?: Record<string, string>;
    jobs?: boolean;
    ignoreBeforeLogin?: boolean;
    outboxPolicy?: Partial<OutboxPolicy>;
    instanceId?: string;
    /** Where the service logs (silent by default). */
    log?: Logger;
  } = {},
): Promise<TestService> {
  const db = opts.db ?? (await createTestDatabase());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...opts.env }, '/nonexistent');
  const world = createSandboxWorld(config.chat.botName);
  const sw = await createShouwang({
    config,
    database: db,
    log: opts.log ?? silentLogger,
    world,
    clock: opts.clock,
    ignoreBeforeLogin: opts.ignoreBeforeLogin,
    instanceId: opts.instanceId,
    outboxPolicy: { intervalMs: 0, jitterMs: 0, idlePollMs: 20, ...opts.outboxPolicy },
  });
  await sw.start({ listen: false, jobs: opts.jobs ?? true });
  return {
    sw,
    world,
    db,
    botSays: (topic, pattern, timeoutMs = 10_000) =>
      waitFor(
        () =>
          world
            .sent()
            .find(
              (m) =>
                m.topic === topic &&
                (typeof pattern === 'string' ? m.text.includes(pattern) : pattern.test(m.text)),
            )?.text,
        { timeoutMs, what: `the bot to say ${pattern} in ${topic}` },
      ),
    async stop() {
      await sw.stop();
      if (!opts.db) await db.close();
    },
  };
}

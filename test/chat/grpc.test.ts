// The production path: the bot talks gRPC to a puppet service. Here a real PuppetServer (from
// wechaty-puppet-service) wraps the sandbox's mock puppet on loopback, and shouwang connects to it with
// the real PuppetService client, exactly as it would to a hosted puppet service.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PuppetServer } from 'wechaty-puppet-service';
import { createSandboxWorld, type SandboxWorld } from '../../src/chat/sandbox.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createShouwang, type Shouwang } from '../../src/shouwang.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { freePort } from '../helpers/ports.js';
import { waitFor } from '../helpers/wait.js';

const RESIDENTS = '五指山观察点住户群';

let world: SandboxWorld;
let server: PuppetServer;
let heartbeat: NodeJS.Timeout;
let endpoint: string;
const token = `insecure_${randomUUID()}`;

beforeAll(async () => {
  world = createSandboxWorld('守望');
  world.ensureRoom(RESIDENTS);
  endpoint = `127.0.0.1:${await freePort()}`;
  server = new PuppetServer({ endpoint, puppet: world.puppet, token, tls: { disable: true } });
  await server.start();
  await world.puppet.start();
  // Without heartbeats the client's watchdog resets the connection.
  heartbeat = setInterval(() => world.puppet.emit('heartbeat', { data: 'test' }), 5_000);
});

afterAll(async () => {
  clearInterval(heartbeat);
  await server.stop();
  await world.puppet.stop();
});

async function connect(db: TestDatabase, withToken: string, at = endpoint): Promise<Shouwang> {
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WECHATY_PUPPET_SERVICE_TOKEN: withToken,
      WECHATY_PUPPET_SERVICE_ENDPOINT: at,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      SHOUWANG_LOGIN_TIMEOUT_MS: '8000',
    },
    '/nonexistent',
  );
  return createShouwang({
    config,
    database: db,
    log: silentLogger,
    outboxPolicy: { intervalMs: 0, jitterMs: 0, idlePollMs: 20 },
  });
}

describe('over gRPC through wechaty-puppet-service', () => {
  it('receives a resident’s message and replies into the group', async () => {
    const db = await createTestDatabase();
    await addSite(db.db, { name: '五指山观察点', kind: 'quarantine' }, [
      { topic: RESIDENTS, role: 'residents' },
    ]);
    const sw = await connect(db, token);
    try {
      await sw.start({ listen: false });
      expect(sw.chat.kind).toBe('service');
      expect(sw.chat.state()).toBe('online');
      world.say({ room: RESIDENTS, from: '2105高', text: '#帮助' });
      const reply = await waitFor(() => world.sent().find((m) => m.text.includes('守望小助手')), {
        timeoutMs: 15_000,
        what: 'the reply over gRPC',
      });
      expect(reply.topic).toBe(RESIDENTS);
      expect(reply.text.startsWith('@2105高')).toBe(true);
    } finally {
      await sw.stop();
      await db.close();
    }
  });

  it('ends start-up with a clear error on a wrong token', async () => {
    const db = await createTestDatabase();
    const sw = await connect(db, `insecure_${randomUUID()}`);
    const started = Date.now();
    try {
      const err = await sw.start({ listen: false }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ChatError' });
      expect((err as Error).message).toMatch(/WeChat/);
      expect(Date.now() - started).toBeLessThan(12_000);
    } finally {
      await sw.stop();
      await db.close();
    }
  });

  it('ends start-up with a clear error when the endpoint is unreachable', async () => {
    const db = await createTestDatabase();
    const sw = await connect(db, token, `127.0.0.1:${await freePort()}`);
    const started = Date.now();
    try {
      const err = await sw.start({ listen: false }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ChatError' });
      expect((err as Error).message).toMatch(/WeChat/);
      expect(Date.now() - started).toBeLessThan(12_000);
    } finally {
      await sw.stop();
      await db.close();
    }
  });
});

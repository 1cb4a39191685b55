// The database goes away for seconds in the middle of a stream of group messages, some of them delivered
// twice. Afterwards every message is stored exactly once and handled, and every reply went out once.
// On Postgres the outage is real: a TCP proxy between the service and the server cuts every connection
// and refuses new ones. On PGlite (in-process) the repositories the intake and the robot use fail with a
// connection error for the same seconds.
import { inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { messages, outbox } from '../../db/schema.js';
import type { Services } from '../../src/services/index.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { waitFor } from '../helpers/wait.js';

const RESIDENTS = '五指山观察点住户群';
const COUNT = 200;
const OUTAGE_MS = 4_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** The service's warnings and errors, kept to say what happened when a check fails. */
const logged: { msg: string; err?: string }[] = [];
const memoryLog = pino(
  { level: 'warn' },
  {
    write(line: string) {
      const { msg, err } = JSON.parse(line) as { msg: string; err?: unknown };
      const said = typeof err === 'string' ? err : (err as { message?: string } | undefined)?.message;
      logged.push({ msg, err: said });
    },
  },
);

/** The distinct warnings and errors logged, each with how often. */
function logSummary(): string {
  const counts = new Map<string, number>();
  for (const { msg, err } of logged) {
    const key = err ? `${msg} (${err})` : msg;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('; ');
}

async function service(db: TestDatabase): Promise<TestService> {
  logged.length = 0;
  // A short claim: a claim whose answer was lost with the connection is taken again in seconds.
  const t = await startTestService({
    db,
    log: memoryLog,
    outboxPolicy: { claimTtlMs: 3_000, errorBaseMs: 100 },
  });
  cleanups.push(() => t.stop());
  await addSite(t.db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: RESIDENTS, role: 'residents' },
  ]);
  await t.sw.syncRooms();
  return t;
}

/**
 * Says COUNT messages (every fourth asks for #帮助 and gets an @reply; the rest are chatter), every
 * seventh delivered twice, with `outage` running from the 60th message on. Returns the message ids.
 */
async function stream(t: TestService, outage: () => Promise<void>) {
  const ids: string[] = [];
  let during: Promise<void> | null = null;
  for (let i = 0; i < COUNT; i++) {
    if (i === 60) during = outage();
    const text = i % 4 === 0 ? '#帮助' : '大家辛苦了，谢谢';
    const id = t.world.say({ room: RESIDENTS, from: `住户${i}`, text });
    ids.push(id);
    if (i % 7 === 0) t.world.redeliver(id);
    await new Promise((r) => setTimeout(r, 20));
  }
  await during;
  // Some deliveries again once the database is back.
  for (const id of ids.slice(50, 70)) t.world.redeliver(id);
  return ids;
}

/** `reader` is the test's own view of the database: on Postgres a direct connection, not the proxied one. */
async function expectAllOnce(t: TestService, ids: string[], reader = t.db.db) {
  const rowsOf = () => reader.select().from(messages).where(inArray(messages.providerId, ids));
  let last: (typeof messages.$inferSelect)[] = [];
  const rows = await waitFor(
    async () => {
      last = await rowsOf();
      return last.length === COUNT && last.every((m) => m.state !== 'received') ? last : null;
    },
    { timeoutMs: 60_000, what: 'every message stored and handled' },
  ).catch((err) => {
    const have = new Set(last.map((r) => r.providerId));
    const missing = ids.flatMap((id, i) => (have.has(id) ? [] : [i]));
    const received = last.filter((r) => r.state === 'received').map((r) => r.providerId);
    throw new Error(
      `${err.message}: ${last.length}/${COUNT} stored, missing #${missing.join(',')}; ` +
        `still received: ${received.join(',')}; ${t.sw.services.intake.pending()} in memory; ` +
        `logged: ${logSummary()}`,
    );
  });
  expect(rows).toHaveLength(COUNT);
  expect(new Set(rows.map((r) => r.providerId)).size).toBe(COUNT);
  const byId = new Map(rows.map((r) => [r.providerId, r]));
  ids.forEach((id, i) => {
    expect(byId.get(id)).toMatchObject({
      talkerName: `住户${i}`,
      state: i % 4 === 0 ? 'handled' : 'ignored',
    });
  });

  // Every reply queued once and sent once.
  const helped = ids.filter((_, i) => i % 4 === 0).length;
  let out: (typeof outbox.$inferSelect)[] = [];
  await waitFor(
    async () => {
      out = await reader.select().from(outbox);
      return out.length === helped && out.every((o) => o.status === 'sent');
    },
    { timeoutMs: 60_000, what: 'every reply sent' },
  ).catch((err) => {
    const states = out.map((o) => `${o.id}:${o.status}:${o.attempts}:${o.lastError ?? ''}`);
    throw new Error(
      `${err.message}; ${out.length}/${helped} queued: ${states.join(' ')}; logged: ${logSummary()}`,
    );
  });
  const replies = t.world.sent().filter((m) => m.text.includes('守望小助手'));
  const mentioned = replies.map((m) => m.text.split(/\s/)[0]).sort();
  const expected = ids
    .map((_, i) => i)
    .filter((i) => i % 4 === 0)
    .map((i) => `@住户${i}`)
    .sort();
  expect(mentioned).toEqual(expected);
}

// Typically 10–20 s; the generous limits are for a machine busy with other suites.
describe('the database goes away in the middle of a message stream', { timeout: 180_000 }, () => {
  it.runIf(usingPostgres)('on Postgres, behind a proxy that cuts every connection', async () => {
    const own = await createTestDatabase();
    cleanups.push(() => own.close());
    const target = new URL(own.url as string);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(target);
    viaProxy.port = String(proxy.port);
    // A connect timeout long enough for a machine busy with other suites; a refused port fails at once.
    const db = await openDatabase({ url: viaProxy.toString(), max: 5, connectTimeoutSec: 5 });
    cleanups.push(() => db.close());
    const t = await service({ ...db, url: viaProxy.toString() });

    let buffered = 0;
    let health = 0;
    const ids = await stream(t, async () => {
      await proxy.cut();
      const connectionsBefore = proxy.accepted();
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        buffered = Math.max(buffered, t.sw.services.intake.pending());
        await new Promise((r) => setTimeout(r, 50));
      }
      health = (await t.sw.app.inject({ method: 'GET', url: '/healthz' })).statusCode;
      expect(proxy.accepted()).toBe(connectionsBefore);
      await proxy.restore();
    });
    // The outage was real: messages waited in memory and /healthz said the database was down.
    expect(buffered).toBeGreaterThan(10);
    expect(health).toBe(503);
    await expectAllOnce(t, ids, own.db);
    expect((await t.sw.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('with the database calls of intake and robot failing (injected, any driver)', async () => {
    const t = await service(await createTestDatabase());
    cleanups.push(() => t.db.close());
    const outage = injectOutage(t.sw.services);
    let buffered = 0;
    const ids = await stream(t, async () => {
      // The outage starts in the middle of handling a stored message: as the robot queues a reply.
      outage.armed = true;
      await waitFor(() => outage.down, { what: 'the outage to start' });
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        buffered = Math.max(buffered, t.sw.services.intake.pending());
        await new Promise((r) => setTimeout(r, 50));
      }
      outage.down = false;
    });
    expect(buffered).toBeGreaterThan(10);
    expect(outage.refused).toBeGreaterThan(0);
    await expectAllOnce(t, ids);
  });
});

/**
 * Makes the database calls of intake and robot fail as an unreachable server does, while `down`; once
 * `armed`, the next reply the robot queues brings the database down.
 */
function injectOutage(services: Services) {
  const state = { down: false, armed: false, refused: 0 };
  const wrap = <T extends object>(target: T, names: (keyof T)[]) => {
    for (const name of names) {
      const original = target[name] as (...args: unknown[]) => Promise<unknown>;
      (target as Record<keyof T, unknown>)[name] = async (...args: unknown[]) => {
        if (state.armed && name === 'reply') {
          state.armed = false;
          state.down = true;
        }
        if (state.down) {
          state.refused++;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        return original.apply(target, args);
      };
    }
  };
  wrap(services.groups, ['resolve', 'byRoomIds']);
  wrap(services.messages, ['insert', 'byProviderId', 'byId']);
  wrap(services.outbox, ['reply']);
  return state;
}

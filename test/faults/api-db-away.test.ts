// Issue 17.10: while the database is away the API answers 503 with Retry-After, never 500, and answers
// again as soon as it is back. On Postgres the outage is real: the service's connections go through a TCP
// proxy that cuts them and refuses new ones. On PGlite (in-process) every query of the service's handle
// fails with the connection error the driver would give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';
import { type TestDatabase, usingPostgres } from '../helpers/db.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

let h: ApiHarness;
let away: () => Promise<void>;
let back: () => Promise<void>;
let proxy: TcpProxy | null = null;

/** A handle on PGlite whose queries fail as a lost connection does while `down` says so. */
function flaky(db: Database, down: () => boolean): Database {
  const fail = () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  };
  const inner = new Proxy(db.db as object, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (down()) fail();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { ...db, db: inner as Database['db'], close: async () => {} };
}

beforeAll(async () => {
  let down = false;
  h = await createApiHarness({
    serveFrom: async (db: TestDatabase) => {
      if (!db.url) return flaky(db, () => down);
      const url = new URL(db.url);
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      return openDatabase({ url: url.toString(), max: 2, connectTimeoutSec: 2 });
    },
  });
  away = async () => {
    down = true;
    await proxy?.cut();
  };
  back = async () => {
    down = false;
    await proxy?.restore();
  };
});
afterAll(async () => {
  await h.close();
  await proxy?.close();
});

describe(`the database away (${usingPostgres ? 'Postgres behind a cut proxy' : 'PGlite'})`, () => {
  it('answers 503 with Retry-After on reads and writes, and 200 once it is back', async () => {
    expect((await h.call(h.tokens.admin, 'GET', '/api/v1/sites')).statusCode).toBe(200);
    await away();
    for (const [method, url, body] of [
      ['GET', '/api/v1/sites', undefined],
      ['GET', `/api/v1/digests/${h.sites.a}`, undefined],
      ['GET', '/api/v1/messages', undefined],
      ['POST', '/api/v1/residents', { siteId: h.sites.a, name: '林某', room: '2301', start: '2020-02-15' }],
    ] as const) {
      const res = await h.call(h.tokens.admin, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(503);
      expect(res.json()).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database is unreachable for now; try again shortly',
      });
      expect(res.headers['retry-after']).toBe('5');
    }
    await back();
    let res = await h.call(h.tokens.admin, 'GET', '/api/v1/sites');
    // The pool may need one failed attempt to notice its connections are gone.
    for (let i = 0; i < 20 && res.statusCode !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await h.call(h.tokens.admin, 'GET', '/api/v1/sites');
    }
    expect(res.statusCode).toBe(200);
  }, 60_000);
});

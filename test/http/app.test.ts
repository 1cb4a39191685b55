import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';

type Health = Parameters<typeof buildApp>[0]['health'];
let dbState: 'up' | 'down' = 'up';
const health: Health = async () => ({
  database: { driver: 'pglite', state: dbState },
  chat: { puppet: 'mock', state: 'online', user: '守望' },
  eventLoop: { p99Ms: 0, maxMs: 0 },
});
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  app = await buildApp({ log: silentLogger, health });
});
afterAll(() => app.close());

describe('the HTTP app', () => {
  it('answers /healthz with the database and chat states', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      sandbox: true,
      database: { driver: 'pglite', state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: '守望' },
      eventLoop: { p99Ms: 0, maxMs: 0 },
    });
  });

  it('answers 503 while the database is down', async () => {
    dbState = 'down';
    const res = await app.inject('/healthz');
    dbState = 'up';
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('down');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await app.inject('/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({
      openapi: '3.0.3',
      paths: { '/healthz': { get: expect.any(Object) } },
    });
    const ui = await app.inject('/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.inject('/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'no route for GET /nope' });
  });
});

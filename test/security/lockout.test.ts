// Issue 17.5: one caller's bad tokens must not lock everyone out. Behind a reverse proxy all staff share
// its address; a valid token is never refused for someone else's failures, and with SHOUWANG_TRUST_PROXY
// the limit counts the client's own address from X-Forwarded-For.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

const BAD = `Bearer sw_${'z'.repeat(40)}`;
const harnesses: ApiHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

const call = (h: ApiHarness, token: string, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'GET',
    url: '/api/v1/sites',
    remoteAddress: '127.0.0.1',
    headers: { authorization: token, ...headers },
  });

describe('bad tokens from the proxy’s address', () => {
  it('never refuse a valid token, even while bad ones keep coming', async () => {
    const h = await createApiHarness({ authFailures: { max: 20, windowMs: 10 * 60_000 } });
    harnesses.push(h);
    for (let i = 0; i < 20; i++) expect((await call(h, BAD)).statusCode).toBe(401);
    expect((await call(h, BAD)).statusCode).toBe(429);
    // Two bad requests a minute for twenty minutes: the address stays refused for bad tokens…
    for (let minute = 0; minute < 20; minute++) {
      h.clock.advance(30_000);
      await call(h, BAD);
      h.clock.advance(30_000);
      await call(h, BAD);
      // …and every staff member behind the proxy still gets in.
      expect((await call(h, `Bearer ${h.tokens.staffA}`)).statusCode).toBe(200);
      expect((await call(h, `Bearer ${h.tokens.admin}`)).statusCode).toBe(200);
    }
  });

  it('count the client’s own address when the proxy is trusted', async () => {
    const h = await createApiHarness({
      authFailures: { max: 3, windowMs: 60_000 },
      trustProxy: ['127.0.0.1'],
    });
    harnesses.push(h);
    const as = (client: string) => ({ 'x-forwarded-for': client });
    for (let i = 0; i < 3; i++) expect((await call(h, BAD, as('203.0.113.9'))).statusCode).toBe(401);
    expect((await call(h, BAD, as('203.0.113.9'))).statusCode).toBe(429);
    // Another client behind the same proxy is not affected, not even its bad tokens.
    expect((await call(h, BAD, as('198.51.100.7'))).statusCode).toBe(401);
  });

  it('read SHOUWANG_TRUST_PROXY as off, on, hops or addresses, and refuse anything else', () => {
    const read = (v?: string) => loadConfig({ SHOUWANG_TRUST_PROXY: v }, '/nonexistent').http.trustProxy;
    expect(read()).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('true')).toBe(true);
    expect(read('1')).toBe(1);
    expect(read('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(read('loopback')).toEqual(['loopback']);
    expect(() => read('everyone')).toThrow(/SHOUWANG_TRUST_PROXY/);
  });
});

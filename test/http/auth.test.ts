// Authentication, role checks, failure limiting, security headers and body limits of the admin API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness({ authFailures: { max: 3, windowMs: 60_000 }, bodyLimit: 64 * 1024 });
});
afterAll(() => h.close());

// Each failure-limit test comes from an address of its own.
const from = (ip: string, token: string | null, url = '/api/v1/sites') =>
  h.app.inject({
    method: 'GET',
    url,
    remoteAddress: ip,
    ...(token !== null ? { headers: { authorization: token } } : {}),
  });

describe('authentication', () => {
  it('answers 401 without a token, and says how to give one', async () => {
    const res = await h.call(null, 'GET', '/api/v1/sites');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'give a token: Authorization: Bearer <token>',
    });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="shouwang"');
  });

  it('answers 401 for unknown, malformed and non-bearer tokens', async () => {
    for (const header of [
      `Bearer sw_${'x'.repeat(40)}`,
      'Bearer not-a-token',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${h.tokens.admin} extra`,
    ]) {
      const res = await from('10.0.0.1', header);
      expect(res.statusCode, header).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
      // the limiter is not under test here
      h.clock.advance(61_000);
    }
  });

  it('accepts the scheme in any case', async () => {
    const res = await from('10.0.0.2', `bearer ${h.tokens.admin}`);
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 for a revoked token', async () => {
    const token = await h.newToken('viewer', [h.sites.a], 'soon-revoked');
    expect((await h.call(token, 'GET', '/api/v1/sites')).statusCode).toBe(200);
    await h.services.tokens.revoke({ tokenId: null, name: 'test' }, 'soon-revoked');
    const res = await h.call(token, 'GET', '/api/v1/sites');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('the token is not valid: unknown, revoked or malformed');
  });

  it('answers 403 when the role lacks the permission, before reading the body', async () => {
    const res = await h.call(h.tokens.viewerA, 'POST', '/api/v1/residents', { nonsense: true });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'a viewer token (digests and counts of their sites) may not do this: it needs registry:write',
    });
  });

  it('records when a token was last used, at most once a minute', async () => {
    const token = await h.newToken('viewer', [h.sites.a], 'used');
    const lastUsed = async () =>
      (await h.call(h.tokens.admin, 'GET', '/api/v1/tokens?limit=200'))
        .json()
        .items.find((t: { name: string }) => t.name === 'used').lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = h.clock.now();
    await h.call(token, 'GET', '/api/v1/sites');
    const first = await lastUsed();
    expect(new Date(first).getTime()).toBe(Math.floor(t0.getTime() / 1000) * 1000);
    h.clock.advance(30_000);
    await h.call(token, 'GET', '/api/v1/sites');
    expect(await lastUsed()).toBe(first);
    h.clock.advance(31_000);
    await h.call(token, 'GET', '/api/v1/sites');
    expect(new Date(await lastUsed()).getTime()).toBe(new Date(first).getTime() + 61_000);
  });
});

describe('failure limiting', () => {
  it('refuses bad tokens from an address with 429 after repeated failures, until the window passes', async () => {
    const bad = `Bearer sw_${'y'.repeat(40)}`;
    for (let i = 0; i < 3; i++) expect((await from('10.9.9.9', bad)).statusCode).toBe(401);
    const refused = await from('10.9.9.9', bad);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'TOO_MANY_FAILURES',
      message: 'too many bad tokens from this address; try again later',
    });
    expect(refused.headers['retry-after']).toBe('60');
    // A valid token from the same address is let in all along; other addresses are not affected.
    expect((await from('10.9.9.9', `Bearer ${h.tokens.admin}`)).statusCode).toBe(200);
    expect((await from('10.9.9.8', bad)).statusCode).toBe(401);
    h.clock.advance(60_000);
    expect((await from('10.9.9.9', bad)).statusCode).toBe(401);
  });

  it('does not count requests that give no token', async () => {
    for (let i = 0; i < 5; i++) expect((await from('10.8.8.8', null)).statusCode).toBe(401);
    expect((await from('10.8.8.8', `Bearer ${h.tokens.admin}`)).statusCode).toBe(200);
  });
});

describe('security headers and limits', () => {
  it('sends security headers on the API, the docs and /healthz', async () => {
    for (const url of [
      '/api/v1/sites',
      '/docs/',
      '/docs/static/swagger-ui-bundle.js',
      '/healthz',
      '/docs/json',
    ]) {
      const res = await h.call(h.tokens.admin, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves Swagger UI with scripts from its own origin only, which the CSP allows', async () => {
    const page = await h.app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.?\/?[^":]+"/); // relative: same origin
      expect(body?.trim()).toBe(''); // no inline script for the CSP to block
    }
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(70 * 1024), kind: 'village' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_BODY');
  });
});

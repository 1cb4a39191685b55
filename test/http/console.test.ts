// The console's files: served by the service itself under the same content security policy as the API,
// with the vendored Preact and htm modules' bare imports pointed at our own URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

describe('the console', () => {
  it('serves its page at / with a policy that allows only this origin and no inline script', async () => {
    const res = await h.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<script type="module" src="/console/app.js"></script>');
    // Every script is a file of ours: no inline code, no other origin.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc="\/console\/)[^>]*>/);
    expect(res.body).not.toMatch(/https?:\/\//);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
  });

  it('takes its symptom and category names from the server, so chat, files and console use one word', async () => {
    const res = await h.app.inject('/console/labels.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toContain('"runny_nose":"鼻塞流涕"');
    expect(res.body).toContain('"protective":"防护用品"');
  });

  it('serves its modules and styles, none of which names another origin', async () => {
    for (const file of [
      'app.js',
      'api.js',
      'ui.js',
      'style.css',
      'pages/dashboard.js',
      'pages/quarantine-day.js',
      'pages/village-day.js',
      'pages/resident.js',
      'pages/roster.js',
      'pages/downloads.js',
      'pages/review.js',
      'pages/sandbox.js',
      'pages/budget.js',
    ]) {
      const res = await h.app.inject(`/console/${file}`);
      expect(res.statusCode, file).toBe(200);
      // Revalidated on every load: no content hashes, so a cached module could outlive an upgrade.
      expect(res.headers['cache-control'], file).toBe('public, max-age=0');
      expect(res.body, file).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      expect(res.body, file).not.toMatch(/@import|url\(/);
    }
  });

  it('serves the vendored modules with their bare imports rewritten to /vendor/', async () => {
    for (const file of ['preact.mjs', 'preact-hooks.mjs', 'htm.mjs', 'htm-preact.mjs']) {
      const res = await h.app.inject(`/vendor/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.body, file).not.toMatch(/from\s*["'](preact|htm)/);
    }
    expect((await h.app.inject('/vendor/htm-preact.mjs')).body).toContain('from"/vendor/preact.mjs"');
    const missing = await h.app.inject('/vendor/../package.json');
    expect(missing.statusCode).toBe(404);
    expect((await h.app.inject('/vendor/react.mjs')).statusCode).toBe(404);
  });
});

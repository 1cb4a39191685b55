// The OpenAPI document at /docs/json: valid by a standard validator, and every admin route documented
// with its security, tags, and error answers.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document read as JSON
let doc: any;
beforeAll(async () => {
  h = await createApiHarness({ metrics: true });
  doc = (await h.app.inject('/docs/json')).json();
});
afterAll(() => h.close());

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

describe('the OpenAPI document', () => {
  it('validates against the OpenAPI 3.0 schema, and its references resolve', async () => {
    const validator = new Validator();
    const res = await validator.validate(doc);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('documents every admin resource of part 1', () => {
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/tokens',
      '/api/v1/tokens/{id}/revoke',
      '/api/v1/sites',
      '/api/v1/sites/{id}',
      '/api/v1/sites/{id}/counts',
      '/api/v1/groups',
      '/api/v1/groups/{id}',
      '/api/v1/rooms',
      '/api/v1/residents',
      '/api/v1/residents/{id}',
      '/api/v1/households',
      '/api/v1/households/{id}',
      '/api/v1/messages',
      '/api/v1/messages/{id}/review',
      '/api/v1/messages/{id}/reparse',
      '/api/v1/outbox',
      '/api/v1/outbox/{id}/retry',
      '/api/v1/audit',
      '/metrics',
      '/healthz',
    ])
      expect(paths, p).toContain(p);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Site', 'Resident', 'Household', 'Group', 'Room', 'Message', 'Token']),
    );
  });

  it('documents the health, lifecycle, requests and roster routes of part 2', () => {
    const ops = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/v1/me',
        'GET /api/v1/reports',
        'GET /api/v1/residents/{id}/timeline',
        'POST /api/v1/residents/{id}/extend',
        'POST /api/v1/residents/{id}/release',
        'POST /api/v1/residents/{id}/transfer',
        'POST /api/v1/residents/{id}/leave',
        'GET /api/v1/alerts',
        'GET /api/v1/alerts/{id}',
        'POST /api/v1/alerts/{id}/ack',
        'GET /api/v1/requests',
        'GET /api/v1/requests/{id}',
        'POST /api/v1/requests/{id}/assign',
        'POST /api/v1/requests/{id}/close',
        'POST /api/v1/sites/{id}/roster',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Me', 'HealthReport', 'ResidentTimeline', 'Alert', 'Request', 'RosterImport']),
    );
    const roster = doc.paths['/api/v1/sites/{id}/roster'].post;
    expect(Object.keys(roster.requestBody.content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(roster.responses)).toEqual(expect.arrayContaining(['200', '409', '415', '422']));
  });

  it('documents the village, digest and export routes of part 2', () => {
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/orders',
      '/api/v1/orders/{id}',
      '/api/v1/orders/{id}/bought',
      '/api/v1/orders/{id}/delivered',
      '/api/v1/jielongs',
      '/api/v1/jielongs/{id}',
      '/api/v1/water',
      '/api/v1/water/{id}/delivered',
      '/api/v1/sites/{id}/purchase-list',
      '/api/v1/sites/{id}/delivery-list',
      '/api/v1/digests/{siteId}',
      '/api/v1/digests/{siteId}/send',
      ...['temperatures', 'orders', 'purchase-list', 'delivery-list'].flatMap((f) => [
        `/api/v1/sites/{id}/exports/${f}.xlsx`,
        `/api/v1/sites/{id}/exports/${f}.csv`,
      ]),
    ])
      expect(paths, p).toContain(p);
  });

  it('gives every admin route bearer security, a tag, a summary and its error answers', () => {
    let routes = 0;
    for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const method of METHODS) {
        // biome-ignore lint/suspicious/noExplicitAny: one operation of the document
        const op = item[method] as any;
        if (!op) continue;
        routes++;
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.security, where).toEqual([{ bearer: [] }]);
        expect(op.tags?.length, where).toBe(1);
        expect(op.summary, where).toEqual(expect.any(String));
        expect(op.description, where).toMatch(/Needs a token with the permission `[a-z]+:[a-z]+`/);
        const codes = Object.keys(op.responses);
        expect(codes, where).toEqual(expect.arrayContaining(['401', '403', '429']));
        if (path.includes('{id}')) expect(codes, where).toEqual(expect.arrayContaining(['400', '404']));
        if (op.requestBody || op.parameters?.some((p: { in: string }) => p.in === 'query'))
          expect(codes, where).toContain('400');
        const error = op.responses['401'].content['application/json'].schema;
        const resolved = error.$ref ? doc.components.schemas.Error : error;
        expect(resolved.required, where).toEqual(['code', 'message']);
      }
    }
    expect(routes).toBeGreaterThanOrEqual(67);
  });

  it('leaves /healthz and /metrics open', () => {
    expect(doc.paths['/metrics'].get.security).toBeUndefined();
    expect(doc.paths['/healthz'].get.security).toBeUndefined();
  });
});

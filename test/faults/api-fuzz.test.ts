// Fuzzing the admin API: every documented route (read from /docs/json, so routes added later are fuzzed
// too) gets random and mutated path parameters, queries, bodies and headers, with tokens of every role and
// none. Whatever arrives, the answer is a client error or a success, never a 5xx; every error is our JSON
// `{ code, message }`; no response shows a stack trace or a file path; the body size limit holds.
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

const BODY_LIMIT = 64 * 1024;

let h: ApiHarness;
interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyKeys: string[];
}
let operations: Operation[] = [];
/** An admin token made after the fuzz (which may have revoked the harness's own). */
let fresh: string;

beforeAll(async () => {
  // No lock-out of the test's own address: the fuzz sends many bad tokens on purpose.
  h = await createApiHarness({ bodyLimit: BODY_LIMIT, authFailures: { max: 1e9, windowMs: 1000 } });
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document read as JSON
  const doc: any = (await h.app.inject('/docs/json')).json();
  // biome-ignore lint/suspicious/noExplicitAny: as above
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const parameters: { in: string; name: string }[] = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: Object.keys(body?.properties ?? {}),
      });
    }
  }
  // Revoking tokens goes last: the fuzz may well revoke its own tokens (ids 1, 2 … are theirs).
  const key = (o: Operation) => `${o.path.includes('/revoke') ? 1 : 0} ${o.path} ${o.method}`;
  operations = operations.sort((a, b) => key(a).localeCompare(key(b)));
});
afterAll(() => h?.close());

// Strings that have broken parsers, databases and path handling elsewhere.
const nasty = fc.constantFrom(
  '',
  '0',
  '-1',
  '1e309',
  'NaN',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999',
  '1.5',
  '0x10',
  ' 1',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  "'; drop table residents; --",
  '2020-02-30',
  '2020-13-01',
  '9999-12-31',
  '五指山',
  '😷'.repeat(50),
  'a'.repeat(5000),
  '\u0000',
  '\ud800',
);
const scalar = fc.oneof(
  nasty,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.constant('1'),
  fc.constant('2'),
);
const jsonScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2147483648, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2),
  nasty,
);

/** A body shaped like the route's own (its keys, random values), or anything at all. */
const bodyFor = (op: Operation) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    op.bodyKeys.length
      ? fc
          .subarray(op.bodyKeys)
          .chain((keys) =>
            fc.tuple(
              ...keys.map((k) =>
                fc.tuple(fc.constant(k), fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }))),
              ),
            ),
          )
          .map((pairs) => Object.fromEntries(pairs))
      : fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 10 }), jsonScalar, { maxKeys: 5 }),
  );

type Auth = 'admin' | 'staffA' | 'medicA' | 'volunteerV' | 'viewerA' | 'none' | 'garbage';
const auth = fc.constantFrom<Auth>(
  'admin',
  'admin',
  'admin',
  'staffA',
  'medicA',
  'volunteerV',
  'viewerA',
  'none',
  'garbage',
);

const request = (op: Operation) =>
  fc.record({
    params: fc.tuple(...op.params.map(() => scalar), fc.constant('')),
    query: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...op.query, 'x'), fc.string({ maxLength: 8 })), scalar),
      {
        maxLength: 4,
      },
    ),
    body: bodyFor(op),
    encoding: fc.constantFrom('json', 'json', 'json', 'text-as-json', 'form', 'none', 'octet'),
    auth,
    garbage: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'bearer x y'),
    ),
  });

const STACK =
  /\bat [^\n]*:\d+:\d+|node_modules|\/work\/|\.ts:\d+|TypeError|ReferenceError|SyntaxError: Unexpected/;

/** Requests sent and 5xx answers seen, reported at the end (CI's log shows them). */
const counts = { requests: 0, fivexx: 0 };
afterAll(() => {
  console.log(JSON.stringify({ check: 'api body fuzz', ...counts }));
});

function checkResponse(res: LightMyRequestResponse, what: string) {
  counts.requests++;
  if (res.statusCode >= 500) counts.fivexx++;
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, what).not.toMatch(STACK);
  if (res.statusCode >= 400) {
    const body = res.json() as { code?: unknown; message?: unknown };
    expect(typeof body.code, what).toBe('string');
    expect(typeof body.message, what).toBe('string');
  }
}

/** Every UTF-8 byte percent-encoded (lone surrogates become U+FFFD, as a browser would send them). */
const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function inject(
  op: Operation,
  r: {
    params: string[];
    query: [string, string][];
    body: unknown;
    encoding: string;
    auth: Auth;
    garbage: string;
  },
): Promise<LightMyRequestResponse> {
  let url = op.path;
  op.params.forEach((name, i) => {
    url = url.replace(`{${name}}`, percentEncode(r.params[i] ?? ''));
  });
  const qs = new URLSearchParams(r.query).toString();
  if (qs) url += `?${qs}`;
  const headers: Record<string, string> = {};
  if (r.auth === 'garbage') headers.authorization = r.garbage.replace(/[\r\n]/g, ' ');
  else if (r.auth !== 'none') headers.authorization = `Bearer ${h.tokens[r.auth]}`;
  const opts: InjectOptions = { method: op.method as InjectOptions['method'], url, headers };
  if (op.method !== 'GET') {
    if (r.encoding === 'json') {
      headers['content-type'] = 'application/json';
      opts.payload = JSON.stringify(r.body) ?? 'null';
    } else if (r.encoding === 'text-as-json') {
      headers['content-type'] = 'application/json';
      opts.payload = JSON.stringify(r.body)?.slice(0, -1) ?? '{';
    } else if (r.encoding === 'form') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      opts.payload = 'a=1&b=2';
    } else if (r.encoding === 'octet') {
      headers['content-type'] = 'application/octet-stream';
      opts.payload = Buffer.from([0, 1, 2, 255]);
    }
  }
  return h.app.inject(opts);
}

describe('fuzzing the admin API', () => {
  it('reads every route from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.some((o) => o.method === 'POST')).toBe(true);
  });

  it('answers random requests to every route with no 5xx and no internals', {
    timeout: 600_000,
  }, async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(request(op), async (r) => {
          const res = await inject(op, r);
          checkResponse(res, `${op.method} ${op.path} ${JSON.stringify(r).slice(0, 300)}`);
        }),
        { numRuns: 40 },
      );
    }
  });

  it.each([
    // Found by the fuzz: ?resident=2147483648 reached Postgres as an int4 and failed there.
    ['beyond the database’s ids', '2147483648'],
    // Found by the fuzz: ?entity=%00 reached Postgres, which takes no NUL in text.
    ['with a NUL character', 'a\u0000b'],
  ])('answers every query and path parameter %s without a 5xx', async (_, value) => {
    for (const op of operations) {
      for (const name of [...op.params, ...op.query]) {
        const r = {
          params: op.params.map((p) => (p === name ? value : '1')),
          query: op.query.includes(name) ? ([[name, value]] as [string, string][]) : [],
          body: {},
          encoding: 'json',
          auth: 'admin' as const,
          garbage: '',
        };
        const res = await inject(op, r);
        checkResponse(res, `${op.method} ${op.path} ${name}=${JSON.stringify(value)}`);
        if (value.includes('\u0000') && res.statusCode === 400)
          expect(res.json().fields?.[0]?.field ?? '', `${op.method} ${op.path} ${name}`).toMatch(
            /^(querystring|params)\./,
          );
      }
    }
  });

  it('refuses bodies over the limit with 413 and our error', async () => {
    fresh = await h.newToken('admin', null, 'after the fuzz');
    const writes = operations.filter((o) => o.method !== 'GET').slice(0, 8);
    expect(writes.length).toBeGreaterThan(0);
    for (const op of writes) {
      const url = op.params.reduce((u, p) => u.replace(`{${p}}`, '1'), op.path);
      const res = await h.app.inject({
        method: op.method as InjectOptions['method'],
        url,
        headers: { authorization: `Bearer ${fresh}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT * 2) }),
      });
      expect(res.statusCode, `${op.method} ${url}`).toBe(413);
      expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    }
  });

  it('answers odd headers and methods on the routes calmly', async () => {
    const odd: (InjectOptions & { url: string })[] = [
      { method: 'GET', url: '/api/v1/sites', headers: { authorization: `Bearer ${'x'.repeat(8000)}` } },
      {
        method: 'GET',
        url: '/api/v1/sites',
        headers: { authorization: `Bearer ${h.tokens.admin}`, accept: 'text/xml' },
      },
      {
        method: 'POST',
        url: '/api/v1/sites',
        headers: {
          authorization: `Bearer ${h.tokens.admin}`,
          'content-type': 'application/json; charset=latin1',
        },
        payload: '{"name":"x"}',
      },
      {
        method: 'POST',
        url: '/api/v1/sites',
        headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'text/plain' },
        payload: 'hello',
      },
      {
        method: 'POST',
        url: '/api/v1/sites',
        headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
        payload: '{"name": "a", "name": "b", "__proto__": {"admin": true}}',
      },
      {
        method: 'POST',
        url: '/api/v1/sites',
        headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
        payload: `${'['.repeat(5000)}${']'.repeat(5000)}`,
      },
      { method: 'DELETE', url: '/api/v1/sites', headers: { authorization: `Bearer ${h.tokens.admin}` } },
      { method: 'PUT', url: '/api/v1/residents/1', headers: { authorization: `Bearer ${h.tokens.admin}` } },
      {
        method: 'GET',
        url: `/api/v1/residents?${'q=1&'.repeat(2000)}`,
        headers: { authorization: `Bearer ${h.tokens.admin}` },
      },
      { method: 'GET', url: '/api/v1/%E0%A4%A', headers: { authorization: `Bearer ${h.tokens.admin}` } },
    ];
    for (const o of odd) checkResponse(await h.app.inject(o), `${o.method} ${o.url.slice(0, 80)}`);
  });

  it('still serves after the fuzz', async () => {
    expect((await h.app.inject('/healthz')).statusCode).toBe(200);
    expect((await h.call(fresh, 'GET', '/api/v1/sites')).statusCode).toBe(200);
  });
});

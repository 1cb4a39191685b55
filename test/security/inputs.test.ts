// Issue 17.10: no input gives a 500. A NUL character (which no text column takes) in any JSON string,
// query or path value is refused with a 400 naming the field, and every string an operation takes has a
// maximum length in its schema, read from the OpenAPI document so routes added later are held to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document read as JSON
let doc: any;
beforeAll(async () => {
  h = await createApiHarness();
  doc = (await h.app.inject('/docs/json')).json();
});
afterAll(() => h.close());

interface Found {
  where: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON schema
  schema: any;
}

/** Every string schema under `schema`, with its path (`body.schedule.quietStart`, `body.rooms[]`). */
// biome-ignore lint/suspicious/noExplicitAny: a JSON schema
function strings(schema: any, where: string, out: Found[] = [], depth = 0): Found[] {
  if (!schema || typeof schema !== 'object' || depth > 12) return out;
  if (schema.$ref)
    return strings(doc.components?.schemas?.[schema.$ref.split('/').pop()], where, out, depth + 1);
  for (const k of ['anyOf', 'oneOf', 'allOf'])
    for (const s of schema[k] ?? []) strings(s, where, out, depth + 1);
  if ([schema.type].flat().includes('string')) out.push({ where, schema });
  for (const [k, v] of Object.entries(schema.properties ?? {})) strings(v, `${where}.${k}`, out, depth + 1);
  if (schema.items) strings(schema.items, `${where}[]`, out, depth + 1);
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
function operations(): { method: string; path: string; op: any }[] {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

describe('strings the API takes', () => {
  it('all have a maximum length (or are enums or formats)', () => {
    const unbounded: string[] = [];
    let seen = 0;
    for (const { method, path, op } of operations()) {
      const found = [
        ...(op.parameters ?? []).flatMap((p: { in: string; name: string; schema: unknown }) =>
          strings(p.schema, `${p.in}.${p.name}`),
        ),
        ...strings(op.requestBody?.content?.['application/json']?.schema, 'body'),
      ];
      seen += found.length;
      for (const f of found)
        if (
          f.schema.maxLength === undefined &&
          !f.schema.enum &&
          f.schema.const === undefined &&
          !f.schema.format
        )
          unbounded.push(`${method} ${path} ${f.where}`);
    }
    console.log(JSON.stringify({ check: 'string maxima', strings: seen, unbounded: unbounded.length }));
    expect(seen).toBeGreaterThan(100);
    expect(unbounded).toEqual([]);
  });

  it('refuse a NUL character anywhere with a 400 naming the field, never a 500', async () => {
    let sent = 0;
    const wrong: string[] = [];
    const check = async (method: string, url: string, payload: unknown, field: string) => {
      const res = await h.call(h.tokens.admin, method as 'POST', url, payload);
      sent++;
      const got = res.statusCode === 400 ? res.json().fields?.[0]?.field : `${res.statusCode}`;
      if (got !== field) wrong.push(`${method} ${url} ${field}: ${got}`);
    };
    for (const { method, path, op } of operations()) {
      if (!path.startsWith('/api/v1/')) continue;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const body = op.requestBody?.content?.['application/json']?.schema;
      for (const f of strings(body, 'body')) {
        // The field's own place in a body holding nothing else: a.b[] becomes { a: { b: ['x\0y'] } }.
        const keys = f.where.split('.').slice(1);
        // biome-ignore lint/suspicious/noExplicitAny: a body built from a path
        let payload: any = 'x\u0000y';
        let field = 'body';
        for (const k of [...keys].reverse())
          payload = k.endsWith('[]') ? { [k.slice(0, -2)]: [payload] } : { [k]: payload };
        for (const k of keys) field += k.endsWith('[]') ? `.${k.slice(0, -2)}.0` : `.${k}`;
        await check(method, url, payload, field);
      }
      for (const p of (op.parameters ?? []) as { in: string; name: string }[]) {
        if (p.in === 'query')
          await check(
            method,
            `${url}?${p.name}=a%00b`,
            method === 'GET' ? undefined : {},
            `querystring.${p.name}`,
          );
        if (p.in === 'path')
          await check(
            method,
            path.replace(`{${p.name}}`, '1%00').replace(/\{[^}]+\}/g, '1'),
            method === 'GET' ? undefined : {},
            `params.${p.name}`,
          );
      }
    }
    console.log(JSON.stringify({ check: 'NUL in every field', requests: sent, wrong: wrong.length }));
    expect(sent).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});

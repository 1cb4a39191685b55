// Issue 17.9: every route × every caller, read from the OpenAPI document so routes added later are walked
// too. A caller without the route's permission gets 403 (401 without a token), a record of a site outside
// the token's sites gets 403, and every answer a caller does get carries only what its role may read:
// phones and nicknames need registry:read (a volunteer sees a household's phone on its orders), readings
// need health:read, requests' words need requests:read, messages' words need messages:read, and nothing
// of a site outside the token's sites shows at all. Reports its counts: requests sent, 5xx seen (0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiRole, can, type Permission } from '../../src/core/auth/permissions.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { say } from '../helpers/health-api.js';

let h: ApiHarness;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document read as JSON
let doc: any;
const ids: Record<string, number> = {};

// What must show only to the roles and sites allowed to see it.
const SECRET = {
  phoneA: '13911112222', // resident of site A
  nickA: '2105高',
  phoneB: '13933334444', // resident of site B
  nickB: '301李某',
  phoneV: '13955556666', // household of village V
  feverA: '38.6',
  requestA: '老花镜',
  reviewA: '37.5是不是就算发烧了',
  orderV: '尿素',
};

beforeAll(async () => {
  h = await createApiHarness();
  doc = (await h.app.inject('/docs/json')).json();
  const post = async (url: string, body: unknown) => {
    const res = await h.call(h.tokens.admin, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  ids.residentA = await post('/api/v1/residents', {
    siteId: h.sites.a,
    name: '高某',
    room: '2105',
    start: '2020-02-10',
    wechat: SECRET.nickA,
    phone: SECRET.phoneA,
  });
  ids.residentB = await post('/api/v1/residents', {
    siteId: h.sites.b,
    name: '李某',
    room: '301',
    start: '2020-02-10',
    wechat: SECRET.nickB,
    phone: SECRET.phoneB,
  });
  ids.household = await post('/api/v1/households', {
    siteId: h.sites.v,
    name: '王大伯',
    group: '三组',
    phone: SECRET.phoneV,
    wechat: '王大伯',
  });
  await say(h, TOPICS.aResidents, SECRET.nickA, `2105 体温${SECRET.feverA}`, '2020-02-15 08:05');
  await say(h, TOPICS.aResidents, SECRET.nickA, `2105 需要一副${SECRET.requestA}`, '2020-02-15 08:10');
  await say(h, TOPICS.aResidents, SECRET.nickA, SECRET.reviewA, '2020-02-15 08:20');
  await say(h, TOPICS.bResidents, SECRET.nickB, '301 体温38.9', '2020-02-15 08:06');
  await say(h, TOPICS.vVillagers, '王大伯', `${SECRET.orderV}要两袋`, '2020-02-15 09:00');
  const first = async (url: string) => {
    const items = (await h.call(h.tokens.admin, 'GET', url)).json().items as { id: number }[];
    expect(items.length, url).toBeGreaterThan(0);
    return items[0]?.id as number;
  };
  ids.alertA = await first(`/api/v1/alerts?site=${h.sites.a}`);
  ids.requestA = await first(`/api/v1/requests?site=${h.sites.a}`);
  ids.orderV = await first(`/api/v1/orders?site=${h.sites.v}`);
  ids.messageA = await first('/api/v1/messages');
  ids.outbox = await first('/api/v1/outbox');
});
afterAll(() => h.close());

interface Caller {
  name: string;
  token: string | null;
  role: ApiRole | null;
  sites: number[] | null;
}

/** The record a path's parameter stands for, by the path it is in, for a route on site A or village V. */
function fill(path: string, family: 'a' | 'v'): { url: string; siteId: number | null } {
  const site = family === 'a' ? h.sites.a : h.sites.v;
  const byPath: [RegExp, number, number | null][] = [
    [/^\/api\/v1\/(sites|digests)\/\{(id|siteId)\}/, site, site],
    [/^\/api\/v1\/residents\/\{id\}/, ids.residentA as number, h.sites.a],
    [/^\/api\/v1\/households\/\{id\}/, ids.household as number, h.sites.v],
    [/^\/api\/v1\/alerts\/\{id\}/, ids.alertA as number, h.sites.a],
    [/^\/api\/v1\/requests\/\{id\}/, ids.requestA as number, h.sites.a],
    [/^\/api\/v1\/orders\/\{id\}/, ids.orderV as number, h.sites.v],
    [/^\/api\/v1\/messages\/\{id\}/, ids.messageA as number, h.sites.a],
    [/^\/api\/v1\/outbox\/\{id\}/, ids.outbox as number, null],
  ];
  for (const [re, id, siteId] of byPath)
    if (re.test(path)) return { url: path.replace(/\{[^}]+\}/, String(id)), siteId };
  // Records the walk did not make (tokens, groups, 接龙 lists, water): scope is checked elsewhere.
  return { url: path.replace(/\{[^}]+\}/g, '1'), siteId: path.includes('{') ? -1 : null };
}

/** What `caller` may not see in an answer. */
function forbiddenWords(c: Caller): string[] {
  if (!c.role) return [];
  const inScope = (site: number) => c.sites === null || c.sites.includes(site);
  const may = (p: Permission) => can(c.role as ApiRole, p);
  const out: string[] = [];
  if (!inScope(h.sites.a) || !may('registry:read')) out.push(SECRET.phoneA);
  if (!inScope(h.sites.a) || !(may('registry:read') || may('requests:read') || may('messages:read')))
    out.push(SECRET.nickA);
  if (!inScope(h.sites.b)) out.push(SECRET.phoneB, SECRET.nickB);
  if (!inScope(h.sites.v) || !(may('registry:read') || may('orders:read'))) out.push(SECRET.phoneV);
  if (!inScope(h.sites.a) || !may('health:read')) out.push(SECRET.feverA);
  if (!inScope(h.sites.a) || !may('requests:read')) out.push(SECRET.requestA);
  if (!inScope(h.sites.a) || !may('messages:read')) out.push(SECRET.reviewA);
  if (!inScope(h.sites.v) || !may('orders:read')) out.push(SECRET.orderV);
  return out;
}

describe('every route × every caller', () => {
  it('answers by the permission table, and shows each caller only what it may read', async () => {
    const callers: Caller[] = [
      { name: 'admin', token: h.tokens.admin, role: 'admin', sites: null },
      { name: 'staff A', token: h.tokens.staffA, role: 'staff', sites: [h.sites.a] },
      { name: 'staff B', token: h.tokens.staffB, role: 'staff', sites: [h.sites.b] },
      { name: 'medic A', token: h.tokens.medicA, role: 'medic', sites: [h.sites.a] },
      { name: 'volunteer V', token: h.tokens.volunteerV, role: 'volunteer', sites: [h.sites.v] },
      { name: 'viewer A', token: h.tokens.viewerA, role: 'viewer', sites: [h.sites.a] },
      { name: 'no token', token: null, role: null, sites: null },
    ];
    let sent = 0;
    let fivexx = 0;
    const wrong: string[] = [];
    // biome-ignore lint/suspicious/noExplicitAny: as above
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(item)) {
        const permission = /`([a-z]+:[a-z]+)`/.exec(String(op.description))?.[1] as Permission;
        expect(permission, `${method} ${path}`).toBeTruthy();
        for (const family of ['a', 'v'] as const) {
          const { url, siteId } = fill(path, family);
          for (const c of callers) {
            const where = `${c.name} ${method.toUpperCase()} ${url}`;
            const allowed = c.role !== null && can(c.role, permission);
            // Writes are sent only to callers that must be refused: the walk changes nothing.
            if (method !== 'get' && allowed) continue;
            const res = await h.call(
              c.token,
              method.toUpperCase() as 'GET',
              url,
              method === 'get' ? undefined : {},
            );
            sent++;
            if (res.statusCode >= 500) fivexx++;
            const want = c.role === null ? 401 : !allowed ? 403 : null;
            if (want !== null) {
              if (res.statusCode !== want) wrong.push(`${where}: ${res.statusCode}, wanted ${want}`);
              continue;
            }
            const outOfScope = siteId !== null && siteId > 0 && c.sites !== null && !c.sites.includes(siteId);
            if (outOfScope && res.statusCode !== 403) wrong.push(`${where}: ${res.statusCode}, wanted 403`);
            // A site of the other kind answers 409 (or 404: no observation site of that id).
            const otherKind =
              res.statusCode === 409 || (res.statusCode === 404 && res.body.includes('observation site'));
            if (!outOfScope && siteId !== -1 && res.statusCode !== 200 && !otherKind)
              wrong.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
            if (res.statusCode !== 200) continue;
            const body = String(res.headers['content-type']).includes('spreadsheet') ? '' : res.body;
            for (const word of forbiddenWords(c))
              if (body.includes(word)) wrong.push(`${where}: shows ${word}`);
          }
        }
      }
    }
    console.log(JSON.stringify({ check: 'route × role walk', requests: sent, fivexx }));
    expect(fivexx).toBe(0);
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 120_000);
});

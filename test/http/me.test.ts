// /api/v1/me: the token's own name, role, permissions and the sites it may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/core/auth/permissions.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

describe('GET /me', () => {
  it('shows an admin token every site and every permission', async () => {
    const res = await h.call(h.tokens.admin, 'GET', '/api/v1/me');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({ name: 'root', role: 'admin', siteIds: null });
    expect(me.permissions).toEqual(permissionsOf('admin'));
    expect(me.permissions).toContain('tokens:manage');
    expect(me.sites).toEqual([
      { id: h.sites.a, name: '五指山观察点', kind: 'quarantine', zone: 'Asia/Shanghai' },
      { id: h.sites.b, name: '金凤观察点', kind: 'quarantine', zone: 'Asia/Shanghai' },
      { id: h.sites.v, name: '七星洞村', kind: 'village', zone: 'Asia/Shanghai' },
      { id: h.sites.w, name: '白云村', kind: 'village', zone: 'Asia/Shanghai' },
    ]);
  });

  it('shows a site-limited token only its sites and its role’s permissions', async () => {
    const staff = (await h.call(h.tokens.staffB, 'GET', '/api/v1/me')).json();
    expect(staff).toMatchObject({ name: 'staff-b', role: 'staff', siteIds: [h.sites.b] });
    expect(staff.sites.map((s: { id: number }) => s.id)).toEqual([h.sites.b]);
    expect(staff.permissions).toContain('health:read');
    expect(staff.permissions).not.toContain('tokens:manage');
    const volunteer = (await h.call(h.tokens.volunteerV, 'GET', '/api/v1/me')).json();
    expect(volunteer).toMatchObject({ role: 'volunteer', siteIds: [h.sites.v] });
    expect(volunteer.sites).toEqual([
      { id: h.sites.v, name: '七星洞村', kind: 'village', zone: 'Asia/Shanghai' },
    ]);
    expect(volunteer.permissions).toEqual(permissionsOf('volunteer'));
    const viewer = (await h.call(h.tokens.viewerA, 'GET', '/api/v1/me')).json();
    expect(viewer.permissions).toEqual(['sites:read', 'digests:read', 'counts:read']);
  });

  it('needs a valid token (401)', async () => {
    expect((await h.call(null, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const bad = await h.call('nope', 'GET', '/api/v1/me');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('UNAUTHENTICATED');
  });
});

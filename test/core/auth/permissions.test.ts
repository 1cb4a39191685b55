import { describe, expect, it } from 'vitest';
import {
  API_ROLES,
  can,
  decide,
  PERMISSIONS,
  type Permission,
  type Principal,
  permissionsOf,
  tokenScopeProblems,
} from '../../../src/core/auth/permissions.js';

const principal = (role: Principal['role'], siteIds: number[] | null): Principal => ({
  tokenId: 1,
  name: 't',
  role,
  siteIds,
});

describe('the permission table', () => {
  it('gives admin every permission', () => {
    expect(PERMISSIONS.every((p) => can('admin', p))).toBe(true);
    expect(permissionsOf('admin')).toEqual([...PERMISSIONS]);
  });

  it('gives each other role exactly its own permissions', () => {
    expect(permissionsOf('staff').sort()).toEqual(
      [
        'counts:read',
        'digests:read',
        'digests:send',
        'health:read',
        'health:write',
        'messages:read',
        'messages:review',
        'registry:read',
        'registry:write',
        'requests:read',
        'requests:write',
        'sandbox:use',
        'sites:read',
      ].sort(),
    );
    expect(permissionsOf('medic').sort()).toEqual(
      ['counts:read', 'digests:read', 'health:read', 'health:write', 'sites:read'].sort(),
    );
    expect(permissionsOf('volunteer').sort()).toEqual(
      ['counts:read', 'digests:read', 'orders:read', 'orders:write', 'sites:read'].sort(),
    );
    expect(permissionsOf('viewer').sort()).toEqual(['counts:read', 'digests:read', 'sites:read'].sort());
  });

  it('keeps health data from volunteers and viewers, and orders from medics and viewers', () => {
    const denied: [Principal['role'], Permission][] = [
      ['volunteer', 'health:read'],
      ['volunteer', 'registry:read'],
      ['viewer', 'health:read'],
      ['viewer', 'registry:read'],
      ['medic', 'orders:read'],
      ['medic', 'registry:read'],
      ['staff', 'tokens:manage'],
      ['staff', 'audit:read'],
      ['staff', 'sites:write'],
    ];
    for (const [role, p] of denied) expect(can(role, p), `${role} ${p}`).toBe(false);
  });

  it('only admin may manage tokens and read the audit log', () => {
    for (const role of API_ROLES) {
      expect(can(role, 'tokens:manage')).toBe(role === 'admin');
      expect(can(role, 'audit:read')).toBe(role === 'admin');
    }
  });
});

describe('decide', () => {
  it('checks the role before the site', () => {
    expect(decide(principal('volunteer', [3]), 'health:read', 3)).toBe('role');
    expect(decide(principal('volunteer', [3]), 'orders:read', 3)).toBe('allowed');
    expect(decide(principal('volunteer', [3]), 'orders:read', 4)).toBe('site');
  });

  it('lets all-sites tokens touch records of no site, and nobody else', () => {
    expect(decide(principal('admin', null), 'messages:read', null)).toBe('allowed');
    expect(decide(principal('staff', [1]), 'messages:read', null)).toBe('site');
  });

  it('checks only the role when no site is at stake', () => {
    expect(decide(principal('staff', [1]), 'registry:read')).toBe('allowed');
    expect(decide(principal('viewer', [1]), 'registry:read')).toBe('role');
  });
});

describe('token scopes', () => {
  const quarantine = { id: 1, name: '五指山观察点', kind: 'quarantine' as const };
  const village = { id: 2, name: '七星洞村', kind: 'village' as const };

  it('lets only admin span every site, and admin only that', () => {
    expect(tokenScopeProblems('admin', null)).toEqual([]);
    expect(tokenScopeProblems('admin', [quarantine])).toEqual([
      'admin tokens span every site; give no sites',
    ]);
    expect(tokenScopeProblems('staff', null)).toEqual(['a staff token needs at least one site']);
    expect(tokenScopeProblems('viewer', [])).toEqual(['a viewer token needs at least one site']);
    expect(tokenScopeProblems('medic', [quarantine])).toEqual([]);
  });

  it('gives volunteers villages only', () => {
    expect(tokenScopeProblems('volunteer', [village])).toEqual([]);
    expect(tokenScopeProblems('volunteer', [village, quarantine])).toEqual([
      '五指山观察点 is not a village; volunteer tokens are for villages',
    ]);
  });
});

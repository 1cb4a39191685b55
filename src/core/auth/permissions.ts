// Who may do what through the admin API: a role gives permissions, a token's sites limit where. Every
// route names the permission it needs, and every record it touches is checked against the token's sites.

export const API_ROLES = ['admin', 'staff', 'medic', 'volunteer', 'viewer'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export const PERMISSIONS = [
  /** Sites' names and settings (every role, within its sites). */
  'sites:read',
  /** Create sites, change their settings. */
  'sites:write',
  /** Which WeChat group belongs to which site and role. */
  'groups:read',
  'groups:write',
  /** Rooms, residents, households. */
  'registry:read',
  'registry:write',
  /** Temperature reports, symptoms and alerts. */
  'health:read',
  /** Acknowledge alerts. */
  'health:write',
  /** Residents' requests (tickets). */
  'requests:read',
  'requests:write',
  /** Village orders, 接龙 lists, purchase and delivery lists, water bookings. */
  'orders:read',
  'orders:write',
  'digests:read',
  'digests:send',
  /** Counts per site (residents, open alerts, open orders …), no personal data. */
  'counts:read',
  /** Messages the bot could not place, kept for staff review. */
  'messages:read',
  'messages:review',
  /** What the bot sent or queued. */
  'outbox:read',
  'outbox:write',
  'tokens:manage',
  'audit:read',
  /** The simulated WeChat of sandbox mode (say things in its groups, read their transcripts). */
  'sandbox:use',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Exclude<ApiRole, 'admin'>, readonly Permission[]> = {
  staff: [
    'sites:read',
    'registry:read',
    'registry:write',
    'health:read',
    'health:write',
    'requests:read',
    'requests:write',
    'digests:read',
    'digests:send',
    'counts:read',
    'messages:read',
    'messages:review',
    'sandbox:use',
  ],
  medic: ['sites:read', 'health:read', 'health:write', 'digests:read', 'counts:read'],
  volunteer: ['sites:read', 'orders:read', 'orders:write', 'digests:read', 'counts:read'],
  viewer: ['sites:read', 'digests:read', 'counts:read'],
};

export const ROLE_DESCRIPTIONS: Record<ApiRole, string> = {
  admin: 'everything, on every site',
  staff:
    "their sites' rooms, residents, households, health reports, alerts, requests, digests, unplaced messages",
  medic: "their sites' health reports and alerts, and digests",
  volunteer: "their villages' orders, 接龙 lists, purchase and delivery lists, water bookings, digests",
  viewer: 'digests and counts of their sites',
};

/** What a request acts as: a token (or the command line, with tokenId null). */
export interface Principal {
  tokenId: number | null;
  name: string;
  role: ApiRole;
  /** null: every site. */
  siteIds: number[] | null;
}

export function can(role: ApiRole, permission: Permission): boolean {
  return role === 'admin' || ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: ApiRole): Permission[] {
  return role === 'admin' ? [...PERMISSIONS] : [...ROLE_PERMISSIONS[role]];
}

/** Whether a record of `siteId` is within the principal's sites. Records of no site: all-sites tokens only. */
export function inScope(p: Pick<Principal, 'siteIds'>, siteId: number | null): boolean {
  if (p.siteIds === null) return true;
  return siteId !== null && p.siteIds.includes(siteId);
}

export type Decision = 'allowed' | 'role' | 'site';

/** May `p` use `permission` on a record of `siteId` (omit it for actions that touch no site's records)? */
export function decide(p: Principal, permission: Permission, siteId?: number | null): Decision {
  if (!can(p.role, permission)) return 'role';
  if (siteId !== undefined && !inScope(p, siteId)) return 'site';
  return 'allowed';
}

/**
 * Problems with the sites a new token of `role` is limited to (empty when fine): only admin tokens may
 * span every site; volunteers work in villages.
 */
export function tokenScopeProblems(
  role: ApiRole,
  sites: { id: number; name: string; kind: 'quarantine' | 'village' }[] | null,
): string[] {
  // A site-limited admin could mint all-sites tokens, so admin tokens always span every site.
  if (role === 'admin') return sites === null ? [] : ['admin tokens span every site; give no sites'];
  if (sites === null || sites.length === 0) return [`a ${role} token needs at least one site`];
  if (role === 'volunteer') {
    return sites
      .filter((s) => s.kind !== 'village')
      .map((s) => `${s.name} is not a village; volunteer tokens are for villages`);
  }
  return [];
}

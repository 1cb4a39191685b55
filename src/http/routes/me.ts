// /api/v1/me: who the token is — its name, role, sites and permissions — for the console to shape itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ROLES, PERMISSIONS, permissionsOf } from '../../core/auth/permissions.js';
import { SITE_KINDS } from '../../core/domain.js';
import type { Uses } from '../api.js';
import { principalOf, scopeOf } from '../auth.js';

const Me = z
  .object({
    name: z.string().describe('The token’s label'),
    role: z.enum(API_ROLES),
    siteIds: z
      .array(z.number().int())
      .nullable()
      .describe('The sites the token is limited to; null: every site'),
    permissions: z.array(z.enum(PERMISSIONS)),
    sites: z
      .array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          kind: z.enum(SITE_KINDS),
          zone: z.string().describe('The site’s IANA time zone'),
        }),
      )
      .describe('The sites the token may see'),
  })
  .meta({ id: 'Me' });

export const meRoutes =
  (ctx: Uses<'sites'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me',
      {
        config: { permission: 'sites:read' },
        schema: {
          tags: ['me'],
          summary: 'The token itself: name, role, sites and permissions',
          response: { 200: Me },
        },
      },
      async (req) => {
        const p = principalOf(req);
        const sites: { id: number; name: string; kind: (typeof SITE_KINDS)[number]; zone: string }[] = [];
        let afterId: number | undefined;
        for (;;) {
          const rows = await ctx.services.admin.sites.list({ scope: scopeOf(req), afterId, limit: 500 });
          sites.push(...rows.map((s) => ({ id: s.id, name: s.name, kind: s.kind, zone: s.timeZone })));
          if (rows.length < 500) break;
          afterId = rows[rows.length - 1]?.id;
        }
        return {
          name: p.name,
          role: p.role,
          siteIds: p.siteIds,
          permissions: permissionsOf(p.role),
          sites,
        };
      },
    );
  };

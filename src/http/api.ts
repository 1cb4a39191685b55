// The admin API under /api/v1: authentication first, then one plugin per resource. Every route declares
// its permission and its zod schemas (params, querystring, body, responses), which document it at /docs.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createFailureLimiter } from '../core/auth/failure-limiter.js';
import type { Clock } from '../core/clock.js';
import { toZonedIso } from '../core/time.js';
import type { Services } from '../services/index.js';
import { registerAuth, requireSite, scopeOf } from './auth.js';
import { invalidField } from './errors.js';
import { alertRoutes } from './routes/alerts.js';
import { auditRoutes } from './routes/audit.js';
import { callListRoutes } from './routes/call-list.js';
import { digestRoutes } from './routes/digests.js';
import { exportRoutes } from './routes/exports.js';
import { groupRoutes } from './routes/groups.js';
import { householdRoutes } from './routes/households.js';
import { jielongRoutes } from './routes/jielongs.js';
import { listRoutes } from './routes/lists.js';
import { meRoutes } from './routes/me.js';
import { messageRoutes } from './routes/messages.js';
import { orderRoutes } from './routes/orders.js';
import { outboxRoutes } from './routes/outbox.js';
import { reportRoutes } from './routes/reports.js';
import { requestRoutes } from './routes/requests.js';
import { residentHealthRoutes } from './routes/resident-health.js';
import { residentRoutes } from './routes/residents.js';
import { roomRoutes } from './routes/rooms.js';
import { rosterRoutes } from './routes/roster.js';
import { type SandboxChat, sandboxRoutes } from './routes/sandbox.js';
import { siteRoutes } from './routes/sites.js';
import { tokenRoutes } from './routes/tokens.js';
import { waterRoutes } from './routes/water.js';

export interface ApiDeps {
  services: Services;
  clock: Clock;
  /** The zone timestamps are shown in (each carries its offset, so any zone would be exact). */
  defaultZone: string;
  /** After a site's settings changed: the scheduler rebuilds its timetable. */
  onSitesChanged?: () => void | Promise<void>;
  /** Bad tokens allowed per address within the window before it is refused (default 20 in 10 minutes). */
  authFailures?: { max: number; windowMs: number };
  /** The outbox worker's daily cap and reserve per group (shown with each group's use of its day). */
  outboxBudget?: { cap: number; reserve: number };
  /** The simulated WeChat, when the service runs on it: the /sandbox routes are registered then only. */
  sandbox?: SandboxChat;
}

/** What the route plugins share. */
export interface ApiContext extends ApiDeps {
  instant(at: Date): string;
  instantOrNull(at: Date | null): string | null;
  /** The scope of a list, and the `?site=` filter checked: unknown is a 400, out of the token's sites a 403. */
  listScope(req: FastifyRequest, site?: number): Promise<{ scope: number[] | null; siteId?: number }>;
  sitesChanged(): Promise<void>;
}

type AdminServices = Services['admin'];

/**
 * What one route plugin may use: the shared context with only the admin use cases `A` and the other
 * services `T` it names (`Uses<'health' | 'residents'>`), so a route gets only what it uses.
 */
export type Uses<
  A extends keyof AdminServices = never,
  T extends Exclude<keyof Services, 'admin'> = never,
> = Omit<ApiContext, 'services'> & { services: { admin: Pick<AdminServices, A> } & Pick<Services, T> };

export const adminApi =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    registerAuth(app, {
      tokens: deps.services.tokens,
      clock: deps.clock,
      limiter: createFailureLimiter(deps.authFailures ?? { max: 20, windowMs: 10 * 60_000 }),
    });
    const instant = (at: Date) => toZonedIso(at, deps.defaultZone);
    const ctx: ApiContext = {
      ...deps,
      instant,
      instantOrNull: (at) => (at ? instant(at) : null),
      async listScope(req, site) {
        if (site === undefined) return { scope: scopeOf(req) };
        if (!(await deps.services.admin.sites.get(site)))
          throw invalidField('querystring.site', `no site with id ${site}`);
        requireSite(req, site);
        return { scope: scopeOf(req), siteId: site };
      },
      async sitesChanged() {
        try {
          await deps.onSitesChanged?.();
        } catch (err) {
          app.log.error({ err }, 'rebuilding the timetable after a site change failed');
        }
      },
    };
    for (const routes of [
      meRoutes,
      tokenRoutes,
      siteRoutes,
      groupRoutes,
      roomRoutes,
      residentRoutes,
      householdRoutes,
      messageRoutes,
      outboxRoutes,
      auditRoutes,
      alertRoutes,
      requestRoutes,
      reportRoutes,
      residentHealthRoutes,
      callListRoutes,
      rosterRoutes,
      // Village, digests and exports (issue 7, part 2).
      digestRoutes,
      orderRoutes,
      jielongRoutes,
      waterRoutes,
      listRoutes,
      exportRoutes,
    ])
      await app.register(routes(ctx));
    if (deps.sandbox) await app.register(sandboxRoutes(ctx, deps.sandbox));
  };

// buildApp(deps): the Fastify application as a value. Building has no side effects; main.ts listens.
// External plugins first (security headers, OpenAPI, docs), then our own (errors), then routes.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../services/metrics.js';
import { type ApiDeps, adminApi } from './api.js';
import { registerErrorHandling } from './errors.js';
import { consoleRoutes } from './routes/console.js';
import { type HealthStatus, healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';

export interface AppDeps {
  log: Logger;
  health: () => Promise<HealthStatus>;
  version?: string;
  /** The admin API under /api/v1 (left out when absent). */
  api?: ApiDeps;
  /** GET /metrics (left out when absent). */
  metrics?: { metrics: Metrics; database: Database };
  /** Whose X-Forwarded-For to believe (default: nobody's; the socket's address is the client's). */
  trustProxy?: boolean | number | string[];
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
}

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A number of hops as the function Fastify's types take (its runtime takes the number too). */
function trustProxyOption(
  t: AppDeps['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_address, hop) => hop < t;
  return t ?? false;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy),
    // Per-request info lines would drown the bot's own log; errors are logged by our error handler.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Security headers everywhere. The CSP allows only our own origin, which is all Swagger UI at /docs
  // (its scripts and styles are files, its images data: URIs) and a console served at / need. No
  // upgrade-insecure-requests: the service is often reached over plain HTTP on a local network.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'shouwang 守望 admin API',
        description:
          'Sites, groups, rooms, residents, households, messages for review, the outbox and the audit log of ' +
          'the shouwang WeChat bot. Every /api/v1 route takes `Authorization: Bearer <token>` ' +
          '(`shouwang token create`); lists page with `?limit=` and `?cursor=` and answer `{ items, nextCursor }`.',
        version: deps.version ?? '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerErrorHandling(app);
  await app.register(healthRoutes(deps.health));
  if (deps.metrics) await app.register(metricsRoutes(deps.metrics.metrics, deps.metrics.database));
  if (deps.api) {
    await app.register(adminApi(deps.api), { prefix: '/api/v1' });
    // The staff console at / speaks only to the admin API, so it comes with it.
    await app.register(consoleRoutes);
  }
  return app;
}

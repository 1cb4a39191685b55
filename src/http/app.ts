// buildApp(deps): the Fastify application as a value. Building has no side effects; main.ts listens.
// External plugins first (OpenAPI, docs), then our own (errors), then routes.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../log.js';
import { registerErrorHandling } from './errors.js';
import { type HealthStatus, healthRoutes } from './routes/health.js';

export interface AppDeps {
  log: Logger;
  health: () => Promise<HealthStatus>;
  version?: string;
}

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Per-request info lines would drown the bot's own log; errors are logged by our error handler.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'shouwang 守望 admin API',
        description: 'Sites, residents, reports, requests, orders and digests of the shouwang WeChat bot.',
        version: deps.version ?? '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerErrorHandling(app);
  await app.register(healthRoutes(deps.health));
  return app;
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface HealthStatus {
  database: { driver: 'pglite' | 'postgres'; state: 'up' | 'down' };
  chat: {
    puppet: 'mock' | 'service';
    state: 'stopped' | 'starting' | 'online' | 'offline';
    user: string | null;
  };
  /** How late the event loop ran lately (ms); a busy loop stops intake, the outbox and jobs alike. */
  eventLoop: { p99Ms: number; maxMs: number };
}

/** An event loop this late is reported as degraded. */
export const EVENT_LOOP_DEGRADED_MS = 1_000;

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  sandbox: z.boolean(),
  database: z.object({ driver: z.enum(['pglite', 'postgres']), state: z.enum(['up', 'down']) }),
  chat: z.object({
    puppet: z.enum(['mock', 'service']),
    state: z.enum(['stopped', 'starting', 'online', 'offline']),
    user: z.string().nullable(),
  }),
  eventLoop: z.object({
    p99Ms: z.number().describe('99th percentile of the event loop delay in the last 5 s window'),
    maxMs: z.number().describe('Largest event loop delay in that window'),
  }),
  uptimeSec: z.number(),
});

/**
 * `GET /healthz`: 200 while the database answers (chat state and event-loop lag are reported, not required);
 * 503 otherwise.
 */
export const healthRoutes =
  (check: () => Promise<HealthStatus>): FastifyPluginAsyncZod =>
  async (app) => {
    const startedAt = Date.now();
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness and the states of the database and the WeChat connection',
          response: { 200: HealthSchema, 503: HealthSchema },
        },
      },
      async (_req, reply) => {
        const h = await check();
        const status =
          h.database.state === 'down'
            ? 'down'
            : h.chat.state === 'online' && h.eventLoop.p99Ms < EVENT_LOOP_DEGRADED_MS
              ? 'ok'
              : 'degraded';
        return reply.code(status === 'down' ? 503 : 200).send({
          status,
          sandbox: h.chat.puppet === 'mock',
          ...h,
          uptimeSec: Math.round((Date.now() - startedAt) / 1000),
        });
      },
    );
  };

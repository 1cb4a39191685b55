// GET /metrics: Prometheus text format. No token: the service listens on 127.0.0.1 unless told
// otherwise, and whoever can reach it there can read counts (no personal data) anyway.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
import type { Metrics } from '../../services/metrics.js';

export const metricsRoutes =
  (metrics: Metrics, database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics: messages, records, unplaced messages, alerts, outbox, jobs, database',
          response: {
            200: {
              description: 'Prometheus text exposition format',
              content: { 'text/plain': { schema: z.string() } },
            },
          },
        },
      },
      async (_req, reply) => {
        const text = await metrics.scrape(database);
        return reply.type(metrics.contentType).send(text);
      },
    );
  };

import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CLI and end-to-end tests start real processes, and CI machines are shared.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // At least two workers (vitest's default on a two-core machine would be one), each running its files one after
    // another in one process: the modules (Wechaty, Fastify, PGlite) load once a worker, not once a file.
    // Files keep no state between them: each makes its own service, database (test/helpers/db.ts) and home.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    isolate: false,
    setupFiles: ['test/helpers/setup.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});

import { defineConfig } from 'drizzle-kit';

// Generation only (`npm run db:generate`): migrations are applied by the service itself at start and
// by `shouwang db migrate`, on PGlite or Postgres alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});

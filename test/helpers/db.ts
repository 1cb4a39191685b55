// A database of its own for each test file: in-memory PGlite by default; with DATABASE_URL set, a fresh
// Postgres database created next to the one the URL names, migrated, and dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase extends Database {
  /** The URL of this test's own Postgres database (null on PGlite). */
  url: string | null;
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const template = opts.migrate === false ? null : pgliteTemplate();
    const db = await openDatabase({ dataDir: 'memory://', ...(template ? { pgliteDump: template } : {}) });
    if (opts.migrate !== false) await db.migrate();
    return { ...db, url: null };
  }
  const name = `shouwang_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 5 });
  if (opts.migrate !== false) await db.migrate();
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

let templateBlob: Blob | null | undefined;
function pgliteTemplate(): Blob | null {
  if (templateBlob === undefined) {
    const file = inject('pgliteTemplate');
    templateBlob = file && fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : null;
  }
  return templateBlob;
}

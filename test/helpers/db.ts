// A database of its own for each test: in-memory PGlite by default; with DATABASE_URL set, a fresh
// Postgres database created next to the one the URL names, migrated, and dropped afterwards.
//
// Starting PGlite costs most of a second of CPU, and the bot tests start a whole service per test, so a
// test worker keeps the embedded databases it has opened: a database closed by one test is emptied (every
// table truncated, identities and sequences restarted, the session discarded) and handed to the next,
// which sees exactly what a fresh migrated database holds (the migrations insert no rows). They go with the
// worker's process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
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
    if (!template) {
      const db = await openDatabase({ dataDir: 'memory://' });
      if (opts.migrate !== false) await db.migrate();
      return { ...db, url: null };
    }
    const client = await takeEmbedded(template);
    const db = await openDatabase({ pglite: client });
    return {
      ...db,
      url: null,
      async close() {
        await db.close();
        idle.push(client);
      },
    };
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

/** Embedded databases this test file opened and no test holds now. */
const idle: PGlite[] = [];

async function takeEmbedded(template: Blob): Promise<PGlite> {
  for (let client = idle.pop(); client; client = idle.pop()) {
    try {
      await empty(client);
      return client;
    } catch {
      // left in a state that cannot be emptied (an open transaction): start another
      await client.close().catch(() => {});
    }
  }
  const client = await PGlite.create({ loadDataDir: template });
  return client;
}

async function empty(client: PGlite): Promise<void> {
  await client.exec(`
    DO $$
    DECLARE r record;
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public') THEN
        EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ')
                 || ' RESTART IDENTITY CASCADE' FROM pg_tables WHERE schemaname = 'public');
      END IF;
      FOR r IN SELECT sequence_schema s, sequence_name n FROM information_schema.sequences
               WHERE sequence_schema = 'public' LOOP
        EXECUTE format('ALTER SEQUENCE %I.%I RESTART', r.s, r.n);
      END LOOP;
    END $$;
  `);
  // alone: DISCARD cannot run in the implicit transaction of a multi-statement string
  await client.exec('DISCARD ALL');
}

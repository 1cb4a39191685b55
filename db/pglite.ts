// Embedded PGlite: a data directory (locked to one process) or memory:// in tests, behind the same Database the
// Postgres driver gives (db/client.ts chooses).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, DatabaseUnavailableError, type Db, errText, MIGRATIONS_FOLDER } from './database.js';
import { schema } from './schema.js';

/**
 * PGlite's data directory belongs to one process at a time, and PGlite itself does not say so: a second
 * process (the CLI beside `npm start`) would open it and corrupt it. A lock file beside the directory
 * holds the owner's pid; another live process's lock is refused with a clear message, a dead one's taken.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (owner === process.pid) break;
      if (Number.isInteger(owner) && owner > 0 && alive(owner))
        throw new DatabaseUnavailableError(
          `the embedded database in ${dataDir} is in use by process ${owner} (a running shouwang?): stop it ` +
            `first, or use Postgres (DATABASE_URL) / 内嵌数据库正被进程 ${owner} 使用，请先停止它`,
        );
      fs.rmSync(lockFile, { force: true });
    }
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid))
        fs.rmSync(lockFile, { force: true });
    } catch {
      // gone already
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(dataDir: string, dump?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(dump ? { loadDataDir: dump } : {}),
    });
  } catch (err) {
    unlock();
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${errText(err)}`, {
      cause: err,
    });
  }
  return wrapPglite(client, inMemory ? 'memory' : dataDir, async () => {
    await client.close();
    unlock();
  });
}

export function wrapPglite(client: PGlite, location: string, release: () => void | Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  const held = new Set<string>();
  return {
    db,
    driver: 'pglite',
    location,
    poolSize: 1,
    async ping() {
      await client.query('select 1');
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (closed) return;
      closed = true;
      await release();
    },
    dump: () => client.dumpDataDir('none'),
    async tryLock(key) {
      if (held.has(key)) return null;
      held.add(key);
      return {
        refresh: async () => held.has(key),
        async release() {
          held.delete(key);
        },
      };
    },
  };
}

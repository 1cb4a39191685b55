// The `shouwang` command as users run it (node bin/shouwang.js), in a working directory of the test
// file's own, on its own database: the embedded one in that directory, or with DATABASE_URL a Postgres
// database created for the file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './db.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/shouwang.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  dir: string;
  /** The Postgres database of this workspace (null on PGlite). */
  readonly db: TestDatabase | null;
  /** Creates the workspace's Postgres database when DATABASE_URL is set (call in beforeAll). */
  open(): Promise<void>;
  close(): Promise<void>;
  run(...args: string[]): CliResult;
  runWith(env: Record<string, string>, ...args: string[]): CliResult;
  /** Writes a file into the workspace and returns its path. */
  write(name: string, content: string | Buffer): string;
}

export function cliWorkspace(prefix: string, opts: { timeoutMs?: number } = {}): CliWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let db: TestDatabase | null = null;
  const runWith = (env: Record<string, string>, ...args: string[]): CliResult => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: {
        ...process.env,
        SHOUWANG_DATA_DIR: path.join(dir, 'data'),
        LOG_LEVEL: 'warn',
        ...(db?.url ? { DATABASE_URL: db.url } : {}),
        ...env,
      },
      encoding: 'utf8',
      timeout: opts.timeoutMs ?? 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    dir,
    get db() {
      return db;
    },
    async open() {
      if (process.env.DATABASE_URL) db = await createTestDatabase({ migrate: false });
    },
    async close() {
      await db?.close();
    },
    run: (...args) => runWith({}, ...args),
    runWith,
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
  };
}

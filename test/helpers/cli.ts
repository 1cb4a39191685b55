// The `shouwang` command in a working directory of the test file's own, on its own database, two ways:
// `cliSession` runs it in-process (runCli, on one test database shared by the file's commands: no process
// start, no database opened and migrated per command); `cliWorkspace` spawns it as users run it
// (node bin/shouwang.js), on the embedded database in that directory or, with DATABASE_URL, a Postgres
// database created for the file. A few smoke tests spawn; everything else runs in-process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import { createTestDatabase, type TestDatabase } from './db.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/shouwang.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Workspace {
  dir: string;
  /** Writes a file into the workspace and returns its path. */
  write(name: string, content: string | Buffer): string;
  /** Removes the workspace (and its database). */
  close(): Promise<void>;
}

function workspace(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name: string, content: string | Buffer) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliSession extends Workspace {
  /** The file's test database every command uses (after open()). */
  readonly db: TestDatabase;
  /** Creates the test database, or takes `db` (closed with the session) (call in beforeAll). */
  open(db?: TestDatabase): Promise<void>;
  run(...args: string[]): Promise<CliResult>;
  /**
   * `configured`: the command opens the database the configuration names, as `shouwang` does, instead of
   * the session's (PGlite in the workspace's data directory; with DATABASE_URL, the session's database).
   */
  runWith(
    opts: { stdin?: string; env?: Record<string, string>; configured?: boolean },
    ...args: string[]
  ): Promise<CliResult>;
}

/** Collects what is written to it as text. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export function cliSession(prefix: string): CliSession {
  const ws = workspace(prefix);
  let db: TestDatabase | null = null;
  const runWith: CliSession['runWith'] = async (opts, ...args) => {
    if (!db) throw new Error('cliSession: call open() first');
    const stdout = collector();
    const stderr = collector();
    const code = await runCli(args, {
      stdout: stdout.stream,
      stderr: stderr.stream,
      stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
      env: {
        SHOUWANG_DATA_DIR: path.join(ws.dir, 'data'),
        LOG_LEVEL: 'warn',
        ...(opts.configured && db.url ? { DATABASE_URL: db.url } : {}),
        ...opts.env,
      },
      cwd: ws.dir,
      // The fixtures' dates are of February 2020: a roster is checked against that day, not today.
      clock: { now: () => new Date('2020-02-15T10:00:00+08:00') },
      ...(opts.configured ? {} : { database: db }),
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };
  return {
    dir: ws.dir,
    write: ws.write,
    get db() {
      if (!db) throw new Error('cliSession: call open() first');
      return db;
    },
    async open(given) {
      db = given ?? (await createTestDatabase());
    },
    async close() {
      await db?.close();
      ws.remove();
    },
    run: (...args) => runWith({}, ...args),
    runWith,
  };
}

export interface CliWorkspace extends Workspace {
  /** The Postgres database of this workspace (null on PGlite). */
  readonly db: TestDatabase | null;
  /** Creates the workspace's Postgres database when DATABASE_URL is set (call in beforeAll). */
  open(): Promise<void>;
  run(...args: string[]): CliResult;
  runWith(opts: { stdin?: string; env?: Record<string, string> }, ...args: string[]): CliResult;
}

export function cliWorkspace(prefix: string, opts: { timeoutMs?: number } = {}): CliWorkspace {
  const ws = workspace(prefix);
  let db: TestDatabase | null = null;
  const runWith: CliWorkspace['runWith'] = (run, ...args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ws.dir,
      env: {
        ...process.env,
        SHOUWANG_DATA_DIR: path.join(ws.dir, 'data'),
        LOG_LEVEL: 'warn',
        ...(db?.url ? { DATABASE_URL: db.url } : {}),
        ...run.env,
      },
      ...(run.stdin === undefined ? {} : { input: run.stdin }),
      encoding: 'utf8',
      timeout: opts.timeoutMs ?? 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    dir: ws.dir,
    write: ws.write,
    get db() {
      return db;
    },
    async open() {
      if (process.env.DATABASE_URL) db = await createTestDatabase({ migrate: false });
    },
    async close() {
      await db?.close();
      ws.remove();
    },
    run: (...args) => runWith({}, ...args),
    runWith,
  };
}

// What every command gets (its streams, environment and working directory), and what every database
// command needs besides: the configuration, a logger on stderr, the database (migrated).

import path from 'node:path';
import { type Database, openDatabase } from '../../db/client.js';
import { type Config, loadConfig } from '../config.js';
import type { Clock } from '../core/clock.js';
import { createLogger, type Logger } from '../log.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where a command reads and writes: the process's own streams for `shouwang`, buffers in tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** `parse` reads it; without one it reads nothing. */
  stdin?: NodeJS.ReadableStream;
  /** The environment the configuration comes from (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** What relative paths (files, the data directory, `.env`) are relative to (default: the process's). */
  cwd?: string;
  /**
   * An open database to use instead of the configured one; it is migrated but left open, so that tests
   * can run many commands on one database without opening it each time.
   */
  database?: Database;
  /** What time it is (default: the system's); a roster's dates are checked against it. */
  clock?: Clock;
}

export interface CliContext {
  config: Config;
  log: Logger;
  database: Database;
}

/** `file` as the command's user meant it: relative to the command's working directory. */
export function resolvePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd ?? process.cwd(), file);
}

export async function withDatabase<T>(io: CliIo, fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env, io.cwd);
  // Commands print their results on stdout; only warnings and worse go to the log.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, {}, io.stderr);
  const database =
    io.database ?? (await openDatabase({ url: config.database.url, dataDir: config.database.dataDir }));
  try {
    await database.migrate();
    return await fn({ config, log, database });
  } finally {
    if (database !== io.database) await database.close();
  }
}

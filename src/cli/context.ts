// What every database command needs: the configuration, a logger on stderr, the database (migrated).
import { type Database, openDatabase } from '../../db/client.js';
import { type Config, loadConfig } from '../config.js';
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

export interface CliContext {
  config: Config;
  log: Logger;
  database: Database;
}

export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Commands print their results on stdout; only warnings and worse go to the log.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
  try {
    await database.migrate();
    return await fn({ config, log, database });
  } finally {
    await database.close();
  }
}

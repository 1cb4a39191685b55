// `shouwang backup FILE` and `shouwang restore FILE [--force]`: the whole database (PGlite or Postgres) to a
// gzipped JSON Lines file and back (the format is in db/backup.ts, loading in db/restore.ts). A backup is written to FILE.partial and
// renamed when complete, so FILE is never half a backup. A restore runs in one transaction: all or nothing.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { migrationLevel, writeBackup } from '../../db/backup.js';
import { checkHeader, emptyAllTables, firstNonEmptyTable, restoreRows } from '../../db/restore.js';
import { CliError, type CliIo, resolvePath, withDatabase } from './context.js';

export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError('usage: shouwang backup FILE', 2);
  const target = resolvePath(io, file);
  const partial = `${target}.partial`;
  const summary = await withDatabase(io, async ({ database }) => {
    try {
      const written = await writeBackup(
        database.db,
        (lines) =>
          pipeline(
            Readable.from(withNewlines(lines)),
            zlib.createGzip(),
            fs.createWriteStream(partial, { mode: 0o600 }),
          ),
        new Date(),
      );
      fs.renameSync(partial, target);
      return written;
    } catch (err) {
      fs.rmSync(partial, { force: true });
      const code = (err as NodeJS.ErrnoException).code;
      if (code && /^E[A-Z]+$/.test(code)) throw new CliError(`cannot write ${file}: ${code}`);
      throw err;
    }
  });
  io.stdout.write(
    `backup written to ${file}: ${summary.rows} rows in ${summary.tables} tables (migration ${summary.migrations.count})\n`,
  );
  return 0;
}

export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError('usage: shouwang restore FILE [--force]', 2);
  const source = resolvePath(io, file);
  try {
    fs.accessSync(source, fs.constants.R_OK);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code}`);
  }
  const rows = await withDatabase(io, async ({ database }) => {
    const lines = linesOf(source)[Symbol.asyncIterator]();
    try {
      const first = await lines.next();
      const header = checkHeader(first.done ? undefined : first.value, await migrationLevel(database.db));
      return await database.db.transaction(async (tx) => {
        if (values.force) await emptyAllTables(tx);
        else {
          const busy = await firstNonEmptyTable(tx);
          if (busy)
            throw new CliError(
              `the database is not empty (table ${busy} has rows): give --force to replace all its data ` +
                '/ 数据库里已有数据，恢复会全部覆盖；确认覆盖请加 --force',
            );
        }
        return restoreRows(tx, header, lines);
      });
    } catch (err) {
      if (
        (err as { code?: string }).code === 'Z_DATA_ERROR' ||
        (err as { code?: string }).code === 'Z_BUF_ERROR'
      )
        throw new CliError(`${file} is not a gzipped shouwang backup, or it is damaged`);
      throw err;
    } finally {
      await lines.return?.(undefined);
    }
  });
  io.stdout.write(`restored ${file}: ${rows} rows\n`);
  return 0;
}

async function* withNewlines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const line of lines) yield `${line}\n`;
}

/** The lines of a gzipped file, read as they are needed (a read error or a damaged file throws). */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
        yield rest.slice(start, nl);
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

// The `shouwang` command (../shared/CONTRACT.md section 1) as a function: results go to `io.stdout`; a
// failure writes one line on `io.stderr`; the exit code is returned. It never exits the process, so
// tests run it in-process and bin/shouwang.js is a thin wrapper around it.
import { parseArgs } from 'node:util';
import { parseReplayLog } from '../core/replay-file.js';
import { createSetupService } from '../services/setup.js';
import { backupCommand, restoreCommand } from './backup.js';
import { CliError, type CliIo, withDatabase } from './context.js';
import { digestCommand } from './digest.js';
import { readJson, readText } from './files.js';
import { importCommand } from './import.js';
import { formatOutbox, listOutbox } from './outbox.js';
import { runParse } from './parse.js';
import { parseTokenArgs, tokenCommand } from './token.js';

export type { CliIo } from './context.js';

const USAGE = `usage: shouwang <command>

  parse                                   JSON Lines in, records out (no database)
  setup FILE.json                         upsert sites, groups and residents
  import FILE.csv|FILE.xlsx --site NAME [--dry-run]
                                          import a resident roster
  replay FILE.jsonl [--until ISO]         feed a chat log through the bot in simulated time
  digest --site NAME --date YYYY-MM-DD [--json]
  outbox [--json] [--room TOPIC]          what the bot sent or queued
  token create --role ROLE --name LABEL [--site NAME ...]   prints a new admin API token once
  token revoke ID_OR_NAME | token list
  backup FILE                             write the whole database to FILE (gzipped JSON Lines)
  restore FILE [--force]                  load a backup into an empty database (--force: replace its data)
  db migrate                              apply database migrations`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  async db(argv, io) {
    if (argv[0] !== 'migrate') throw new CliError('usage: shouwang db migrate', 2);
    await withDatabase(io, async ({ database }) => {
      io.stdout.write(`migrations applied (${database.driver}: ${database.location})\n`);
    });
    return 0;
  },

  async outbox(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, room: { type: 'string' } },
    });
    await withDatabase(io, async (ctx) => {
      const lines = await listOutbox(ctx, values.room);
      io.stdout.write(
        values.json ? `${JSON.stringify(lines, null, 2)}\n` : `${formatOutbox(lines, ctx.config.timeZone)}\n`,
      );
    });
    return 0;
  },

  async setup(argv, io) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const input = await readJson(io, positionals[0], 'setup');
    const summary = await withDatabase(io, ({ config, database }) =>
      createSetupService({ db: database.db, defaultZone: config.timeZone }).apply(input),
    );
    io.stdout.write(
      `setup applied: ${summary.sites} sites, ${summary.groups} groups, ` +
        `${summary.residents.added} residents added, ${summary.residents.updated} updated, ${summary.households} households\n`,
    );
    return 0;
  },

  async replay(argv, io) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { until: { type: 'string' } },
    });
    const until = values.until ? new Date(values.until) : undefined;
    if (until && Number.isNaN(until.getTime()))
      throw new CliError(`--until ${values.until} is not an ISO date-time`, 2);
    const { events, problems } = parseReplayLog(await readText(io, positionals[0], 'chat log'));
    if (problems.length) throw new CliError(`the chat log has problems: ${problems.slice(0, 10).join('; ')}`);
    // The whole service (Wechaty, Fastify) is loaded only for the command that runs it.
    const { replay } = await import('../replay.js');
    const result = await withDatabase(io, ({ config, database, log }) =>
      replay({ config, database, log, events, until }),
    );
    io.stdout.write(
      `replayed ${result.messages} messages, ran ${result.jobsRun} scheduled jobs, sent ${result.sent} messages` +
        (result.unprocessed ? ` (${result.unprocessed} messages not processed)` : '') +
        '\n',
    );
    return result.unprocessed ? 1 : 0;
  },

  async parse(_argv, io) {
    if (io.stdin) await runParse(io.stdin, io.stdout);
    return 0;
  },
  import: importCommand,
  async digest(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        site: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const out = await withDatabase(io, (ctx) => digestCommand(ctx, values));
    io.stdout.write(`${out}\n`);
    return 0;
  },
  async token(argv, io) {
    const cmd = parseTokenArgs(argv);
    const out = await withDatabase(io, (ctx) => tokenCommand(ctx, cmd));
    io.stdout.write(`${out}\n`);
    return 0;
  },
  backup: backupCommand,
  restore: restoreCommand,
};

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new CliError(`unknown command "${name}" (shouwang --help lists them)`, 2);
  return command(rest, io);
}

/** Runs `shouwang ...argv` and returns its exit code; a failure is one line on `io.stderr`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const e = err as Error & { code?: string };
    io.stderr.write(`shouwang: ${e.message}\n`);
    return e instanceof CliError ? e.exitCode : e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
  }
}

// The `shouwang` command (../shared/CONTRACT.md section 1). Results go to stdout; a failure prints one
// line on stderr and exits non-zero.
import { parseArgs } from 'node:util';
import { CliError, withDatabase } from './cli/context.js';
import { digestCommand } from './cli/digest.js';
import { readJson, readText } from './cli/files.js';
import { importCommand } from './cli/import.js';
import { formatOutbox, listOutbox } from './cli/outbox.js';
import { runParse } from './cli/parse.js';
import { parseTokenArgs, tokenCommand } from './cli/token.js';
import { parseReplayLog } from './core/replay-file.js';
import { createSetupService } from './services/setup.js';

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
  db migrate                              apply database migrations`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async db(argv) {
    if (argv[0] !== 'migrate') throw new CliError('usage: shouwang db migrate', 2);
    await withDatabase(async ({ database }) => {
      process.stdout.write(`migrations applied (${database.driver}: ${database.location})\n`);
    });
    return 0;
  },

  async outbox(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, room: { type: 'string' } },
    });
    await withDatabase(async (ctx) => {
      const lines = await listOutbox(ctx, values.room);
      process.stdout.write(
        values.json ? `${JSON.stringify(lines, null, 2)}\n` : `${formatOutbox(lines, ctx.config.timeZone)}\n`,
      );
    });
    return 0;
  },

  async setup(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const input = await readJson(positionals[0], 'setup');
    const summary = await withDatabase(({ config, database }) =>
      createSetupService({ db: database.db, defaultZone: config.timeZone }).apply(input),
    );
    process.stdout.write(
      `setup applied: ${summary.sites} sites, ${summary.groups} groups, ` +
        `${summary.residents.added} residents added, ${summary.residents.updated} updated, ${summary.households} households\n`,
    );
    return 0;
  },

  async replay(argv) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { until: { type: 'string' } },
    });
    const until = values.until ? new Date(values.until) : undefined;
    if (until && Number.isNaN(until.getTime()))
      throw new CliError(`--until ${values.until} is not an ISO date-time`, 2);
    const { events, problems } = parseReplayLog(await readText(positionals[0], 'chat log'));
    if (problems.length) throw new CliError(`the chat log has problems: ${problems.slice(0, 10).join('; ')}`);
    // The whole service (Wechaty, Fastify) is loaded only for the command that runs it.
    const { replay } = await import('./replay.js');
    const result = await withDatabase(({ config, database, log }) =>
      replay({ config, database, log, events, until }),
    );
    process.stdout.write(
      `replayed ${result.messages} messages, ran ${result.jobsRun} scheduled jobs, sent ${result.sent} messages` +
        (result.unprocessed ? ` (${result.unprocessed} messages not processed)` : '') +
        '\n',
    );
    return result.unprocessed ? 1 : 0;
  },

  async parse() {
    await runParse(process.stdin, process.stdout);
    return 0;
  },
  import: importCommand,
  async digest(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        site: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const out = await withDatabase((ctx) => digestCommand(ctx, values));
    process.stdout.write(`${out}\n`);
    return 0;
  },
  async token(argv) {
    const cmd = parseTokenArgs(argv);
    const out = await withDatabase((ctx) => tokenCommand(ctx, cmd));
    process.stdout.write(`${out}\n`);
    return 0;
  },
};

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}" (shouwang --help lists them)`, 2);
  return command(rest);
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  const e = err as Error & { exitCode?: number; code?: string };
  process.stderr.write(`shouwang: ${e.message}\n`);
  process.exitCode = e instanceof CliError ? e.exitCode : e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
}

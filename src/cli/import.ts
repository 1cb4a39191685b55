// `shouwang import FILE.csv|FILE.xlsx --site NAME [--dry-run]`: a resident roster. Good rows are imported
// and summed up on stdout; bad rows are named by row number on stderr (one line) and the exit code is 1.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.js';
import { readRosterFile } from '../services/quarantine/roster-file.js';
import { createRosterImportService } from '../services/quarantine/roster-import.js';
import { CliError, type CliIo, withDatabase } from './context.js';
import { readBytes } from './files.js';

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { site: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new CliError('usage: shouwang import FILE.csv|FILE.xlsx --site NAME [--dry-run]', 2);
  if (!values.site) throw new CliError('give --site NAME', 2);
  const bytes = await readBytes(io, file);
  const rows = await readRosterFile(bytes, path.basename(file));
  const site = values.site;
  const dryRun = values['dry-run'];
  const summary = await withDatabase(io, ({ database }) =>
    createRosterImportService({ db: database.db, clock: io.clock ?? systemClock }).importRows(site, rows, {
      dryRun,
    }),
  );
  const what = `${summary.added} residents added, ${summary.updated} updated`;
  io.stdout.write(
    dryRun
      ? `dry run (nothing written): would have ${what}\n`
      : `roster imported into ${summary.site}: ${what}\n`,
  );
  for (const w of summary.warnings) io.stderr.write(`注意：${w}\n`);
  if (summary.problems.length === 0) return 0;
  io.stderr.write(`shouwang: ${summary.problems.length} rows not imported: ${summary.problems.join('; ')}\n`);
  return 1;
}

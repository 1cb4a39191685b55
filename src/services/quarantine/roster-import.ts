// `shouwang import ROSTER --site NAME [--dry-run]`: residents from a roster file, with the same upsert rule
// as setup. Bad rows are reported by row number and skipped; good rows are imported, each atomically
// (a savepoint), the whole import in one transaction. A dry run does all of it and rolls back, so its
// counts are exactly what an import would do.
import type { Db, Executor } from '../../../db/client.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import type { Clock } from '../../core/clock.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { type Cell, readRoster } from '../../core/quarantine/roster.js';
import { localDate } from '../../core/time.js';
import { upsertResident } from '../resident-upsert.js';

export interface ImportSummary {
  site: string;
  added: number;
  updated: number;
  /** `第3行：入住日期“2020-2-30”不是有效日期`, in row order. */
  problems: string[];
  /** Rows imported but worth a look (a start long past or far ahead), in row order. */
  warnings: string[];
  dryRun: boolean;
  /** Data rows in the file (good and bad). */
  rows: number;
  /** Whether anything was written (false for a dry run, and for an all-or-nothing import with problems). */
  written: boolean;
}

class DryRun extends Error {}

export function createRosterImportService(deps: { db: Db; clock: Clock }) {
  return {
    /**
     * `allOrNothing` (the admin API): any problem rolls the whole import back, so nothing is written
     * unless every row is good.
     */
    async importRows(
      siteName: string,
      rows: readonly (readonly Cell[])[],
      opts: {
        dryRun?: boolean;
        allOrNothing?: boolean;
        /** Runs in the import's transaction when it is about to commit (the admin API's audit row). */
        beforeCommit?: (tx: Executor, summary: ImportSummary) => Promise<void>;
      } = {},
    ) {
      const site = await createRegistryRepo(deps.db).siteByName(siteName);
      if (!site) throw new NotFoundError(`no site named ${siteName}`);
      if (site.kind !== 'quarantine')
        throw new ValidationError('rosters are for observation sites', [`${siteName} is a ${site.kind}`]);
      const roster = readRoster(rows, {
        today: localDate(deps.clock.now(), site.timeZone),
        observationDays: site.observationDays,
      });
      const summary: ImportSummary = {
        site: site.name,
        added: 0,
        updated: 0,
        problems: [],
        warnings: roster.warnings,
        dryRun: !!opts.dryRun,
        rows: roster.rows.length + roster.problems.length,
        written: false,
      };
      const failed: { row: number; text: string }[] = [];
      try {
        await deps.db.transaction(async (tx) => {
          for (const row of roster.rows) {
            try {
              const outcome = await tx.transaction((sp) => upsertResident(createRegistryRepo(sp), site, row));
              summary[outcome]++;
            } catch (err) {
              failed.push({ row: row.row, text: `第${row.row}行：无法保存（${(err as Error).message}）` });
            }
          }
          if (opts.dryRun) throw new DryRun();
          if (opts.allOrNothing && (roster.problems.length > 0 || failed.length > 0)) throw new DryRun();
          await opts.beforeCommit?.(tx, summary);
        });
        summary.written = true;
      } catch (err) {
        if (!(err instanceof DryRun)) throw err;
      }
      const rowOf = (p: string) => Number(/^第(\d+)行/.exec(p)?.[1] ?? 0);
      summary.problems = [...roster.problems, ...failed.map((f) => f.text)].sort(
        (a, b) => rowOf(a) - rowOf(b),
      );
      return summary;
    },
  };
}

// Roster files uploaded through the admin API: the same reader and import as `shouwang import`, but all
// or nothing — any bad row and nothing is written — with the problems by row number (and field where
// the reason names one), and the import audited in its own transaction.
import type { Db } from '../../../db/client.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import type { Cell } from '../../core/quarantine/roster.js';
import { readRosterFile } from '../quarantine/roster-file.js';
import { createRosterImportService } from '../quarantine/roster-import.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export type RosterFormat = 'csv' | 'xlsx';

export interface RosterError {
  /** The file's row number (1-based, the header usually row 1); 0 for the file as a whole. */
  row: number;
  /** The roster column the problem is with: name, room, start, days, phone; null when none. */
  field: string | null;
  message: string;
}

export interface RosterResult {
  dryRun: boolean;
  /** Data rows read (good and bad). */
  rows: number;
  created: number;
  updated: number;
  /** The first MAX_ERRORS problems, by row. */
  errors: RosterError[];
  /** All problems found, of which `errors` shows the first MAX_ERRORS. */
  errorCount: number;
  /** Rows that are imported but worth a look: a start long past (overdue at once) or far ahead. */
  warnings: RosterError[];
  /** Whether the residents were written (a real import without errors). */
  written: boolean;
}

/** Most problems one answer lists (a broken file of thousands of rows would otherwise answer megabytes). */
export const MAX_ERRORS = 100;

const FIELDS: Record<string, string> = {
  姓名: 'name',
  房间号: 'room',
  入住日期: 'start',
  观察天数: 'days',
  手机号: 'phone',
  微信昵称: 'wechat',
};

/** `第3行：入住日期“2020-2-30”不是有效日期；缺少姓名` → one error per reason. */
export function rosterErrors(problem: string): RosterError[] {
  const m = /^第(\d+)行(?:：)?(.*)$/s.exec(problem);
  if (!m) return [{ row: 0, field: null, message: problem }];
  const row = Number(m[1]);
  const reasons = (m[2] ?? '').split('；').filter(Boolean);
  if (reasons.length === 0 || (m[2] ?? '').startsWith('表头'))
    return [{ row, field: null, message: problem }];
  return reasons.map((reason) => {
    const f = /^(?:缺少)?(姓名|房间号|入住日期|观察天数|手机号|微信昵称)/.exec(reason)?.[1];
    return { row, field: f ? (FIELDS[f] ?? null) : null, message: `第${row}行：${reason}` };
  });
}

export function createRosterUploadService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const importer = createRosterImportService({ db, clock });

  return {
    async upload(
      actor: Actor,
      siteId: number,
      file: { bytes: Uint8Array; format: RosterFormat; fileName: string | null },
      opts: { dryRun: boolean },
      guard: Guard,
    ): Promise<RosterResult> {
      const site = await createRegistryRepo(db).siteById(siteId);
      if (!site) throw new NotFoundError(`site ${siteId} not found`);
      guard(site.id);
      if (site.kind !== 'quarantine')
        throw new ConflictError(`${site.name} is a village; rosters are for observation sites`);
      const failed = (err: unknown): RosterResult => {
        if (!(err instanceof ValidationError)) throw err;
        const errors = err.problems.flatMap(rosterErrors);
        return {
          dryRun: opts.dryRun,
          rows: 0,
          created: 0,
          updated: 0,
          errors: errors.slice(0, MAX_ERRORS),
          errorCount: errors.length,
          warnings: [],
          written: false,
        };
      };
      let rows: Cell[][];
      try {
        rows = await readRosterFile(file.bytes, `roster.${file.format}`);
      } catch (err) {
        return failed(err);
      }
      try {
        const summary = await importer.importRows(site.name, rows, {
          dryRun: opts.dryRun,
          allOrNothing: true,
          beforeCommit: (tx, s) =>
            recordAudit(tx, clock, actor, {
              action: 'import',
              entity: 'roster',
              entityId: site.id,
              siteId: site.id,
              after: {
                file: file.fileName,
                format: file.format,
                rows: s.rows,
                created: s.added,
                updated: s.updated,
              },
            }).then(() => undefined),
        });
        const errors = summary.problems.flatMap(rosterErrors);
        return {
          dryRun: opts.dryRun,
          rows: summary.rows,
          created: summary.added,
          updated: summary.updated,
          errors: errors.slice(0, MAX_ERRORS),
          errorCount: errors.length,
          warnings: summary.warnings.slice(0, MAX_ERRORS).flatMap(rosterErrors),
          written: summary.written,
        };
      } catch (err) {
        return failed(err);
      }
    },
  };
}

export type RosterUploadService = ReturnType<typeof createRosterUploadService>;

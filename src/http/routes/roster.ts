// /api/v1/sites/:id/roster: upload a roster file (CSV or .xlsx, the request body itself) into an
// observation site — the same reader and rules as `shouwang import`, all or nothing. `?dryRun=true`
// shows what an import would do, with the bad rows, and writes nothing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ROSTER_ROWS } from '../../core/quarantine/roster.js';
import { MAX_ERRORS, type RosterFormat } from '../../services/admin/roster.js';
import { MAX_UNPACKED_BYTES } from '../../services/quarantine/roster-file.js';
import type { Uses } from '../api.js';
import { actorOf, guardFor } from '../auth.js';
import { ErrorSchema, HttpError } from '../errors.js';
import { IdParams } from '../schemas.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS: Record<string, RosterFormat> = { [CSV_TYPE]: 'csv', [XLSX_TYPE]: 'xlsx' };

/** Roster files are small: 5 000 rows (the most one roster may hold) of xlsx or CSV stay well under this. */
const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

const RosterError = z.object({
  row: z
    .number()
    .int()
    .describe('Row number in the file (the header is usually row 1); 0: the file as a whole'),
  field: z.string().nullable().describe('The column: name, room, start, days, phone; null when none'),
  message: z.string().describe('The reason, in Chinese, as staff read it'),
});

const RosterResult = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().describe('Data rows read, good and bad'),
    created: z.number().int().describe('Residents added (would be, in a dry run)'),
    updated: z.number().int().describe('Residents updated (would be, in a dry run)'),
    errors: z.array(RosterError).describe(`The first ${MAX_ERRORS} problems`),
    errorCount: z.number().int().describe('Problems found in all'),
    warnings: z
      .array(RosterError)
      .describe('Rows imported but worth a look: a start so long ago the period is over, or far ahead'),
  })
  .meta({ id: 'RosterImport' });

const RosterInvalid = z
  .object({
    code: z.literal('ROSTER_INVALID'),
    message: z.string(),
    errors: z.array(RosterError),
    errorCount: z.number().int(),
  })
  .meta({ id: 'RosterInvalid' });

export const rosterRoutes =
  (ctx: Uses<'roster'>): FastifyPluginAsyncZod =>
  async (app) => {
    // The file is the body: kept as bytes for the roster reader (in this plugin's scope only).
    app.addContentTypeParser([CSV_TYPE, XLSX_TYPE], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    app.post(
      '/sites/:id/roster',
      {
        config: { permission: 'registry:write' },
        bodyLimit: MAX_ROSTER_BYTES,
        schema: {
          tags: ['residents'],
          summary: 'Upload a roster (CSV or .xlsx as the body) into an observation site, all or nothing',
          description: [
            `The body is the file itself, with \`Content-Type: ${CSV_TYPE}\` (UTF-8, or GBK as Excel on Chinese Windows saves it) or \`${XLSX_TYPE}\`; other types get 415.`,
            'Columns as for `shouwang import`: 姓名, 房间号, 入住日期 and optionally 观察天数, 手机号, 微信昵称, 年龄 (or 出生日期, or 身份证号: only the year of birth is kept).',
            `At most ${MAX_ROSTER_ROWS} rows and ${MAX_ROSTER_BYTES / 1024 / 1024} MiB; an .xlsx at most ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB unpacked (413 or 422 beyond).`,
            'Any bad row: nothing is written and the answer is 422 ROSTER_INVALID with the rows; `?dryRun=true` answers 200 with the same errors and writes nothing.',
            '409 when the site is a village.',
          ].join('\n\n'),
          consumes: [CSV_TYPE, XLSX_TYPE],
          // The bytes are checked by the roster reader, not by a schema; this documents them.
          body: z.any().meta({ type: 'string', format: 'binary', description: 'The roster file itself' }),
          params: IdParams,
          querystring: z.strictObject({
            dryRun: z
              .enum(['true', 'false'])
              .default('false')
              .describe('true: check and count only, write nothing')
              .transform((v) => v === 'true'),
            filename: z
              .string()
              .trim()
              .min(1)
              .max(200)
              .optional()
              .describe('The file’s name, for the audit log'),
          }),
          response: { 200: RosterResult, 415: ErrorSchema, 422: RosterInvalid },
        },
      },
      async (req, reply) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const format = FORMATS[type];
        if (!format || !Buffer.isBuffer(req.body))
          throw new HttpError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `send the roster file as the body with Content-Type ${CSV_TYPE} or ${XLSX_TYPE}`,
          );
        const result = await ctx.services.admin.roster.upload(
          actorOf(req),
          req.params.id,
          { bytes: req.body, format, fileName: req.query.filename ?? null },
          { dryRun: req.query.dryRun },
          guardFor(req),
        );
        if (result.errors.length > 0 && !result.dryRun)
          return reply.code(422).send({
            code: 'ROSTER_INVALID' as const,
            message:
              result.errorCount > result.errors.length
                ? `名单有 ${result.errorCount} 处问题（下面列出前 ${result.errors.length} 处），未导入任何记录`
                : `名单有 ${new Set(result.errors.map((e) => e.row)).size} 行有问题，未导入任何记录`,
            errors: result.errors,
            errorCount: result.errorCount,
          });
        const { written: _written, ...answer } = result;
        return answer;
      },
    );
  };

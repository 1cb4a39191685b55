// /api/v1/sites/:id/exports/…: files to download — an observation site's temperature 台账, a village's
// orders, purchase list and delivery list — each as .xlsx or .csv (UTF-8 with a BOM, so Excel shows the
// Chinese right), under a Chinese file name.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORDER_STATUSES } from '../../../db/schema.js';
import type { Permission } from '../../core/auth/permissions.js';
import { type Sheet, sheetCsv } from '../../core/sheet.js';
import { ExportRangeError, MAX_EXPORT_DAYS } from '../../services/admin/exports.js';
import { sheetXlsx } from '../../services/admin/sheet-xlsx.js';
import type { Uses } from '../api.js';
import { guardFor } from '../auth.js';
import { invalidField } from '../errors.js';
import { dateRange, IdParams, isoDate } from '../schemas.js';

const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

/** RFC 5987 encoding for filename*: percent-encode all but attr-chars. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

async function sendSheet(reply: FastifyReply, sheet: Sheet, format: Format) {
  const body = format === 'xlsx' ? await sheetXlsx(sheet) : Buffer.from(sheetCsv(sheet), 'utf8');
  return reply
    .header('content-type', FORMATS[format])
    .header(
      'content-disposition',
      `attachment; filename="${sheet.asciiName}.${format}"; filename*=UTF-8''${rfc5987(`${sheet.fileName}.${format}`)}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}

const fileDoc = (what: string) =>
  `${what} An .xlsx workbook (a title row, a header row, fevers in bold on red) or a CSV (UTF-8 with a BOM, ` +
  'the header row first), as an attachment with a Chinese file name.';

export const exportRoutes =
  (ctx: Uses<'exports'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['exports'];
    const exportsService = ctx.services.admin.exports;

    for (const format of Object.keys(FORMATS) as Format[]) {
      // The file, documented by its media type; a Buffer is sent as it is, never serialised.
      const response = {
        200: {
          description: `The .${format} file`,
          content: { [FORMATS[format].split(';')[0] as string]: { schema: z.string().describe('The file') } },
        },
      };
      const base = (permission: Permission) => ({ config: { permission } });

      app.get(
        `/sites/:id/exports/temperatures.${format}`,
        {
          ...base('health:read'),
          schema: {
            tags,
            summary: `An observation site’s temperature 台账 as .${format}`,
            description: fileDoc(
              `One row per resident (room, name, status, start, planned release), a column per day and report slot. By default the observation days of those observing up to today; at most ${MAX_EXPORT_DAYS} days. 409 for a village.`,
            ),
            params: IdParams,
            response,
            querystring: z.strictObject({
              from: isoDate.optional().describe('First local day, YYYY-MM-DD'),
              to: isoDate.optional().describe('Last local day (today by default)'),
            }),
          },
        },
        async (req, reply) => {
          try {
            const sheet = await exportsService.temperatures(req.params.id, req.query, guardFor(req));
            return await sendSheet(reply, sheet, format);
          } catch (err) {
            if (err instanceof ExportRangeError) throw invalidField(`querystring.${err.field}`, err.reason);
            throw err;
          }
        },
      );

      app.get(
        `/sites/:id/exports/orders.${format}`,
        {
          ...base('orders:read'),
          schema: {
            tags,
            summary: `A village’s orders as .${format}`,
            description: fileDoc(
              'One row per order, filtered like GET /orders. 409 for an observation site.',
            ),
            params: IdParams,
            response,
            querystring: z.strictObject({
              status: z.enum(ORDER_STATUSES).optional(),
              from: isoDate.optional().describe('Placed from this local day'),
              to: isoDate.optional().describe('Placed up to this local day'),
            }),
          },
        },
        async (req, reply) => {
          const range = dateRange(req.query);
          const sheet = await exportsService.orders(
            req.params.id,
            { status: req.query.status, ...range },
            guardFor(req),
          );
          return sendSheet(reply, sheet, format);
        },
      );

      app.get(
        `/sites/:id/exports/purchase-list.${format}`,
        {
          ...base('orders:read'),
          schema: {
            tags,
            summary: `A village’s purchase list as .${format}`,
            description: fileDoc(
              'What is still to buy, summed per item and unit. 409 for an observation site.',
            ),
            params: IdParams,
            response,
          },
        },
        async (req, reply) =>
          sendSheet(reply, await exportsService.purchaseList(req.params.id, guardFor(req)), format),
      );

      app.get(
        `/sites/:id/exports/delivery-list.${format}`,
        {
          ...base('orders:read'),
          schema: {
            tags,
            summary: `A village’s delivery list as .${format}`,
            description: fileDoc(
              'One row per stop: bought orders and the day’s water, by village group. 409 for an observation site.',
            ),
            params: IdParams,
            response,
            querystring: z.strictObject({ date: isoDate.optional().describe('The day; today by default') }),
          },
        },
        async (req, reply) =>
          sendSheet(
            reply,
            await exportsService.deliveryList(req.params.id, req.query.date, guardFor(req)),
            format,
          ),
      );
    }
  };

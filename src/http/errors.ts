// Errors the API answers with: JSON `{ code, message, fields? }` with a stable code. Validation failures
// name the field; the domain's typed errors map to their statuses; 5xx never show internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeDbError, isConnectionError } from '../../db/errors.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';

export interface FieldError {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'not allowed for this token') => new HttpError(403, 'FORBIDDEN', why);
export const badRequest = (why: string) => new HttpError(400, 'BAD_REQUEST', why);
export const conflict = (why: string) => new HttpError(409, 'CONFLICT', why);

/** A 400 that names the field, like schema validation failures do. */
export const invalidField = (field: string, message: string) =>
  new HttpError(400, 'VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);

export const ErrorSchema = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED, NOT_FOUND, FORBIDDEN'),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

// Fastify's own client errors, under codes of ours that stay put when Fastify renames its own.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
};

function validationFields(err: FastifyError): FieldError[] {
  const where = err.validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    const path = [
      where,
      ...String(v.instancePath ?? '')
        .split('/')
        .filter(Boolean),
    ].join('.');
    // zod reports unknown keys once for their object; name each key instead.
    const keys = (v.params as { keys?: unknown } | undefined)?.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys))
      return keys.map((k) => ({ field: `${path}.${String(k)}`, message: 'unknown field' }));
    return [{ field: path, message: v.message ?? 'invalid' }];
  });
}

/** A domain ValidationError's problems read `field: reason`; the fields are those of the request body. */
function domainFields(err: ValidationError): FieldError[] {
  return err.problems.map((p) => {
    const i = p.indexOf(': ');
    return i > 0
      ? { field: `body.${p.slice(0, i)}`, message: p.slice(i + 2) }
      : { field: 'body', message: p };
  });
}

/** The path of the first string holding a NUL character (no text column takes one), as `where.a.0.b`. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // Uploaded files (Buffers) are read by their own parsers.
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 32) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
    const found = nulPath(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The first path, query or body value with a NUL character, named as validation names fields. */
function nulField(parts: Record<string, unknown>): FieldError[] {
  for (const [where, values] of Object.entries(parts)) {
    const path = nulPath(values, where);
    if (path) return [{ field: path, message: 'must not contain a NUL character' }];
  }
  return [];
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const [nul] = nulField({ params: req.params, querystring: req.query, body: req.body });
    if (nul) throw invalidField(nul.field, nul.message);
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .send({ code: 'NOT_FOUND', message: `no route for ${req.method} ${req.url.split('?')[0]}` });
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = validationFields(err);
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      });
    }
    if (err instanceof HttpError) {
      return reply
        .code(err.statusCode)
        .send({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) });
    }
    if (err instanceof ValidationError) {
      const fields = domainFields(err);
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      });
    }
    if (err instanceof NotFoundError)
      return reply.code(404).send({ code: 'NOT_FOUND', message: err.message });
    if (err instanceof ConflictError) return reply.code(409).send({ code: 'CONFLICT', message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = FASTIFY_CODES[err.code] ?? err.code ?? 'BAD_REQUEST';
      return reply.code(status).send({ code, message: err.message });
    }
    if (isConnectionError(err)) {
      // The database is away for now: worth trying again soon, and not our bug.
      req.log.warn({ err: describeDbError(err) }, 'request failed: the database is unreachable');
      return reply.code(503).header('retry-after', '5').send({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database is unreachable for now; try again shortly',
      });
    }
    req.log.error({ err }, 'request failed');
    return reply
      .code(500)
      .send({ code: 'INTERNAL', message: 'internal error; the details are in the service log' });
  });
}

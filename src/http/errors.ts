// Errors the API answers with: JSON `{ code, message, fields? }` with a stable code. Validation failures
// name the field; 5xx never show internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'not allowed for this token') => new HttpError(403, 'FORBIDDEN', why);
export const badRequest = (why: string) => new HttpError(400, 'BAD_REQUEST', why);
export const conflict = (why: string) => new HttpError(409, 'CONFLICT', why);

export interface FieldError {
  field: string;
  message: string;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .send({ code: 'NOT_FOUND', message: `no route for ${req.method} ${req.url.split('?')[0]}` });
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields: FieldError[] = err.validation.map((v) => {
        const path = [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.');
        return { field: path, message: v.message ?? 'invalid' };
      });
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      });
    }
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ code: err.code, message: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, rate limits.
      return reply.code(status).send({ code: err.code ?? 'BAD_REQUEST', message: err.message });
    }
    req.log.error({ err }, 'request failed');
    return reply
      .code(500)
      .send({ code: 'INTERNAL', message: 'internal error; the details are in the service log' });
  });
}

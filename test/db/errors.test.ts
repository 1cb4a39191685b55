import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { describeDbError, isConnectionError } from '../../db/errors.js';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it('knows an unreachable or restarting server, also wrapped by drizzle', () => {
    expect(isConnectionError(coded('ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(coded('CONNECTION_CLOSED'))).toBe(true);
    expect(isConnectionError(coded('57P01', 'terminating connection due to administrator command'))).toBe(
      true,
    );
    expect(isConnectionError(coded('08006'))).toBe(true);
    expect(isConnectionError(new DrizzleQueryError('select 1', [], coded('ECONNRESET')))).toBe(true);
    expect(isConnectionError(new AggregateError([coded('ECONNREFUSED')]))).toBe(true);
  });

  it('does not take a wrong query for an outage', () => {
    expect(isConnectionError(coded('23505', 'duplicate key'))).toBe(false);
    expect(isConnectionError(coded('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    expect(isConnectionError(new Error('boom'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe('describeDbError', () => {
  it('gives the driver’s code and message without the query’s parameters', () => {
    const err = new DrizzleQueryError(
      'insert into messages …',
      ['2105 体温37.9'],
      coded('ECONNREFUSED', 'connect ECONNREFUSED'),
    );
    expect(describeDbError(err)).toBe('ECONNREFUSED connect ECONNREFUSED');
    const interrupted = new Error('dispatch interrupted', { cause: err });
    expect(describeDbError(interrupted)).toBe('ECONNREFUSED connect ECONNREFUSED');
    expect(describeDbError(new DrizzleQueryError('select $1', ['高某'], undefined))).toBe('query failed');
  });
});

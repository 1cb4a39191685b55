// Issue 17.1: one request must not stop the service. A date range whose end depends on the caller
// (exports, timelines) is validated and bounded, and the day loops end whatever dates they are given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, eachDay, isIsoDate } from '../../src/core/time.js';
import { watchEventLoop } from '../../src/services/event-loop.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

describe('a date range from a caller', () => {
  it('refuses years outside 2000–2100 with a 400 naming the field, at once', async () => {
    const url = `/api/v1/sites/${h.sites.a}/exports/temperatures.csv?from=9999-12-31`;
    const res = await h.call(h.tokens.medicA, 'GET', url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'querystring.from', message: 'must be a date YYYY-MM-DD, years 2000–2100' }],
    });
    for (const q of ['to=1999-12-31', 'from=0001-01-01&to=0001-01-02', 'date=2101-01-01']) {
      const r = await h.call(
        h.tokens.admin,
        'GET',
        `/api/v1/sites/${h.sites.a}/exports/temperatures.xlsx?${q}`,
      );
      expect(r.statusCode, q).toBe(400);
    }
  });

  it('refuses a range that runs backwards or spans more than 60 days', async () => {
    const base = `/api/v1/sites/${h.sites.a}/exports/temperatures.csv`;
    const back = await h.call(h.tokens.medicA, 'GET', `${base}?from=2020-03-01&to=2020-02-01`);
    expect(back.statusCode).toBe(400);
    const long = await h.call(h.tokens.medicA, 'GET', `${base}?from=2020-01-01&to=2020-12-31`);
    expect(long.statusCode).toBe(400);
    const ok = await h.call(h.tokens.medicA, 'GET', `${base}?from=2020-01-01&to=2020-02-29`);
    expect(ok.statusCode).toBe(200);
  });
});

describe('day loops', () => {
  it('end past the year 9999, where YYYY-MM-DD strings stop comparing as dates', () => {
    expect(addDays('9999-12-31', 1) > '9999-12-31').toBe(false); // why a string-compared loop never ended
    expect(eachDay('9999-12-30', '9999-12-31', 60)).toEqual(['9999-12-30', '9999-12-31']);
    expect(eachDay('2020-01-01', '2099-01-01', 60)).toHaveLength(60);
    expect(eachDay('2020-02-02', '2020-02-01', 60)).toEqual([]);
  });

  it('take only dates from 2000 to 2100', () => {
    expect(isIsoDate('2000-01-01')).toBe(true);
    expect(isIsoDate('2100-12-31')).toBe(true);
    expect(isIsoDate('1999-12-31')).toBe(false);
    expect(isIsoDate('9999-12-31')).toBe(false);
    expect(isIsoDate('2020-02-30')).toBe(false);
  });
});

describe('event-loop lag', () => {
  it('is measured, and /healthz reports it', async () => {
    const lag = watchEventLoop({ resolutionMs: 10, windowMs: 60_000 });
    try {
      await new Promise((r) => setTimeout(r, 50));
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // keep the loop busy, as a runaway request would
      }
      await new Promise((r) => setTimeout(r, 30));
      expect(lag.read().maxMs).toBeGreaterThanOrEqual(250);
    } finally {
      lag.stop();
    }
    const res = await h.app.inject('/healthz');
    expect(res.json().eventLoop).toEqual({ p99Ms: expect.any(Number), maxMs: expect.any(Number) });
  });
});

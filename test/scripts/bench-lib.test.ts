// The benchmarks' helpers (nothing here is timed).
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { cpuMeter } from '../../scripts/bench/cpu.js';
import { intOption, median, percentile, pool, residentMessage } from '../../scripts/bench/lib.js';
import { parseMessage } from '../../src/core/parse/index.js';

describe('bench helpers', () => {
  it('reads --name N and --name=N, and refuses what is not a positive whole number', () => {
    expect(intOption(['--messages', '500'], 'messages', 100_000)).toBe(500);
    expect(intOption(['--rooms=8'], 'rooms', 50)).toBe(8);
    expect(intOption([], 'rooms', 50)).toBe(50);
    expect(() => intOption(['--rooms', '0'], 'rooms', 50)).toThrow('--rooms must be a positive whole number');
    expect(() => intOption(['--rooms', 'x'], 'rooms', 50)).toThrow('not x');
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([], 99)).toBe(0);
  });

  it('runs every task once with at most the given number in flight', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await pool(25, 4, async (k) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(k);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(most).toBe(4);
  });

  it('writes a message mix the parser reads as reports, requests and chatter', () => {
    const kinds = Array.from({ length: 10 }, (_, i) =>
      parseMessage({ text: residentMessage(i) }).map((r) => r.type),
    );
    expect(kinds.filter((k) => k.includes('health'))).toHaveLength(6);
    expect(kinds.filter((k) => k.includes('request'))).toHaveLength(2);
    expect(kinds.filter((k) => k.length === 0)).toHaveLength(2);
  });
});

describe('CPU on both sides of the wire', () => {
  it('measures this process, and no Postgres but a local one', () => {
    const meter = cpuMeter(null);
    let x = 0;
    for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
    const spent = meter.stop();
    expect(x).toBeGreaterThan(0);
    expect(spent.nodeMs).toBeGreaterThan(0);
    expect(spent.postgresMs).toBeNull();
    expect(cpuMeter('postgres://postgres@db.example.org:5432/x').stop().postgresMs).toBeNull();
  });

  // On the Postgres run of the suite (DATABASE_URL), when that server runs on this machine.
  const url = process.env.DATABASE_URL;
  const local = url && cpuMeter(url).stop().postgresMs !== null ? url : null;
  it.runIf(local)('counts the work of a local Postgres server', async () => {
    const sql = postgres(local as string, { max: 1, onnotice: () => {} });
    try {
      const meter = cpuMeter(local);
      await sql`select count(*) from generate_series(1, 5000000)`;
      expect(meter.stop().postgresMs).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
  });
});

import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { handleLine, parseInstant, runParse } from '../../src/cli/parse.js';

async function run(input: string): Promise<unknown[]> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  await runParse(Readable.from([input]), out);
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l));
}

describe('shouwang parse', () => {
  it('answers one line per input line, in order, skipping blank lines', async () => {
    const lines = [
      { id: 1, text: '2105 早上36.4', at: '2020-02-15T07:40:00+08:00' },
      { id: 'b', text: '辛苦了！' },
      { id: 3, text: '明天下午送两桶水到5组，谢谢', at: '2020-02-15T15:00:00+08:00', context: 'village' },
    ];
    const input = `${JSON.stringify(lines[0])}\n\n   \n${JSON.stringify(lines[1])}\r\n${JSON.stringify(lines[2])}`;
    expect(await run(input)).toEqual([
      { id: 1, records: [{ type: 'health', temperature: 36.4, slot: 'am', symptoms: [], room: '2105' }] },
      { id: 'b', records: [] },
      {
        id: 3,
        records: [{ type: 'water', qty: 2, unit: '桶', date: '2020-02-16', part: 'pm', deliverTo: '5组' }],
      },
    ]);
  });

  it('reports bad lines and goes on', async () => {
    const input = [
      'not json',
      '[1,2]',
      '"text"',
      'null',
      JSON.stringify({ id: 7, text: 42 }),
      JSON.stringify({ text: '36.5' }),
      JSON.stringify({ id: 8, text: '36.5', at: 'yesterday' }),
      JSON.stringify({ id: 9, text: '36.5', at: 1581724800000 }),
      JSON.stringify({ id: 10, text: '36.5', context: 'hospital' }),
      JSON.stringify({ id: { k: 1 }, text: '收到' }),
    ].join('\n');
    const out = (await run(input)) as Record<string, unknown>[];
    expect(out).toHaveLength(10);
    expect(out.slice(0, 4).map((o) => o.id)).toEqual([null, null, null, null]);
    for (const o of out.slice(0, 5)) expect(typeof o.error).toBe('string');
    expect(out[4]?.id).toBe(7);
    expect(out[5]).toEqual({
      id: null,
      records: [{ type: 'health', temperature: 36.5, slot: null, symptoms: [], room: null }],
    });
    expect(out[6]).toMatchObject({ id: 8, error: expect.any(String) });
    expect(out[7]).toMatchObject({ id: 9, error: expect.any(String) });
    expect(out[8]).toMatchObject({ id: 10, error: expect.any(String) });
    expect(out[9]).toEqual({ id: { k: 1 }, records: [] });
  });

  it('reads at as an instant whatever the process zone', () => {
    expect(parseInstant('2020-02-15T07:58:00+08:00')?.toISOString()).toBe('2020-02-14T23:58:00.000Z');
    expect(parseInstant('2020-02-14T23:58:00Z')?.toISOString()).toBe('2020-02-14T23:58:00.000Z');
    expect(parseInstant('2020-02-15T07:58:00.5+0800')?.toISOString()).toBe('2020-02-14T23:58:00.500Z');
    expect(parseInstant('2020-02-15 07:58')?.toISOString()).toBe('2020-02-14T23:58:00.000Z');
    expect(parseInstant('2020-02-30T07:58:00+08:00')).toBeNull();
    expect(parseInstant('2020-02-15')).toBeNull();
    expect(handleLine(JSON.stringify({ id: 1, text: '36.5', at: '2020-02-15T20:00:00+08:00' }))).toEqual({
      id: 1,
      records: [{ type: 'health', temperature: 36.5, slot: 'pm', symptoms: [], room: null }],
    });
  });

  it('answers a line the reader fails on with an error naming it, and goes on', () => {
    const failing = () => {
      throw new TypeError('boom');
    };
    expect(handleLine(JSON.stringify({ id: 7, text: '36.5' }), failing)).toEqual({
      id: 7,
      error: 'could not read the message: boom',
    });
    expect(handleLine(JSON.stringify({ id: 8, text: '36.5' }))).toMatchObject({ id: 8 });
  });
});

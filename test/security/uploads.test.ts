// Issue 17.6: one upload must not exhaust the service. A roster holds at most 5 000 rows, an .xlsx is
// refused by its unpacked size before anything is unpacked (a zip bomb is kilobytes on the wire), the body
// is at most 2 MiB, and the answer lists at most 100 problems, with their count.
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROSTER_ROWS } from '../../src/core/quarantine/roster.js';
import { CSV_TYPE, XLSX_TYPE } from '../../src/http/routes/roster.js';
import { unpackedSize } from '../../src/services/quarantine/roster-file.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

const CSV = CSV_TYPE;
const XLSX = XLSX_TYPE;

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const upload = (body: string | Buffer, type = CSV, query = '?dryRun=true') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${h.sites.a}/roster${query}`,
    headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': type },
    payload: body,
  });

/** A zip of `entries` (name → content), deflated, with a central directory, as .xlsx files are. */
function zip(entries: Record<string, Buffer>, declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = deflateRawSync(content);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // CRC left 0: the reader refuses by size before it checks one
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared[name] ?? content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(declared[name] ?? content.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

describe('a roster upload', () => {
  it('refuses a zip bomb by its unpacked size, before unpacking it', async () => {
    const bomb = zip({
      '[Content_Types].xml': Buffer.from('<Types/>'),
      'xl/worksheets/sheet1.xml': Buffer.alloc(200 * 1024 * 1024, 0x20),
    });
    expect(bomb.length).toBeLessThan(400 * 1024);
    expect(unpackedSize(bomb)).toBe(200 * 1024 * 1024 + 8);
    const before = process.memoryUsage().rss;
    const res = await upload(bomb, XLSX);
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 0, message: expect.stringContaining('解压后有 200 MB') }),
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a zip bomb that understates its size, stopping at the size it declares', async () => {
    const sheet = 'xl/worksheets/sheet1.xml';
    const liar = zip(
      { '[Content_Types].xml': Buffer.from('<Types/>'), [sheet]: Buffer.alloc(100 * 1024 * 1024, 0x20) },
      { [sheet]: 2_048 },
    );
    expect(unpackedSize(liar)).toBe(2_048 + 8);
    const before = process.memoryUsage().rss;
    const res = await upload(liar, XLSX);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 0, message: expect.stringContaining('比它声明的大') }),
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses more than 5 000 rows, saying how many', async () => {
    const rows = ['姓名,房间号,入住日期'];
    for (let i = 0; i < MAX_ROSTER_ROWS + 1; i++) rows.push(`住户${i},${1000 + (i % 9000)},2020-02-10`);
    const res = await upload(rows.join('\n'));
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        row: 0,
        message: expect.stringContaining(`最多 ${MAX_ROSTER_ROWS} 行，这个文件有 5001 行`),
      }),
    ]);
  });

  it('lists the first 100 problems and counts them all', async () => {
    const rows = ['姓名,房间号,入住日期'];
    for (let i = 0; i < 3_000; i++) rows.push(`住户${i},${2000 + i},2020-02-30`);
    const res = await upload(rows.join('\n'), CSV, '');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.errors).toHaveLength(100);
    expect(body.errorCount).toBe(3_000);
    expect(body.message).toBe('名单有 3000 处问题（下面列出前 100 处），未导入任何记录');
    expect(res.body.length).toBeLessThan(20_000);
  });

  it('refuses a body over 2 MiB with 413', async () => {
    const res = await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41));
    expect(res.statusCode).toBe(413);
  });
});

// POST /api/v1/sites/:id/roster: a roster file as the body (CSV or .xlsx), imported all or nothing with
// the same rules as `shouwang import`; a dry run counts and reports bad rows and writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_TYPE, XLSX_TYPE } from '../../src/http/routes/roster.js';
import { type ApiHarness, createApiHarness } from '../helpers/api.js';

const CSV = CSV_TYPE;
const XLSX = XLSX_TYPE;

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const upload = (token: string | null, siteId: number, body: string | Buffer, type = CSV, query = '') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/roster${query}`,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': type },
    payload: body,
  });

/** The answer for a file without problems or warnings. */
const clean = (counts: { dryRun: boolean; rows: number; created: number; updated: number }) => ({
  ...counts,
  errors: [],
  errorCount: 0,
  warnings: [],
});

const names = async (siteId: number) =>
  (await h.call(h.tokens.admin, 'GET', `/api/v1/residents?site=${siteId}`))
    .json()
    .items.map(
      (r: { room: string; name: string; plannedEndDate: string }) =>
        `${r.room} ${r.name} ${r.plannedEndDate}`,
    );

const good = [
  '姓名,房间号,入住日期,观察天数,手机号,微信昵称',
  '高某,2105,2020-02-07,,13800000001,2105高',
  '王某,2106,2020/2/10,7,,',
].join('\n');

const bad = [
  '姓名,房间号,入住日期,观察天数,手机号,微信昵称',
  '高某,2105,2020-02-07,,13800000001,2105高',
  '赵某,2107,2020-02-30,,,',
  ',2108,2020-02-08,99,,',
].join('\n');

const audits = async () =>
  (await h.call(h.tokens.admin, 'GET', '/api/v1/audit?entity=roster')).json().items as {
    action: string;
    after: Record<string, unknown>;
  }[];

describe('POST /sites/:id/roster', () => {
  it('refuses a file with a bad row: 422 with the row numbers and fields, nothing written', async () => {
    const res = await upload(h.tokens.staffA, h.sites.a, bad);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('ROSTER_INVALID');
    expect(body.message).toContain('2 行');
    expect(body.errors).toEqual([
      { row: 3, field: 'start', message: '第3行：入住日期“2020-02-30”不是有效日期' },
      { row: 4, field: 'name', message: '第4行：缺少姓名' },
      { row: 4, field: 'days', message: '第4行：观察天数“99”应为 1 到 60 的整数' },
    ]);
    expect(await names(h.sites.a)).toEqual([]); // not even the good row
    expect(await audits()).toEqual([]);
  });

  it('answers a dry run of a bad file with 200, the counts and the errors, writing nothing', async () => {
    const res = await upload(h.tokens.staffA, h.sites.a, bad, CSV, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      rows: 3,
      created: 1,
      updated: 0,
      errors: [
        expect.objectContaining({ row: 3, field: 'start' }),
        expect.objectContaining({ row: 4, field: 'name' }),
        expect.objectContaining({ row: 4, field: 'days' }),
      ],
      errorCount: 3,
      warnings: [],
    });
    expect(await names(h.sites.a)).toEqual([]);
  });

  it('imports a good CSV (with a BOM), audited; the same file again updates', async () => {
    const dry = await upload(
      h.tokens.staffA,
      h.sites.a,
      `\uFEFF${good}`,
      `${CSV}; charset=utf-8`,
      '?dryRun=true',
    );
    expect(dry.json()).toEqual(clean({ dryRun: true, rows: 2, created: 2, updated: 0 }));
    expect(await names(h.sites.a)).toEqual([]);
    const res = await upload(h.tokens.staffA, h.sites.a, `\uFEFF${good}`, CSV, '?filename=名单.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(clean({ dryRun: false, rows: 2, created: 2, updated: 0 }));
    expect(await names(h.sites.a)).toEqual(['2105 高某 2020-02-21', '2106 王某 2020-02-17']);
    const [entry] = await audits();
    expect(entry).toMatchObject({
      action: 'import',
      actor: { name: 'staff-a' },
      siteId: h.sites.a,
      after: { file: '名单.csv', format: 'csv', rows: 2, created: 2, updated: 0 },
    });
    const again = await upload(h.tokens.admin, h.sites.a, good);
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
  });

  it('reads a CSV in GBK (as Excel on Chinese Windows saves it) and refuses one it cannot decode', async () => {
    // `good`, encoded in GBK.
    const gbk = Buffer.from(
      'd0d5c3fb2cb7bfbce4bac52cc8ebd7a1c8d5c6da2cb9dbb2eccceccafd2ccad6bbfabac52ccea2d0c5eac7b3c60ab8dfc4b32c32' +
        '3130352c323032302d30322d30372c2c31333830303030303030312c32313035b8df0acdf5c4b32c323130362c323032302f' +
        '322f31302c372c2c',
      'hex',
    );
    expect(new TextDecoder('gbk').decode(gbk)).toBe(good);
    const dry = await upload(h.tokens.staffA, h.sites.a, gbk, CSV, '?dryRun=true');
    // The names read right: the residents imported from the UTF-8 file are found again.
    expect(dry.json()).toEqual(clean({ dryRun: true, rows: 2, created: 0, updated: 2 }));
    // UTF-16 ("Unicode text"), which is neither.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]);
    const refused = await upload(h.tokens.staffA, h.sites.a, utf16, CSV, '?dryRun=true');
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('不是 UTF-8 或 GBK') }),
    ]);
  });

  it('reads an .xlsx body', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '房间号', '入住日期', '微信昵称']);
    ws.addRow(['李某', '301', new Date(Date.UTC(2020, 1, 12)), '301李']);
    ws.addRow(['孙某', 302, '2020年2月13日', null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(h.tokens.staffB, h.sites.b, bytes, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(clean({ dryRun: false, rows: 2, created: 2, updated: 0 }));
    expect(await names(h.sites.b)).toEqual(['301 李某 2020-02-26', '302 孙某 2020-02-27']);
    const broken = await upload(h.tokens.staffB, h.sites.b, Buffer.from('not a workbook'), XLSX);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors).toEqual([
      { row: 0, field: null, message: expect.stringContaining('.xlsx') },
    ]);
  });

  it('answers 415 for other content types, and a missing header as a row error', async () => {
    for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
      const res = await upload(
        h.tokens.staffA,
        h.sites.a,
        type === 'application/json' ? '{"a":1}' : good,
        type,
      );
      expect(res.statusCode, type).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const headless = await upload(h.tokens.staffA, h.sites.a, '高某,2105,2020-02-07', CSV, '?dryRun=true');
    expect(headless.statusCode).toBe(200);
    expect(headless.json().errors).toEqual([
      { row: 1, field: null, message: expect.stringContaining('表头') },
    ]);
  });

  it('refuses other sites and roles (403), villages (409), unknown sites (404), bad queries (400), no token (401)', async () => {
    expect((await upload(h.tokens.staffB, h.sites.a, good)).statusCode).toBe(403);
    for (const t of [h.tokens.medicA, h.tokens.volunteerV, h.tokens.viewerA])
      expect((await upload(t, h.sites.a, good)).statusCode).toBe(403);
    expect((await upload(null, h.sites.a, good)).statusCode).toBe(401);
    const village = await upload(h.tokens.admin, h.sites.v, good);
    expect(village.statusCode).toBe(409);
    expect(village.json().code).toBe('CONFLICT');
    expect((await upload(h.tokens.admin, 9999, good)).statusCode).toBe(404);
    const q = await upload(h.tokens.admin, h.sites.a, good, CSV, '?dryRun=maybe');
    expect(q.statusCode).toBe(400);
    expect(q.json().fields[0].field).toBe('querystring.dryRun');
    expect(await names(h.sites.v)).toEqual([]);
  });
});

describe('dates worth a look', () => {
  it('imports a start long past or far ahead, with a warning by row; reads a year of birth', async () => {
    const csv = [
      '姓名,房间号,入住日期,年龄,身份证号',
      '钱某,2301,2019-04-01,,',
      '孙某,2302,2020-02-14,72,',
      '周某,2303,2020-06-01,,110101195003021234',
    ].join('\n');
    const res = await upload(h.tokens.admin, h.sites.a, csv, CSV, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, errors: [], errorCount: 0 });
    expect(res.json().warnings).toEqual([
      {
        row: 2,
        field: 'start',
        message: '第2行：入住日期 2019-04-01 在 320 天前，14 天的观察期已过，导入后算作到期未解除，请核对',
      },
      { row: 4, field: 'start', message: '第4行：入住日期 2020-06-01 在 107 天后，请核对' },
    ]);
    await upload(h.tokens.admin, h.sites.a, csv);
    const people = (await h.call(h.tokens.admin, 'GET', `/api/v1/residents?site=${h.sites.a}&q=某`)).json()
      .items as { name: string; born: number | null }[];
    expect(Object.fromEntries(people.map((p) => [p.name, p.born]))).toMatchObject({
      钱某: null,
      孙某: 1948,
      周某: 1950,
    });
  });
});

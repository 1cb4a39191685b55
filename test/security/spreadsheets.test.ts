// Issue 17.4: a name or nickname written by a member must not run as a formula in staff's spreadsheets.
// CSV cells starting with = + - @ (or a tab or CR) are prefixed with a quote (OWASP CSV injection), the
// .xlsx writer stores them as text and never as formulas, and a roster and the API refuse such names (a
// nickname taken from WeChat cannot be refused, and a name stored before the rule may exist: exports still
// neutralise them).
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residents } from '../../db/schema.js';
import { neutralise } from '../../src/core/sheet.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { say } from '../helpers/api-village.js';

const LINK = '=HYPERLINK("http://x.cn","点我")';
const DDE = "@SUM(1+1)*cmd|' /C calc'!A0";

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
  const res = await h.call(h.tokens.admin, 'POST', '/api/v1/residents', {
    siteId: h.sites.a,
    name: '高某',
    room: '2105',
    start: '2020-02-10',
  });
  expect(res.statusCode).toBe(201);
  // A name stored before the API refused formulas.
  await h.db.db.update(residents).set({ name: LINK }).where(eq(residents.id, res.json().id));
  await say(h, TOPICS.vVillagers, DDE, '帮我买两袋化肥', '2020-02-15 09:00');
});
afterAll(() => h.close());

const get = (url: string) =>
  h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${h.tokens.admin}` } });

describe('formulas in exports', () => {
  it('neutralises every cell a spreadsheet would run, and leaves numbers alone', () => {
    for (const s of ['=1+1', '+1', '-1+A1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralise(s), JSON.stringify(s)).toBe(`'${s}`);
    for (const v of [36.5, -1, 0, '36.5', '高某', 'a=b', null]) expect(neutralise(v)).toBe(v);
  });

  it('quotes a planted formula in the temperature and order CSVs', async () => {
    const t = await get(`/api/v1/sites/${h.sites.a}/exports/temperatures.csv?from=2020-02-15&to=2020-02-15`);
    expect(t.statusCode).toBe(200);
    expect(t.body).toContain(`,"'=HYPERLINK(""http://x.cn"",""点我"")",`);
    expect(t.body).not.toMatch(/(^|,|\r\n)"?=HYPERLINK/);
    const o = await get(`/api/v1/sites/${h.sites.v}/exports/orders.csv`);
    expect(o.statusCode).toBe(200);
    expect(o.body).toContain(`'${DDE.replaceAll('"', '""')}`);
    for (const line of o.body.split('\r\n'))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
  });

  it('writes a planted formula into the .xlsx as text, never as a formula', async () => {
    const res = await get(
      `/api/v1/sites/${h.sites.a}/exports/temperatures.xlsx?from=2020-02-15&to=2020-02-15`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const planted = cells.find((c) => String(c.value).includes('HYPERLINK'));
    expect(planted?.type).toBe(ExcelJS.ValueType.String);
    expect(planted?.formula).toBeUndefined();
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});

describe('formulas in a roster', () => {
  it('refuses names and nicknames that start like a formula, by row', async () => {
    const csv = [
      '姓名,房间号,入住日期,微信昵称',
      '高某,2105,2020-02-10,',
      `"${LINK.replaceAll('"', '""')}",2106,2020-02-10,`,
      '王某,2107,2020-02-10,+86 138',
      '@李某,2108,2020-02-10,',
    ].join('\n');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${h.sites.a}/roster?dryRun=true`,
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 3, field: 'name', message: expect.stringContaining('像表格公式') }),
      expect.objectContaining({ row: 4, field: 'wechat', message: expect.stringContaining('像表格公式') }),
      expect.objectContaining({ row: 5, field: 'name', message: expect.stringContaining('像表格公式') }),
    ]);
  });
});

describe('formulas through the API', () => {
  it('refuses a resident’s or household’s name, nickname or group that starts like a formula, naming the field', async () => {
    const refused = [
      [
        'POST',
        '/api/v1/residents',
        { siteId: h.sites.a, name: '=1+1', room: '2110', start: '2020-02-10' },
        'name',
      ],
      [
        'POST',
        '/api/v1/residents',
        { siteId: h.sites.a, name: '孙某', room: '2111', start: '2020-02-10', wechat: '@SUM(A1)' },
        'wechat',
      ],
      ['POST', '/api/v1/households', { siteId: h.sites.v, name: '+刘家' }, 'name'],
      ['POST', '/api/v1/households', { siteId: h.sites.v, name: '刘家', group: '-1+A1' }, 'group'],
    ] as const;
    for (const [method, url, body, field] of refused) {
      const res = await h.call(h.tokens.admin, method, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
      expect(JSON.stringify(res.json())).toContain('formula');
    }
    // A phone number may start with +.
    const ok = await h.call(h.tokens.admin, 'POST', '/api/v1/households', {
      siteId: h.sites.v,
      name: '赵家',
      phone: '+86 138 0000 0000',
    });
    expect(ok.statusCode).toBe(201);
  });
});

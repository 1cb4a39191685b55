// /api/v1/sites/:id/exports/…: the temperature 台账 and the village lists as files, read back with
// exceljs (cells, the fever fill) and as CSV (BOM, header).
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { addHouseholds, addResidents, local, say } from '../helpers/api-village.js';

let h: ApiHarness;
let plannedEnd: Record<string, string>;
beforeAll(async () => {
  h = await createApiHarness();
  await addHouseholds(h);
  await addResidents(h, [
    { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
    { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-14' },
  ]);
  const A = TOPICS.aResidents;
  await say(h, A, '2105高', '2105 体温37.9', '2020-02-15 07:40');
  await say(h, A, '2106李', '体温36.5', '2020-02-15 07:50');
  await say(h, A, '2105高', '36.8', '2020-02-15 20:05');
  // A report without a number is a report: the cell must not look unreported.
  await say(h, A, '2106李', '体温正常', '2020-02-15 20:10');
  // Symptoms said without a temperature: the cell names them.
  await say(h, A, '2105高', '咳嗽 乏力', '2020-02-16 07:30');
  await say(h, A, '2106李', '36.6', '2020-02-16 07:45');
  const V = TOPICS.vVillagers;
  await say(h, V, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', '2020-02-16 08:00');
  await say(h, V, '老王', '帮我买一袋化肥', '2020-02-16 08:05');
  await say(h, V, '老王', '今天下午送两桶水', '2020-02-16 08:06');
  h.clock.set(local('2020-02-16 09:00'));
  const residents = (await h.call(h.tokens.admin, 'GET', '/api/v1/residents')).json().items;
  plannedEnd = Object.fromEntries(
    residents.map((r: { name: string; plannedEndDate: string }) => [r.name, r.plannedEndDate]),
  );
  const first = (await h.call(h.tokens.admin, 'GET', `/api/v1/orders?site=${h.sites.v}`)).json().items[0];
  await h.call(h.tokens.volunteerV, 'POST', `/api/v1/orders/${first.id}/bought`, {
    cost: 120,
    note: '农资店',
  });
});
afterAll(() => h.close());

async function workbook(res: LightMyRequestResponse) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  return { ws, row };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

describe('GET /api/v1/sites/:id/exports/temperatures.xlsx|.csv', () => {
  const url = () => `/api/v1/sites/${h.sites.a}/exports/temperatures`;

  it('writes one row per resident and a column per day and slot, fevers bold on red', async () => {
    const res = await h.call(h.tokens.medicA, 'GET', `${url()}.xlsx?from=2020-02-15&to=2020-02-16`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      disposition(
        '五指山观察点体温台账_2020-02-15至2020-02-16.xlsx',
        `temperatures-${h.sites.a}-2020-02-15-2020-02-16.xlsx`,
      ),
    );
    const { ws, row } = await workbook(res);
    expect(ws.name).toBe('体温台账');
    expect(row(1)[0]).toBe('五指山观察点 体温台账（2月15日至2月16日，≥37.3℃ 为发热，标红）');
    expect(row(2)).toEqual([
      '房间',
      '姓名',
      '状态',
      '开始',
      '计划解除',
      '2月15日 早',
      '2月15日 晚',
      '2月16日 早',
      '2月16日 晚',
      '代报/电话/上门',
    ]);
    expect(row(3)).toEqual([
      '2105',
      '高某',
      '观察中',
      '2020-02-07',
      plannedEnd.高某,
      37.9,
      36.8,
      '咳嗽、乏力',
    ]);
    expect(row(4)).toEqual(['2106', '李某', '观察中', '2020-02-14', plannedEnd.李某, 36.5, '正常', 36.6]);
    expect(ws.rowCount).toBe(4);
    const fever = ws.getCell('F3');
    expect(fever.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9999' } });
    expect(fever.font?.bold).toBe(true);
    for (const ref of ['G3', 'F4', 'G4', 'H4']) {
      expect(ws.getCell(ref).fill, ref).toBeUndefined();
      expect(ws.getCell(ref).font?.bold, ref).toBeFalsy();
    }
  });

  it('writes the same as CSV with a BOM, header first', async () => {
    const res = await h.call(h.tokens.staffA, 'GET', `${url()}.csv?from=2020-02-15&to=2020-02-16`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('五指山观察点体温台账_2020-02-15至2020-02-16.csv')}`,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.slice(1).split('\r\n')).toEqual([
      '房间,姓名,状态,开始,计划解除,2月15日 早,2月15日 晚,2月16日 早,2月16日 晚,代报/电话/上门',
      `2105,高某,观察中,2020-02-07,${plannedEnd.高某},37.9,36.8,咳嗽、乏力,,`,
      `2106,李某,观察中,2020-02-14,${plannedEnd.李某},36.5,正常,36.6,,`,
      '',
    ]);
  });

  it('covers the observation days up to today by default', async () => {
    const { row } = await workbook(await h.call(h.tokens.admin, 'GET', `${url()}.xlsx`));
    const header = row(2) as string[];
    expect(header).toHaveLength(5 + 10 * 2 + 1);
    expect(header[5]).toBe('2月7日 早');
    expect(header.at(-2)).toBe('2月16日 晚');
  });

  it('400 for a bad or too long range, 401, 403 by role and by site, 404, 409 for a village', async () => {
    const long = await h.call(h.tokens.admin, 'GET', `${url()}.csv?from=2020-01-01&to=2020-03-31`);
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].field).toBe('querystring.from');
    const back = await h.call(h.tokens.admin, 'GET', `${url()}.xlsx?from=2020-02-16&to=2020-02-15`);
    expect(back.json().fields[0].field).toBe('querystring.to');
    expect((await h.call(h.tokens.admin, 'GET', `${url()}.xlsx?from=15.2`)).statusCode).toBe(400);
    expect((await h.call(null, 'GET', `${url()}.xlsx`)).statusCode).toBe(401);
    for (const t of [h.tokens.volunteerV, h.tokens.viewerA, h.tokens.staffB])
      for (const ext of ['xlsx', 'csv'])
        expect((await h.call(t, 'GET', `${url()}.${ext}`)).statusCode).toBe(403);
    expect(
      (await h.call(h.tokens.admin, 'GET', '/api/v1/sites/9999/exports/temperatures.csv')).statusCode,
    ).toBe(404);
    const village = await h.call(
      h.tokens.admin,
      'GET',
      `/api/v1/sites/${h.sites.v}/exports/temperatures.csv`,
    );
    expect(village.statusCode).toBe(409);
  });
});

describe('the village exports', () => {
  const url = (what: string) => `/api/v1/sites/${h.sites.v}/exports/${what}`;

  it('exports the orders, filtered by status', async () => {
    const res = await h.call(h.tokens.volunteerV, 'GET', url('orders.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      disposition('七星洞村订单.xlsx', `orders-${h.sites.v}.xlsx`),
    );
    const { ws, row } = await workbook(res);
    expect(ws.name).toBe('订单');
    expect(row(2)).toEqual([
      '单号',
      '下单时间',
      '订户',
      '户',
      '组',
      '电话',
      '送到',
      '物品',
      '状态',
      '来源',
      '志愿者',
      '买好时间',
      '送达时间',
      '垫付（元）',
      '备注',
    ]);
    expect(row(3)).toEqual([
      'O-0001',
      '2020-02-16 08:00',
      '刘家',
      '刘家',
      '三组',
      '13800001111',
      '三组12号',
      '化肥 2袋、菜籽油 1桶',
      '已买待送',
      '消息',
      'volunteer-v',
      '2020-02-16 09:00',
      undefined,
      120,
      '农资店',
    ]);
    const open = await h.call(h.tokens.volunteerV, 'GET', `${url('orders.csv')}?status=open`);
    const lines = open.body.slice(1).split('\r\n');
    expect(open.body.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]?.startsWith('单号,下单时间,订户,户,组,电话,送到,物品,状态')).toBe(true);
    expect(lines.slice(1)).toEqual([
      'O-0002,2020-02-16 08:05,老王,老王,五组,13900002222,五组,化肥 1袋,待买,消息,,,,,',
      '',
    ]);
  });

  it('exports the purchase list and the day’s delivery list', async () => {
    const buy = await workbook(await h.call(h.tokens.volunteerV, 'GET', url('purchase-list.xlsx')));
    expect(buy.ws.name).toBe('采购单');
    expect(buy.row(2)).toEqual(['物品', '数量', '单位', '单数', '没说数量的单数']);
    expect(buy.row(3)).toEqual(['化肥', 1, '袋', 1, 0]);
    expect(buy.ws.rowCount).toBe(3);
    const csv = await h.call(h.tokens.volunteerV, 'GET', `${url('delivery-list.csv')}?date=2020-02-16`);
    expect(csv.headers['content-disposition']).toContain(encodeURIComponent('七星洞村送货单_2020-02-16.csv'));
    expect(csv.body.slice(1).split('\r\n')).toEqual([
      '组,户/订户,送到,电话,货物,送水',
      '三组,刘家,三组12号,13800001111,O-0001 化肥 2袋、菜籽油 1桶,',
      '五组,老王,五组,13900002222,,W-0001 2桶 下午',
      '',
    ]);
  });

  it('400, 401, 403 by role and by village, 404, 409 for an observation site', async () => {
    expect((await h.call(h.tokens.admin, 'GET', `${url('orders.csv')}?status=lost`)).statusCode).toBe(400);
    expect((await h.call(h.tokens.admin, 'GET', `${url('delivery-list.xlsx')}?date=x`)).statusCode).toBe(400);
    expect((await h.call(null, 'GET', url('purchase-list.csv'))).statusCode).toBe(401);
    for (const what of ['orders.xlsx', 'purchase-list.csv', 'delivery-list.xlsx']) {
      expect((await h.call(h.tokens.staffA, 'GET', url(what))).statusCode, what).toBe(403);
      const w = `/api/v1/sites/${h.sites.w}/exports/${what}`;
      expect((await h.call(h.tokens.volunteerV, 'GET', w)).statusCode, what).toBe(403);
      expect((await h.call(h.tokens.admin, 'GET', `/api/v1/sites/9999/exports/${what}`)).statusCode).toBe(
        404,
      );
      expect(
        (await h.call(h.tokens.admin, 'GET', `/api/v1/sites/${h.sites.a}/exports/${what}`)).statusCode,
      ).toBe(409);
    }
  });
});

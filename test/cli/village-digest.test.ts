// A village's day through the `shouwang` commands (in-process): setup (with households), replay of the villagers' and
// volunteers' chat, then the digest as JSON and text, and what the bot said.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';
import { VILLAGE_SETUP } from '../helpers/village.js';

const cli = cliSession('sw-village-');
const shouwang = cli.run;
const dir = cli.dir;

const V = '七星洞村村民群';
const T = '七星洞村志愿队';
const list = (...lines: string[]) => ['#接龙 代买', ...lines].join('\n');
const CHAT = [
  ['09:00', V, '刘婆婆', '帮我买两袋化肥和一桶菜油，送到三组'],
  ['09:05', V, '老李', list('1. 老李 尿素2袋', '2. 张三 大米20斤')],
  ['09:10', V, '老王', list('1. 老李 尿素2袋', '2. 张三 大米20斤', '3. 老王 菜籽油1桶')],
  ['09:12', V, '张三', list('1. 老李 尿素2袋', '2. 张三 大米20斤', '3. 老王 菜籽油1桶')],
  // Each line changes or goes only by its owner: 老李 changes his (and adds 赵大爷's), 张三 takes his out.
  ['09:20', V, '老李', list('1. 老李 尿素3袋', '2. 张三 大米20斤', '3. 老王 菜籽油1桶', '4. 赵大爷 化肥1袋')],
  ['09:30', V, '张三', list('1. 老李 尿素3袋', '2. 老王 菜籽油1桶', '3. 赵大爷 化肥1袋', '4. 小陈 盐2袋')],
  ['09:40', V, '老王', '明天下午送两桶水到5组'],
  ['09:45', V, '刘婆婆', '今天下午送一桶水'],
  ['09:50', V, '张三', '买点感冒药'],
  // A fever goes to the volunteers at once, and the day's digest lists it again.
  ['09:52', V, '刘婆婆', '老汉今天38.6 咳得凶 村医能来看一下不'],
  ['10:00', V, '刘婆婆', '菜油不要了'],
  ['11:00', T, '小李', '#已买 O-0005'],
  ['14:00', T, '小李', '#送达 O-0005 40元'],
].map(([hhmm, room, from, text]) => ({ at: `2020-02-15T${hhmm}:00+08:00`, room, from, text }));

beforeAll(async () => {
  await cli.open();
  fs.writeFileSync(path.join(dir, 'setup.json'), JSON.stringify(VILLAGE_SETUP));
  // Shuffled: replay sorts by time.
  const lines = CHAT.map((e) => JSON.stringify(e)).reverse();
  fs.writeFileSync(path.join(dir, 'chat.jsonl'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await cli.close();
});

describe('a village day replayed through the command line', () => {
  it('sets up, replays and gives the digest the contract describes', async () => {
    expect((await shouwang('setup', 'setup.json')).stdout).toBe(
      'setup applied: 1 sites, 2 groups, 0 residents added, 0 updated, 3 households\n',
    );
    const replayed = await shouwang('replay', 'chat.jsonl');
    expect(replayed.stderr).toBe('');
    expect(replayed.stdout).toMatch(/^replayed 13 messages/);

    const day = JSON.parse(
      (await shouwang('digest', '--site', '七星洞村', '--date', '2020-02-15', '--json')).stdout,
    );
    expect({
      site: day.site,
      date: day.date,
      orders: day.orders,
      purchaseList: day.purchaseList,
      water: day.water,
      undelivered: day.undelivered,
      advancedFen: day.advancedFen,
      owed: day.owed,
      care: day.care,
    }).toEqual({
      site: '七星洞村',
      date: '2020-02-15',
      orders: 6,
      purchaseList: [
        { name: '菜籽油', unit: '桶', qty: 1 },
        { name: '感冒药', unit: null, qty: null },
        { name: '化肥', unit: '袋', qty: 2 },
        { name: '尿素', unit: '袋', qty: 3 },
        { name: '盐', unit: '袋', qty: 2 },
      ],
      water: [{ deliverTo: '三组12号', qty: 1, part: 'pm' }],
      undelivered: 5,
      advancedFen: 4000,
      owed: [{ household: '赵大爷', fen: 4000, orders: 1 }],
      care: [
        {
          time: '09:52',
          household: '刘家（三组）',
          said: '老汉 38.6℃，咳嗽',
          ask: '请村医尽快上门。',
          urgent: true,
        },
      ],
    });

    const next = JSON.parse(
      (await shouwang('digest', '--site', '七星洞村', '--date', '2020-02-16', '--json')).stdout,
    );
    expect([next.orders, next.water, next.undelivered, next.purchaseList.length, next.care]).toEqual([
      0,
      [{ deliverTo: '五组', qty: 2, part: 'pm' }],
      5,
      5,
      [],
    ]);
    const before = JSON.parse(
      (await shouwang('digest', '--site', '七星洞村', '--date', '2020-02-14', '--json')).stdout,
    );
    expect([before.orders, before.purchaseList, before.water, before.undelivered]).toEqual([0, [], [], 0]);

    expect((await shouwang('digest', '--site', '七星洞村', '--date', '2020-02-15')).stdout).toBe(
      [
        '【七星洞村 2月15日汇总】',
        '当天新订单 6 单；未送达 5 单（待买 5，已买待送 0）。',
        '【村民健康】1 条',
        '· 09:52 刘家（三组）：老汉 38.6℃，咳嗽。请村医尽快上门。（急）',
        '【待采购】共 5 样',
        '· 菜籽油 1桶（1单）',
        '· 感冒药 若干（1单）',
        '· 化肥 2袋（1单）',
        '· 尿素 3袋（1单）',
        '· 盐 2袋（1单）',
        '【送水单 2月15日】1 家，共 1 桶',
        '三组：',
        '· 刘家 三组12号（13800001111）：送水 1桶 下午 W-0002',
        '志愿者垫付共 40 元：赵大爷 40 元。',
        '',
      ].join('\n'),
    );

    const said = JSON.parse((await shouwang('outbox', '--json', '--room', V)).stdout) as {
      at: string;
      text: string;
    }[];
    expect(said.filter((s) => s.text.startsWith('接龙')).map((s) => [s.at, s.text])).toEqual([
      [
        '2020-02-15T09:05:00+08:00',
        '接龙已收到，记下 2 单：\n1. 老李 尿素 2袋（O-0002）\n2. 张三 大米 20斤（O-0003）',
      ],
      ['2020-02-15T09:10:00+08:00', '接龙已更新：\n新增 3. 老王 菜籽油 1桶（O-0004）'],
      [
        '2020-02-15T09:20:00+08:00',
        '接龙已更新：\n修改 1. 老李 尿素 3袋（O-0002）\n新增 4. 赵大爷 化肥 1袋（O-0005）',
      ],
      [
        '2020-02-15T09:30:00+08:00',
        '接龙已更新：\n新增 4. 小陈 盐 2袋（O-0006）\n取消 2. 张三 大米 20斤（O-0003）',
      ],
    ]);
    // 老李 added 赵大爷's line for him: the bot knows no WeChat of his to @mention, so it names him.
    expect(said.at(-1)).toMatchObject({ text: '赵大爷的订单 O-0005 已送到，垫付 40 元。', mentions: [] });
  }, 240_000);

  it('refuses a digest without a site or a proper date', async () => {
    expect((await shouwang('digest', '--site', '七星洞村')).code).toBe(2);
    const r = await shouwang('digest', '--site', '没有这个村', '--date', '2020-02-15', '--json');
    expect([r.code, r.stderr]).toEqual([
      1,
      expect.stringMatching(/^shouwang: no site named 没有这个村 \(the sites: .*七星洞村.*\)\n$/),
    ]);
  });
});

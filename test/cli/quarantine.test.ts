// An observation site through the `shouwang` commands (in-process): setup → replay → digest --json, and
// roster imports from CSV and XLSX files with bad rows.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';
import { RESIDENTS, SITE, STAFF, siteSetup } from '../helpers/quarantine.js';

const cli = cliSession('sw-quarantine-');
const shouwang = cli.run;
const dir = cli.dir;

beforeAll(async () => {
  await cli.open();
});
afterAll(async () => {
  await cli.close();
});

// Generous for a busy machine.
const SLOW = 300_000;

/** A second site for the roster tests, so they do not share residents with the replay. */
const ROSTER_SITE = '金刀峡观察点';
const XLSX_SITE = '缙云观察点';
const rosterSite = (name = ROSTER_SITE) => ({
  sites: [{ name, kind: 'quarantine', groups: [{ topic: `${name}住户群`, role: 'residents' }] }],
});

const write = (name: string, content: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

describe('setup, replay and the digest', () => {
  it(
    'replays a day of the residents and staff groups and prints the contract’s digest',
    async () => {
      const setup = siteSetup([
        { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
        { name: '李某', room: '2106', start: '2020-02-08' },
        { name: '王某', room: '2107', wechat: '小王', start: '2020-02-10' },
        { name: '赵某', room: '2108', start: '2020-02-01' },
      ]);
      expect((await shouwang('setup', write('setup.json', JSON.stringify(setup)))).code).toBe(0);
      const at = (t: string) => `2020-02-15T${t}:00+08:00`;
      const log = [
        { at: at('07:40'), room: RESIDENTS, from: '2105高', text: '2105 早上36.5' },
        { at: at('07:50'), room: RESIDENTS, from: '2106李某', text: '37.6，咳嗽' },
        { at: at('08:00'), room: RESIDENTS, from: '小王', text: '2107需要一个体温计' },
        { at: at('08:05'), room: RESIDENTS, from: '小王', text: '谢谢！' },
        { at: at('08:06'), room: RESIDENTS, from: '小王', text: '什么时候能做核酸' },
        { at: at('09:00'), room: STAFF, from: '张医生', text: '#已处理 A-0001 已联系' },
        { at: at('10:00'), room: STAFF, from: '张医生', text: '#解除 2108' },
        { at: at('20:05'), room: RESIDENTS, from: '2105高', text: '晚上36.8' },
        { at: at('20:10'), room: RESIDENTS, from: '2106李某', text: '36.9' },
      ];
      const replayed = await shouwang(
        'replay',
        write('day.jsonl', log.map((e) => JSON.stringify(e)).join('\n')),
      );
      expect(replayed.stderr).toBe('');
      expect(replayed.stdout).toMatch(/^replayed 9 messages/);

      const digest = await shouwang('digest', '--site', SITE, '--date', '2020-02-15', '--json');
      expect(digest.stderr).toBe('');
      expect(JSON.parse(digest.stdout)).toEqual({
        site: SITE,
        date: '2020-02-15',
        observing: 3,
        reported: { am: 2, pm: 2 },
        missing: { am: ['王某'], pm: ['王某'] },
        fever: [{ name: '李某', room: '2106', temperature: 37.6, at: '2020-02-15T07:50:00+08:00' }],
        openRequests: 1,
        releasesDue: [],
        admittedTotal: 4,
        releasedTotal: 1,
        urgentRequests: 0,
        openAlerts: 0,
        unplaced: 1,
        releasesTomorrow: [],
        overdue: [],
        reportedVia: { phone: 0, visit: 0, relative: 0 },
        unaccounted: { am: [{ name: '王某', room: '2107', tried: '群里提醒、私信、列入电话名单' }], pm: [] },
      });
      expect((await shouwang('digest', '--site', SITE, '--date', '2020-02-15')).stdout).toBe(
        [
          '【五指山观察点 2月15日日报】',
          '在观察 3 人；早报 2/3，晚报 2/3',
          '未报（早）：2107 王某',
          '未报（晚）：2107 王某',
          '仍未联系上（早）1 人：2107 王某（群里提醒、私信、列入电话名单）',
          '发热 1 人：2106 李某 37.6℃（07:50）',
          '待办需求 1 件',
          '累计接收 4 人，解除 1 人',
          '待核对消息 1 条',
          '',
        ].join('\n'),
      );
      const staff = JSON.parse((await shouwang('outbox', '--json', '--room', STAFF)).stdout) as {
        at: string;
        text: string;
      }[];
      expect(staff.map((m) => [m.at, m.text])).toEqual([
        [
          '2020-02-15T07:50:00+08:00',
          '【告警 A-0001】2106 李某 早 37.6℃，咳嗽（07:50）。处理后请回复 #已处理 A-0001',
        ],
        // The timetable runs as the clock follows the log: the morning summary, release notices and the
        // morning's missing list (2108 was still observing at 10:00, when the list went out).
        ['2020-02-15T08:30:00+08:00', '【夜间情况 2月15日】\n发热 1 人：2106 李某 37.6℃（今早 07:50）'],
        [
          '2020-02-15T09:00:00+08:00',
          '【解除提醒】\n今天到期 1 人：2108 赵某\n办理后请发 #解除 房号 姓名；需延长请发 #延长 房号 天数。',
        ],
        ['2020-02-15T09:00:00+08:00', 'A-0001 已确认处理（张医生）。'],
        [
          '2020-02-15T10:00:00+08:00',
          '【早报电话名单 2月15日】共 2 人，按先后打：\n1. 2107 王某：已试：群里提醒、私信\n2. 2108 赵某：已试：群里提醒\n打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
        ],
        ['2020-02-15T10:00:00+08:00', '已解除：2108 赵某（观察 14 天）。'],
      ]);
    },
    SLOW,
  );

  it(
    'refuses a digest without a site or date, or for an unknown site',
    async () => {
      expect((await shouwang('digest', '--site', SITE)).code).toBe(2);
      const r = await shouwang('digest', '--site', '没有这个点', '--date', '2020-02-15');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('shouwang: no site named 没有这个点 (the sites: 五指山观察点)\n');
    },
    SLOW,
  );
});

describe('shouwang import', () => {
  it(
    'imports a CSV roster with a BOM, reports bad rows by number, and is idempotent',
    async () => {
      await shouwang('setup', write('site.json', JSON.stringify(rosterSite())));
      const csv =
        '\uFEFF姓名,房间号,入住日期,观察天数,手机号,微信昵称\r\n' +
        '陈某,3101,2020-02-07,,13800000001,3101陈\r\n' +
        '周某,3102,2020-2-30,,,\r\n' +
        '"吴,某",3103房,2020/2/9,21,,\r\n' +
        ',3104,2020年2月9日,,,\r\n' +
        '郑某,3105,2020年2月10日,abc,,\r\n';
      const file = write('roster.csv', csv);
      const dry = await shouwang('import', file, '--site', ROSTER_SITE, '--dry-run');
      expect(dry.stdout).toBe('dry run (nothing written): would have 2 residents added, 0 updated\n');
      expect(dry.code).toBe(1);
      const first = await shouwang('import', file, '--site', ROSTER_SITE);
      expect(first.code).toBe(1);
      expect(first.stdout).toBe(`roster imported into ${ROSTER_SITE}: 2 residents added, 0 updated\n`);
      expect(first.stderr).toBe(
        'shouwang: 3 rows not imported: 第3行：入住日期“2020-2-30”不是有效日期; 第5行：缺少姓名; ' +
          '第6行：观察天数“abc”应为 1 到 60 的整数\n',
      );
      const again = await shouwang('import', file, '--site', ROSTER_SITE);
      expect(again.stdout).toBe(`roster imported into ${ROSTER_SITE}: 0 residents added, 2 updated\n`);
      const good = write('good.csv', 'name,room,start\n孙某,3106,2020-02-11\n');
      expect(await shouwang('import', good, '--site', ROSTER_SITE)).toMatchObject({ code: 0, stderr: '' });
      const json = JSON.parse(
        (await shouwang('digest', '--site', ROSTER_SITE, '--date', '2020-03-01', '--json')).stdout,
      );
      // 吴,某 was imported with 21 days (3103), the others with the site's 14.
      expect(json).toMatchObject({ observing: 1, missing: { am: ['吴,某'] }, admittedTotal: 3 });
    },
    SLOW,
  );

  it(
    'imports an XLSX roster with Excel dates and reports its bad rows',
    async () => {
      await shouwang('setup', write('site.json', JSON.stringify(rosterSite(XLSX_SITE))));
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '房间号', '入住日期', '微信昵称']);
      ws.addRow(['钱某', 4101, new Date(Date.UTC(2020, 1, 12)), '4101钱']);
      ws.addRow(['冯某', '4102', 43873, null]);
      ws.addRow(['蒋某', '4103', '2020.13.01', null]);
      ws.addRow([]);
      ws.addRow(['韩某', null, '2020-02-12', null]);
      const file = path.join(dir, 'roster.xlsx');
      await wb.xlsx.writeFile(file);
      const r = await shouwang('import', file, '--site', XLSX_SITE);
      expect(r.stdout).toBe(`roster imported into ${XLSX_SITE}: 2 residents added, 0 updated\n`);
      expect(r.stderr).toBe(
        'shouwang: 2 rows not imported: 第4行：入住日期“2020.13.01”不是有效日期; 第6行：缺少房间号\n',
      );
      const digest = JSON.parse(
        (await shouwang('digest', '--site', XLSX_SITE, '--date', '2020-02-12', '--json')).stdout,
      );
      expect(digest).toMatchObject({ observing: 2, missing: { am: ['钱某', '冯某'] } });
    },
    SLOW,
  );

  it(
    'names a missing header column and an unknown site, and writes nothing',
    async () => {
      const noStart = write('nostart.csv', '姓名,房间号\n甲,1\n');
      expect((await shouwang('import', noStart, '--site', ROSTER_SITE)).stderr).toBe(
        'shouwang: the roster header lacks columns: 第1行表头缺少“入住日期”列（可用：姓名、房间号、入住日期、观察天数、手机号、微信昵称、年龄或出生日期）\n',
      );
      const r = await shouwang(
        'import',
        write('x.csv', '姓名,房间号,入住日期\n甲,1,2020-02-01\n'),
        '--site',
        '无此点',
      );
      expect(r).toMatchObject({ code: 1, stderr: 'shouwang: no site named 无此点\n' });
    },
    SLOW,
  );
});

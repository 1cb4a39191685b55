import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv.js';
import { readRoster, rosterDate } from '../../../src/core/quarantine/roster.js';

describe('the CSV reader', () => {
  it('reads quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n3,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['3', ''],
    ]);
  });

  it('takes a tab or a full-width comma when the header uses one', () => {
    expect(parseCsv('姓名\t房间号\n张三\t2105')).toEqual([
      ['姓名', '房间号'],
      ['张三', '2105'],
    ]);
    expect(parseCsv('姓名，房间号\n张三，2105')).toEqual([
      ['姓名', '房间号'],
      ['张三', '2105'],
    ]);
  });

  it('never throws', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('"unterminated')).toEqual([['unterminated']]);
  });
});

describe('roster dates', () => {
  it.each([
    ['2020-02-07', '2020-02-07'],
    ['2020-2-7', '2020-02-07'],
    ['2020/2/7', '2020-02-07'],
    ['2020.2.7', '2020-02-07'],
    ['2020年2月7日', '2020-02-07'],
    ['20200207', '2020-02-07'],
    ['2020-02-07 00:00:00', '2020-02-07'],
    ['43868', '2020-02-07'],
    [43868, '2020-02-07'],
    [new Date(Date.UTC(2020, 1, 7)), '2020-02-07'],
    ['2020-2-30', null],
    ['2月7日', null],
    ['明天', null],
    [12, null],
  ])('%s → %s', (cell, date) => {
    expect(rosterDate(cell)).toBe(date);
  });
});

describe('reading a roster', () => {
  it('maps Chinese or English headers and reports each bad row by number', () => {
    const { rows, problems } = readRoster([
      [],
      ['Name', 'Room', 'Start', 'Days', 'Phone', 'WeChat'],
      ['张三', 2105, '2020-02-07', '', '138 0013 8000', '2105张'],
      ['李四', '2106房', '2020-2-30', '', '', ''],
      ['', '', '', '', '', ''],
      ['王五', '', '2020-02-08', '100', 'abc', ''],
      ['张三', '2105', '2020-02-09', '', '', ''],
    ]);
    expect(rows).toEqual([
      { row: 3, name: '张三', room: '2105', start: '2020-02-07', phone: '138 0013 8000', wechat: '2105张' },
    ]);
    expect(problems).toEqual([
      '第4行：入住日期“2020-2-30”不是有效日期',
      '第6行：缺少房间号；观察天数“100”应为 1 到 60 的整数；手机号“abc”不像电话号码',
      '第7行：与第3行重复（2105 张三）',
    ]);
  });

  it('skips a title row above the header', () => {
    const { rows } = readRoster([
      ['五指山观察点住户名单'],
      ['姓名', '房间号', '入住日期'],
      ['张三', '2105', '2020/2/7'],
    ]);
    expect(rows).toEqual([{ row: 3, name: '张三', room: '2105', start: '2020-02-07' }]);
  });

  it('refuses a header without the required columns', () => {
    expect(() => readRoster([['姓名', '房号']])).toThrow(/第1行表头缺少“入住日期”列/);
    expect(() => readRoster([])).toThrow(/empty/);
  });
});

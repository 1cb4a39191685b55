// parseMessage is total and linear: any string up to 10 000 characters gives records of the contract's shape,
// and adversarial inputs finish quickly (a guard against catastrophic regex backtracking, not a benchmark).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage, readJielong } from '../../../src/core/parse/index.js';
import { recordsSchema } from './shape.js';

const pieces = [
  ...[
    '36',
    '.',
    '..',
    '。',
    '．',
    '5',
    '37.8',
    '365',
    '3.65',
    '度',
    '℃',
    '°',
    '三十六',
    '点',
    '八',
    '2105',
    '房',
  ],
  ...['栋', '早上', '晚上', '体温', '不', '无', '咳嗽', '发烧', '没有', '两', '袋', '斤', '半', '几', '化肥'],
  ...[
    '口罩',
    '给',
    '买',
    '送到',
    '三组',
    '水',
    '桶',
    '明天',
    '周三',
    '下周一',
    '不要了',
    '取消',
    '#',
    '＃',
    '接龙',
  ],
  ...[
    '\n',
    '1.',
    '①',
    '(1)',
    ' ',
    '，',
    '、',
    '和',
    '吗',
    '？',
    '🙏',
    '😷',
    '\u0000',
    '\u200b',
    '\t',
    'x',
    '×',
  ],
];
const messageish = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((a) => a.join(''));
const anyString = fc.string({ unit: 'binary', maxLength: 10_000 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 2_000 });
const at = fc.option(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01') }), {
  nil: undefined,
});
const context = fc.constantFrom(undefined, 'quarantine' as const, 'village' as const);

describe('parseMessage properties', () => {
  it('never throws and always returns the contract shape', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, graphemes, messageish), at, context, (text, when, ctx) => {
        const out = parseMessage({ text, at: when, context: ctx });
        expect(recordsSchema.safeParse(out).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(messageish, (text) => {
        const at = new Date('2020-02-15T08:00:00+08:00');
        expect(parseMessage({ text, at })).toEqual(parseMessage({ text, at }));
      }),
      { numRuns: 200 },
    );
  });

  it('survives values that are not strings', () => {
    for (const text of [undefined, null, 42, {}, []] as unknown as string[]) {
      expect(parseMessage({ text })).toEqual([]);
      expect(readJielong(text)).toBeNull();
    }
    expect(parseMessage({ text: '36.5', at: new Date(Number.NaN) })).toEqual([
      { type: 'health', temperature: 36.5, slot: null, symptoms: [], room: null },
    ]);
  });
});

describe('adversarial inputs finish quickly', () => {
  const numbered = Array.from({ length: 10_000 }, (_, i) => `${i + 1}. 张三 化肥${i % 9}袋`).join('\n');
  const cases: [string, string][] = [
    ['digits', '3'.repeat(10_000)],
    ['1. repeated', '1.'.repeat(5_000)],
    ['hashes', '#'.repeat(10_000)],
    ['fullwidth hashes', '＃'.repeat(10_000)],
    ['digit/dot alternation', '3.6'.repeat(3_333)],
    ['dots', `36${'.'.repeat(9_990)}5`],
    ['numbered lines', numbered],
    ['接龙 header and numbered lines', `#接龙\n${numbered}`],
    ['Chinese numerals', '三十六点'.repeat(2_500)],
    ['units', '两袋'.repeat(5_000)],
    ['symptoms', '没有不'.repeat(3_333)],
    ['mentions', '@a '.repeat(3_333)],
    ['brackets', '[微笑'.repeat(3_000)],
    ['spaces', ' '.repeat(10_000)],
    ['newlines', '\n'.repeat(10_000)],
    ['rooms', '2105房'.repeat(2_000)],
    ['emoji', '😷'.repeat(5_000)],
    ['mixed', '早上36.5 晚上36.9 送到三组 两袋化肥 '.repeat(300)],
    ['verbs and descriptions', '给a的'.repeat(3_000)],
    ['descriptions', `要${'新的'.repeat(5_000)}口罩`],
    ['cancellations', '化肥不要了'.repeat(2_000)],
    ['symptom words', '咳嗽'.repeat(5_000)],
    ['de', '的'.repeat(10_000)],
  ];
  it.each(cases)('%s', (_, text) => {
    // CPU time of this process, so a neighbour loading a shared machine cannot fail the guard
    const c0 = process.cpuUsage();
    const out = parseMessage({ text, at: new Date('2020-02-15T08:00:00+08:00') });
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    expect(recordsSchema.safeParse(out).success).toBe(true);
    expect(ms).toBeLessThan(500);
  });
});

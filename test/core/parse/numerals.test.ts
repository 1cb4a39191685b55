import { describe, expect, it } from 'vitest';
import { chineseToNumber, parseNumber, roundTenths } from '../../../src/core/parse/numerals.js';

describe('chineseToNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['二', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十六', 36],
    ['一百', 100],
    ['一百二', 120],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两百', 200],
    ['三千五', 3500],
    ['一千零一', 1001],
    ['两万', 20000],
    ['一万二', 12000],
    ['一万零五百', 10500],
    ['半', 0.5],
    ['零', 0],
  ])('%s = %d', (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  it.each(['几', '十几', '两三', '三四十', '七八', '一两', '万一', '百', '十百', '', '一万万', '半斤'])(
    '%s is not one exact number',
    (s) => {
      expect(chineseToNumber(s)).toBeNull();
    },
  );

  it('reads Arabic and Chinese quantities', () => {
    expect(parseNumber('5')).toBe(5);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('abc')).toBeNull();
  });

  it('rounds tenths half up from the digits', () => {
    expect(roundTenths('36', '55')).toBe(36.6);
    expect(roundTenths('36', '5')).toBe(36.5);
    expect(roundTenths('36', '04')).toBe(36);
    expect(roundTenths('36', '96')).toBe(37);
  });
});

import { describe, expect, it } from 'vitest';
import { readPinyin } from '../../../src/core/parse/pinyin.js';

describe('readPinyin', () => {
  it('reads an order typed in toneless pinyin as characters', () => {
    expect(readPinyin('yi bao yan liang ping jiang you 平溪 小飞')).toBe('一包盐两瓶酱油 平溪 小飞');
    expect(readPinyin('ming tian yao san dai hua fei + yi bao gu zhong')).toBe('明天要三袋化肥 + 一包谷种');
    // after a count, yao is medicine and yan after 条 is cigarettes
    expect(readPinyin('liang he yao')).toBe('两盒药');
    expect(readPinyin('yi tiao yan')).toBe('一条烟');
  });

  it('leaves Latin words alone unless every word is known and goods are counted', () => {
    expect(readPinyin('ok thx')).toBe('ok thx');
    expect(readPinyin('please send two masks')).toBe('please send two masks');
    // (chao cai yong de: words not known here, so the run stays as typed)
    expect(readPinyin('liang bao yan (chao cai yong de)')).toBe('两包盐 (chao cai yong de)');
    expect(readPinyin('hua fei')).toBe('hua fei');
  });
});

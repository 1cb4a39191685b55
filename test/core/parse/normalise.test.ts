import { describe, expect, it } from 'vitest';
import { normalise, stripQuote, tightenDecimals } from '../../../src/core/parse/normalise.js';
import { fixMeasureHomophones } from '../../../src/core/parse/voice.js';

describe('normalise', () => {
  it('folds full-width forms and keeps unchanged runs', () => {
    expect(normalise('体温：３６．５℃，无不适')).toBe('体温:36.5℃,无不适');
    expect(normalise('a\u200bb\r\nc')).toBe('ab\nc');
    expect(normalise('36。5[微笑]')).toBe('36.5 ');
  });

  it('reads traditional script as simplified and 俩/仨 as 两/三, one character for one', () => {
    const trad = '我媽說房間的熱水器壞了，剛才試了不行，給俩個口罩';
    const read = normalise(trad);
    expect(read).toBe('我妈说房间的热水器坏了,刚才试了不行,给两个口罩');
    expect(read).toHaveLength(trad.length);
    // a simplified message is left as it is
    expect(normalise('热水器坏了,刚才试了不行')).toBe('热水器坏了,刚才试了不行');
  });
});

describe('tightenDecimals', () => {
  it.each([
    ['36,5', '36.5'],
    ['体温36，7度', '体温36.7度'],
    ['36 .6', '36.6'],
    ['36. 6', '36.6'],
  ])('%s → %s', (a, b) => {
    expect(tightenDecimals(a)).toBe(b);
  });

  it.each(['2301 36.6，2302 36.4', '36，37，38', '买了20,5个', '36 5', '36,55'])('leaves %s alone', (s) => {
    expect(tightenDecimals(s)).toBe(s);
  });
});

describe('fixMeasureHomophones', () => {
  it('reads 带 between a numeral and goods as 袋', () => {
    expect(fixMeasureHomophones('我要两带化肥')).toBe('我要两袋化肥');
  });
  it('keeps 带 the verb', () => {
    expect(fixMeasureHomophones('帮我带两袋化肥')).toBe('帮我带两袋化肥');
    expect(fixMeasureHomophones('2带回来')).toBe('2带回来');
  });
});

describe('stripQuote', () => {
  it('drops a WeChat quoted message before the reply', () => {
    expect(stripQuote('「1203王：37.6 有点发烧」\n- - - - - - -\n收到')).toBe('收到');
  });
  it('drops a quote typed without the dashes when it names who said it', () => {
    expect(stripQuote('「1502：再要三瓶矿泉水 谢谢」 好的 马上送上来')).toBe('好的 马上送上来');
  });
  it('keeps text that is not a quote reply', () => {
    expect(stripQuote('「通知」明天送水')).toBe('「通知」明天送水');
  });
});

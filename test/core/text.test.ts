import { describe, expect, it } from 'vitest';
import { clipText, compareRooms, MAX_MESSAGE_CHARS, storableText } from '../../src/core/text.js';

describe('storableText', () => {
  it('drops NUL and replaces lone surrogates, keeping everything else as sent', () => {
    expect(storableText('36.5\u0000度')).toBe('36.5度');
    expect(storableText('a\ud800b')).toBe('a\ufffdb');
    expect(storableText('\udc00')).toBe('\ufffd');
    expect(storableText('😷\t\u0007\u202e@守望\u2005')).toBe('😷\t\u0007\u202e@守望\u2005');
  });
});

describe('clipText', () => {
  it('keeps a message within the cap whole', () => {
    expect(clipText('体温36.5')).toEqual({ text: '体温36.5', originalLength: null });
    const full = 'a'.repeat(MAX_MESSAGE_CHARS);
    expect(clipText(full)).toEqual({ text: full, originalLength: null });
  });

  it('cuts a longer one and records its length, never inside a surrogate pair', () => {
    expect(clipText('abcdef', 4)).toEqual({ text: 'abcd', originalLength: 6 });
    expect(clipText('abc😷def', 4)).toEqual({ text: 'abc', originalLength: 8 });
  });
});

describe('rooms in human order', () => {
  it('sorts building-room numbers by their numbers, not as text, with no room last', () => {
    const rooms = ['10-103', '1-201', '1-101', null, '2105', '10101', '2101'];
    expect([...rooms].sort(compareRooms)).toEqual([
      '1-101',
      '1-201',
      '10-103',
      '2101',
      '2105',
      '10101',
      null,
    ]);
  });
});

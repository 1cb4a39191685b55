import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from '../../../src/core/auth/failure-limiter.js';
import { displayPrefix, hashToken, looksLikeToken, makeToken } from '../../../src/core/auth/tokens.js';

describe('tokens', () => {
  it('are sw_ and 40 base62 characters', () => {
    const t = makeToken((n) => randomBytes(n));
    expect(t).toMatch(/^sw_[0-9A-Za-z]{40}$/);
    expect(looksLikeToken(t)).toBe(true);
    expect(makeToken((n) => randomBytes(n))).not.toBe(t);
  });

  it('skip bytes that would bias the alphabet', () => {
    // 248–255 are skipped; 0, 61 and 62 map to 0, z and 0.
    let call = 0;
    const source = (n: number) => {
      call++;
      return Uint8Array.from({ length: n }, (_, i) =>
        call === 1 && i < 10 ? 250 : ([0, 61, 62][i % 3] as number),
      );
    };
    const t = makeToken(source);
    expect(t.length).toBe(43);
    expect(t.slice(3, 13)).toBe('z00z00z00z'); // the ten skipped bytes shifted the pattern
  });

  it('hash to SHA-256 hex and show a short prefix', () => {
    expect(hashToken('sw_abc')).toBe('47b92df3e0bab4ab2a01ba562471014c1017b394e0b1858d97a504474103183d');
    expect(hashToken('sw_abc')).not.toBe(hashToken('sw_abd'));
    expect(displayPrefix('sw_AbCdEfGhIj')).toBe('sw_AbCdEf');
  });

  it('reject what is not one', () => {
    for (const s of [
      '',
      'sw_',
      'sw_short',
      `xx_${'a'.repeat(40)}`,
      `sw_${'a'.repeat(39)}!`,
      `sw_${'a'.repeat(41)}`,
    ])
      expect(looksLikeToken(s), s).toBe(false);
  });
});

describe('the failure limiter', () => {
  it('refuses an address after max failures until the oldest leaves the window', () => {
    const l = createFailureLimiter({ max: 3, windowMs: 60_000 });
    l.fail('1.2.3.4', 0);
    l.fail('1.2.3.4', 10_000);
    expect(l.retryAfterMs('1.2.3.4', 10_000)).toBe(0);
    l.fail('1.2.3.4', 20_000);
    expect(l.retryAfterMs('1.2.3.4', 20_000)).toBe(40_000);
    expect(l.retryAfterMs('5.6.7.8', 20_000)).toBe(0);
    expect(l.retryAfterMs('1.2.3.4', 59_999)).toBe(1);
    expect(l.retryAfterMs('1.2.3.4', 60_000)).toBe(0);
  });

  it('forgets the least recently failing addresses beyond its capacity', () => {
    const l = createFailureLimiter({ max: 1, windowMs: 60_000, maxKeys: 2 });
    l.fail('a', 0);
    l.fail('b', 1);
    l.fail('c', 2);
    expect(l.size()).toBe(2);
    expect(l.retryAfterMs('a', 3)).toBe(0);
    expect(l.retryAfterMs('c', 3)).toBe(59_999);
  });
});

// Admin API tokens: `sw_` and 40 base62 characters (about 238 random bits). Only a token's SHA-256 is
// stored; a short prefix tells tokens apart in lists without revealing them.
import { createHash } from 'node:crypto';

export const TOKEN_PREFIX = 'sw_';
export const TOKEN_CHARS = 40;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_RE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${TOKEN_CHARS}}$`);

/**
 * A token from a source of random bytes. Bytes of 248 and above are skipped (rejection sampling), so each
 * character is uniform over the 62.
 */
export function makeToken(randomBytes: (n: number) => Uint8Array): string {
  let out = TOKEN_PREFIX;
  while (out.length < TOKEN_PREFIX.length + TOKEN_CHARS) {
    for (const b of randomBytes(TOKEN_CHARS)) {
      if (b >= 248) continue;
      out += ALPHABET[b % 62];
      if (out.length === TOKEN_PREFIX.length + TOKEN_CHARS) break;
    }
  }
  return out;
}

export function looksLikeToken(s: string): boolean {
  return TOKEN_RE.test(s);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What lists show of a token: `sw_` and its first six characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

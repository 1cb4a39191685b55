// The `shouwang` command as users run it (npx shouwang → bin/shouwang.js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace } from '../helpers/cli.js';

const cli = cliWorkspace('sw-cli-');
beforeAll(() => cli.open());
afterAll(() => cli.close());
const shouwang = (args: string[]) => cli.run(...args);

describe('shouwang CLI', () => {
  it('applies migrations with db migrate', () => {
    const r = shouwang(['db', 'migrate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^migrations applied \((pglite|postgres): /);
  });

  it('lists an empty outbox as JSON', () => {
    const r = shouwang(['outbox', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('exits 2 with one line for an unknown command', () => {
    const r = shouwang(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shouwang: unknown command "frobnicate" (shouwang --help lists them)\n');
  });

  it('prints the usage', () => {
    const r = shouwang(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shouwang <command>');
  });
});
